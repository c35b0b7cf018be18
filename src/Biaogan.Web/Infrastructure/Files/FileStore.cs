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
/// The one way files enter and leave storage: streamed to a temporary file while hashing (SHA-256) and
/// counting, refused when too large or when the content is not an allowed type, then moved under
/// <c>Files:Root</c> (outside the web root). The caller saves the returned row with its own change.
/// </summary>
public sealed class FileStore(AppDbContext db, IConfiguration config, IHostEnvironment env, TimeProvider clock, CurrentActor actor)
{
    private string Root => Path.GetFullPath(config["Files:Root"] ?? "App_Data/files", env.ContentRootPath);

    public async Task<StoredFile> SaveAsync(Stream content, string fileName, UploadRequest request, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) throw new DomainRuleException("请选择要上传的文件。");
        if (name.Length > 200) name = name[..190] + Path.GetExtension(name);
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            var (size, sha) = await CopyLimitedAsync(content, temp, request.MaxBytes, name, ct);
            if (size == 0) throw new DomainRuleException($"文件“{name}”是空文件，请重新选择。");
            var (kind, description) = FileKinds.Detect(temp, name);
            if (kind is null || !request.AllowedKinds.Contains(kind))
                throw new DomainRuleException(
                    $"文件“{name}”的实际内容是{description}，不是允许的类型。允许上传：{AllowedText(request.AllowedKinds)}。请检查文件是否被改过扩展名，换用正确的文件后重新上传。");
            var version = 1;
            var logicalId = request.ReplacesLogicalId ?? Guid.CreateVersion7();
            if (request.ReplacesLogicalId is { } lid)
                version = await db.Set<StoredFile>().Where(f => f.LogicalId == lid).MaxAsync(f => (int?)f.VersionNo, ct) + 1 ?? 1;
            var now = clock.GetUtcNow();
            var key = Path.Combine(now.ToString("yyyy"), now.ToString("MM"), Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, key))!);
            File.Move(temp, Path.Combine(Root, key));
            var stored = new StoredFile
            {
                LogicalId = logicalId, VersionNo = version, OwnerType = request.OwnerType, OwnerId = request.OwnerId,
                Purpose = request.Purpose, Title = string.IsNullOrWhiteSpace(request.Title) ? Path.GetFileNameWithoutExtension(name) : request.Title.Trim(),
                FileName = name, Kind = kind, ContentType = FileKinds.Known[kind].ContentType, Size = size, Sha256 = sha,
                StorageKey = key, UploadedByUserId = actor.Id ?? "", UploadedByName = actor.Name, UploadedAt = now,
            };
            db.Set<StoredFile>().Add(stored);
            Observability.BiaoganMetrics.Upload(kind, size);
            return stored;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Stream OpenRead(StoredFile file) =>
        new FileStream(Path.Combine(Root, file.StorageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>Serves a file the caller has already been authorised to see.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult Serve(StoredFile file) =>
        TypedResults.File(OpenRead(file), file.ContentType, file.FileName, enableRangeProcessing: true);

    public static string AllowedText(IEnumerable<string> kinds) =>
        string.Join("、", kinds.Where(FileKinds.Known.ContainsKey).Select(k => FileKinds.Known[k].Name));

    private static async Task<(long Size, string Sha)> CopyLimitedAsync(Stream source, string path, long max, string name, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > max)
                throw new DomainRuleException($"文件“{name}”超过 {max / 1024 / 1024} MB 的单个文件大小上限，请压缩或拆分后重新上传。");
            sha.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}
