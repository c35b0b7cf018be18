using Biaogan.Web.Infrastructure.Files;

namespace Biaogan.Web.Infrastructure.Cli;

/// <summary>
/// The stored files of a backup, read and written through <see cref="IFileStore"/> — the local folder or the S3-compatible
/// object store alike — so the backup folder has the same <c>files/&lt;key&gt;</c> layout whichever store the site uses,
/// and a backup of one can be restored into the other.
/// </summary>
public static class BackupBlobs
{
    /// <summary>Blobs that belong to the record: not an upload still being written, nor the local store's temporary folder.</summary>
    private static bool IsRecord(string key) =>
        !key.StartsWith("tmp/", StringComparison.Ordinal) && !key.EndsWith(LocalFileStore.PartSuffix, StringComparison.Ordinal);

    /// <summary>Copies every blob into <paramref name="to"/>/&lt;key&gt;, hashing as it copies; returns key → SHA-256.</summary>
    public static async Task<SortedDictionary<string, string>> CopyOutAsync(IFileStore store, string to, CancellationToken ct)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(ct))
        {
            if (!IsRecord(blob.Key)) continue;
            await using var input = await store.OpenReadAsync(blob.Key, ct);
            if (input is null) continue; // removed (an orphan swept) between the listing and the read
            var target = Inside(to, blob.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            hashes[blob.Key] = await BackupManifest.CopyHashingAsync(input, target, ct);
        }
        return hashes;
    }

    public static async Task<bool> AnyAsync(IFileStore store, CancellationToken ct)
    {
        await foreach (var blob in store.ListAsync(ct))
            if (IsRecord(blob.Key)) return true;
        return false;
    }

    /// <summary>Empties the store and writes every file of the backup's <paramref name="from"/> folder into it; returns the count.</summary>
    public static async Task<int> ReplaceAllAsync(IFileStore store, string from, CancellationToken ct)
    {
        var existing = new List<string>();
        await foreach (var blob in store.ListAsync(ct)) existing.Add(blob.Key);
        foreach (var key in existing) await store.DeleteAsync(key, ct);
        if (!Directory.Exists(from)) return 0;
        var count = 0;
        var buffer = new byte[1 << 16];
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(from, path).Replace(Path.DirectorySeparatorChar, '/');
            await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await using var writer = await store.CreateAsync(key, ct);
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, read), ct);
            await writer.CompleteAsync(ct);
            count++;
        }
        return count;
    }

    /// <summary>The path of <paramref name="key"/> under <paramref name="folder"/>; a key can never reach outside it.</summary>
    private static string Inside(string folder, string key)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new IOException($"文件存储中的键“{key}”指向备份目录之外，已停止备份。");
        return path;
    }
}
