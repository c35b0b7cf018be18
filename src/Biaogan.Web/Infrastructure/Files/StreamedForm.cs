using System.Text;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// A multipart/form-data body read in one pass, as it arrives (nothing buffered whole, no temporary copy): the text
/// fields are collected, and each file part is handed out as a stream to give to <see cref="FileStore.SaveAsync"/>.
/// Fields that the handling of a file needs must come before the file in the form (browsers send fields in page
/// order, so file inputs go last). The request's transport cap is set to what this form may carry, and a body whose
/// Content-Length is over it is refused before a byte of it is read.
/// </summary>
public sealed class StreamedForm
{
    /// <summary>Room for the text fields and the multipart framing, on top of the files themselves.</summary>
    public const long FieldsAllowance = 1024 * 1024;
    private const int MaxFieldChars = 64 * 1024;
    /// <summary>
    /// The reader's buffer: with the framework's default (4 KB) a file part is handed out 4 KB at a time, and a 20 MB
    /// upload costs ~5,000 reads, hash calls and writes; 64 KB makes it ~320 (bench/upload).
    /// </summary>
    private const int ReadBufferBytes = 64 * 1024;

    private readonly MultipartReader reader;
    private MultipartSection? section;

    private StreamedForm(MultipartReader reader) => this.reader = reader;

    public Dictionary<string, StringValues> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The field name of the current file part (after <see cref="NextFileAsync"/> returned true).</summary>
    public string FileField { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public Stream FileBody => section?.Body ?? Stream.Null;

    /// <summary>True while positioned on a file part (the last <see cref="NextFileAsync"/> returned true).</summary>
    public bool HasFile => section is not null;

    /// <summary>The file parts from the current one on, each to be read (or skipped) before the next is taken.</summary>
    public async IAsyncEnumerable<(string FileName, Stream Body)> FilesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!HasFile && !await NextFileAsync(ct)) yield break;
        do yield return (FileName, FileBody);
        while (await NextFileAsync(ct));
    }

    public string? this[string name] => Fields.TryGetValue(name, out var v) ? v.FirstOrDefault() : null;

    /// <summary>
    /// Checks the request and raises its body-size cap to <paramref name="maxFiles"/> files of
    /// <paramref name="maxFileBytes"/> (plus the field allowance); refuses a larger Content-Length before reading.
    /// </summary>
    public static StreamedForm Open(HttpRequest request, long maxFileBytes, int maxFiles = 1)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var m) ? m : null;
        var boundary = HeaderUtilities.RemoveQuotes(mediaType?.Boundary ?? default).Value;
        if (mediaType is null || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(boundary))
            throw new DomainRuleException("请以 multipart/form-data 格式上传文件。");
        var cap = maxFileBytes * maxFiles + FieldsAllowance;
        if (request.ContentLength > cap)
            throw new UploadTooLargeException(
                $"上传内容（{request.ContentLength / 1024 / 1024} MB）超过上限：每个文件不超过 {maxFileBytes / 1024 / 1024} MB，最多 {maxFiles} 个文件。请压缩或拆分后重新上传。");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = cap;
        return new StreamedForm(new MultipartReader(boundary, request.Body, ReadBufferBytes) { HeadersLengthLimit = 16 * 1024 });
    }

    /// <summary>Reads on to the next file part, collecting the text fields on the way; false at the end of the body.</summary>
    public async Task<bool> NextFileAsync(CancellationToken ct)
    {
        if (section is not null) await section.Body.DrainAsync(ct); // a file part the caller did not read
        while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd)) continue;
            var name = HeaderUtilities.RemoveQuotes(cd.Name).Value ?? "";
            if (cd.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(cd.FileNameStar.HasValue ? cd.FileNameStar : cd.FileName).Value ?? "";
                if (fileName.Length == 0) { await section.Body.DrainAsync(ct); continue; } // an empty file input
                FileField = name;
                FileName = fileName;
                return true;
            }
            var value = await ReadFieldAsync(section.Body, ct);
            Fields[name] = Fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }
        return false;
    }

    /// <summary>Reads the rest of the body (text fields after the last file); file parts left are skipped.</summary>
    public async Task ReadToEndAsync(CancellationToken ct)
    {
        while (await NextFileAsync(ct)) { }
    }

    /// <summary>The fields as a form collection, for model binding and antiforgery.</summary>
    public FormCollection ToFormCollection() => new(new Dictionary<string, StringValues>(Fields, StringComparer.OrdinalIgnoreCase));

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[4096];
        var sb = new StringBuilder();
        int read;
        while ((read = await text.ReadAsync(buffer, ct)) > 0)
        {
            sb.Append(buffer, 0, read);
            if (sb.Length > MaxFieldChars) throw new DomainRuleException($"表单中的一项内容超过 {MaxFieldChars} 个字符，请精简后重新提交。");
        }
        return sb.ToString();
    }
}
