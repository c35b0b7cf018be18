using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>An evidence file as it arrives (read once, straight into the file store).</summary>
public sealed record EvidenceUpload(string FileName, Stream Body);

/// <summary>
/// The evidence files of a public form (异议, 投诉): read from the streamed form as they arrive and stored through
/// <see cref="FileStore"/>, which checks each by its content (an executable named .pdf is refused), at most a number of them.
/// </summary>
public static class EvidenceUploads
{
    /// <summary>The file parts of the page's streamed form (<see cref="StreamedUploadAttribute"/>); none when it has none.</summary>
    public static IAsyncEnumerable<EvidenceUpload> From(HttpContext http, CancellationToken ct) =>
        (http.Features.Get<StreamedForm>()?.FilesAsync(ct) ?? AsyncEnumerable.Empty<(string, Stream)>())
            .Select(f => new EvidenceUpload(f.Item1, f.Item2));

    public static async Task<int> SaveAllAsync(this FileStore files, IAsyncEnumerable<EvidenceUpload> uploads, UploadRequest request, int maxFiles,
        CancellationToken ct)
    {
        var count = 0;
        await foreach (var f in uploads.WithCancellation(ct))
        {
            if (++count > maxFiles) throw new DomainRuleException($"证明材料最多上传 {maxFiles} 个文件，请合并后再上传。");
            await files.SaveAsync(f.Body, f.FileName, request, ct);
        }
        return count;
    }
}
