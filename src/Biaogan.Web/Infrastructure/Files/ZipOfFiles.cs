using System.IO.Compression;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// Stored files written to the response as one ZIP while they are read from the store (local folder or S3): each
/// blob is copied into its entry and closed before the next is opened, so nothing is held in memory or on disk.
/// Entry names are Chinese; .NET marks non-ASCII names as UTF-8 (general-purpose flag bit 11), which Windows
/// Explorer, macOS and unzip all honour. Only for files the caller has already been authorised to see.
/// </summary>
public sealed class ZipOfFiles(string fileName, IReadOnlyList<ZipOfFiles.Entry> entries) : IResult, IFileHttpResult, IContentTypeHttpResult
{
    public sealed record Entry(string Name, StoredFile File);

    public string? ContentType => "application/zip";
    public string? FileDownloadName => fileName;

    public async Task ExecuteAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<FileStore>();
        var ct = http.RequestAborted;
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            { FileName = "materials.zip", FileNameStar = fileName }.ToString();
        var missing = new List<string>();
        var output = new SyncWritesHeldBack(http.Response.Body);
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            foreach (var e in entries)
            {
                await using var source = await store.OpenReadAsync(e.File, ct);
                if (source is null)
                {
                    missing.Add(e.Name);
                    continue;
                }
                // Stored uploads are PDFs, images and Office files, already compressed: store them as they are.
                var entry = zip.CreateEntry(e.Name, CompressionLevel.NoCompression);
                entry.LastWriteTime = e.File.UploadedAt;
                await using var target = await entry.OpenAsync(ct);
                await source.CopyToAsync(target, ct);
            }
            if (missing.Count > 0)
            {
                var note = zip.CreateEntry("缺失的文件.txt");
                await using var target = await note.OpenAsync(ct);
                await target.WriteAsync(Encoding.UTF8.GetBytes(
                    "以下文件在文件存储中找不到，未能打包。请联系系统管理员从备份中恢复：\r\n" + string.Join("\r\n", missing) + "\r\n"), ct);
            }
        }
        await output.FlushAsync(ct);
    }

    /// <summary>
    /// The response body as ZipArchive sees it. Closing an entry writes its data descriptor synchronously (the entry
    /// stream has no async dispose), which the server refuses; those few bytes are held here and sent with the next
    /// asynchronous write or the final flush. File contents are written asynchronously and pass straight through.
    /// </summary>
    private sealed class SyncWritesHeldBack(Stream inner) : Stream
    {
        private readonly MemoryStream held = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Flush() { }
        public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => held.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            await ReleaseAsync(ct);
            await inner.WriteAsync(buffer, ct);
        }

        public override async Task FlushAsync(CancellationToken ct)
        {
            await ReleaseAsync(ct);
            await inner.FlushAsync(ct);
        }

        private async Task ReleaseAsync(CancellationToken ct)
        {
            if (held.Length == 0) return;
            await inner.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), ct);
            held.SetLength(0);
        }
    }

    /// <summary>A name usable inside a ZIP: no folder separators or control characters, and unique among <paramref name="taken"/>.</summary>
    public static string SafeName(string folder, string name, ISet<string> taken)
    {
        var clean = new string(name.Select(ch => ch is '/' or '\\' or ':' || char.IsControl(ch) ? '_' : ch).ToArray()).Trim();
        if (clean.Length == 0) clean = "文件";
        var candidate = $"{folder}/{clean}";
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{folder}/{Path.GetFileNameWithoutExtension(clean)}（{n}）{Path.GetExtension(clean)}";
        return candidate;
    }
}
