using System.Security.Cryptography;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>What an upload is, where it belongs, and the limits it must meet.</summary>
public sealed record UploadRequest(
    string OwnerType, Guid OwnerId, string Purpose, string Title,
    IReadOnlyCollection<string> AllowedKinds, long MaxBytes, Guid? ReplacesLogicalId = null);

/// <summary>
/// The one way files enter and leave storage. An upload is read once, as it arrives: its first bytes decide the
/// type (refused before anything is stored), the rest goes straight to the <see cref="IFileStore"/> while it is
/// hashed (SHA-256) and counted, and reading stops as soon as it passes the size limit. The caller saves the
/// returned row with its own change; a blob whose row was never saved in this scope (a lost version race, a broken
/// rule after the upload) is removed when the scope ends, and <see cref="OrphanSweeper"/> removes any left by a crash.
/// </summary>
public sealed class FileStore(AppDbContext db, IFileStore blobs, TimeProvider clock, CurrentActor actor, ILogger<FileStore> log)
    : IAsyncDisposable, IDisposable
{
    private const int BufferBytes = 128 * 1024;
    private readonly List<StoredFile> pending = [];
    private bool listening;

    public IFileStore Blobs => blobs;

    public async Task<StoredFile> SaveAsync(Stream content, string fileName, UploadRequest request, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) throw new DomainRuleException("请选择要上传的文件。");
        if (name.Length > 200) name = name[..190] + Path.GetExtension(name);
        var head = new byte[FileKinds.HeadBytes];
        var n = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (n == 0) throw new DomainRuleException($"文件“{name}”是空文件，请重新选择。");
        var (kind, description) = FileKinds.Detect(head.AsSpan(0, n), name);
        if (kind is null || !request.AllowedKinds.Contains(kind))
            throw new DomainRuleException(
                $"文件“{name}”的实际内容是{description}，不是允许的类型。允许上传：{AllowedText(request.AllowedKinds)}。请检查文件是否被改过扩展名，换用正确的文件后重新上传。");
        if (n > request.MaxBytes) throw UploadTooLargeException.For(name, request.MaxBytes);

        var version = 1;
        var logicalId = request.ReplacesLogicalId ?? Guid.CreateVersion7();
        if (request.ReplacesLogicalId is { } lid)
            version = await db.Set<StoredFile>().Where(f => f.LogicalId == lid).MaxAsync(f => (int?)f.VersionNo, ct) + 1 ?? 1;
        var now = clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var (size, sha) = await WriteAsync(key, head.AsMemory(0, n), content, request.MaxBytes, name, ct);

        var stored = new StoredFile
        {
            LogicalId = logicalId, VersionNo = version, OwnerType = request.OwnerType, OwnerId = request.OwnerId,
            Purpose = request.Purpose, Title = string.IsNullOrWhiteSpace(request.Title) ? Path.GetFileNameWithoutExtension(name) : request.Title.Trim(),
            FileName = name, Kind = kind, ContentType = FileKinds.Known[kind].ContentType, Size = size, Sha256 = sha,
            StorageKey = key, UploadedByUserId = actor.Id ?? "", UploadedByName = actor.Name, UploadedAt = now,
        };
        Track(stored);
        db.Set<StoredFile>().Add(stored);
        Observability.BiaoganMetrics.Upload(kind, size);
        return stored;
    }

    /// <summary>The bytes of a stored file, or null when the store does not have them.</summary>
    public Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken ct = default) => blobs.OpenReadAsync(file.StorageKey, ct);

    /// <summary>Serves a file the caller has already been authorised to see (a Chinese 404 when the bytes are missing).</summary>
    public StoredFileResult Serve(StoredFile file, bool inline = false) => new(file, inline);

    public static string AllowedText(IEnumerable<string> kinds) =>
        string.Join("、", kinds.Where(FileKinds.Known.ContainsKey).Select(k => FileKinds.Known[k].Name));

    private async Task<(long Size, string Sha)> WriteAsync(string key, ReadOnlyMemory<byte> head, Stream rest, long max, string name, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var writer = await blobs.CreateAsync(key, ct);
        sha.AppendData(head.Span);
        await writer.WriteAsync(head, ct);
        long size = head.Length;
        var buffer = new byte[BufferBytes];
        int read;
        while ((read = await rest.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            // Stop at once: the rest of an oversized body is never read, hashed or stored.
            if (size > max) throw UploadTooLargeException.For(name, max);
            sha.AppendData(buffer, 0, read);
            await writer.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        await writer.CompleteAsync(ct);
        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private void Track(StoredFile stored)
    {
        pending.Add(stored);
        if (listening) return;
        listening = true;
        db.SavedChanges += (_, _) => pending.RemoveAll(f => db.Entry(f).State is EntityState.Unchanged or EntityState.Modified);
    }

    /// <summary>Removes the blobs whose rows were never saved: nothing refers to them.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var f in pending)
        {
            try
            {
                await blobs.DeleteAsync(f.StorageKey);
            }
            catch (Exception e) when (e is IOException or Amazon.Runtime.AmazonServiceException or HttpRequestException)
            {
                log.LogWarning(e, "未保存的上传文件 {Key} 删除失败，将由孤立文件清理任务删除", f.StorageKey);
            }
        }
        pending.Clear();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>An upload over its size limit: the API answers 413, a page shows the message with the typed text kept.</summary>
public sealed class UploadTooLargeException(string message) : Exception(message)
{
    public static UploadTooLargeException For(string name, long max) =>
        new($"文件“{name}”超过 {max / 1024 / 1024} MB 的单个文件大小上限，已停止接收。请压缩或拆分后重新上传。");
}
