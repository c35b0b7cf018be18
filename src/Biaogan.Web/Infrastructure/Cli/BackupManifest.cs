using System.Security.Cryptography;
using System.Text;

namespace Biaogan.Web.Infrastructure.Cli;

/// <summary>
/// manifest.sha256 of a backup folder: one “hash  relative/path” line per file, the format of <c>sha256sum</c>,
/// so <c>cd DIR &amp;&amp; sha256sum -c manifest.sha256</c> checks a backup without the application.
/// </summary>
public static class BackupManifest
{
    public const string FileName = "manifest.sha256";

    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>Copies <paramref name="input"/> into a new file <paramref name="target"/>, hashing as it copies.</summary>
    public static async Task<string> CopyHashingAsync(Stream input, string target, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static Task WriteAsync(string folder, IEnumerable<KeyValuePair<string, string>> entries, CancellationToken ct) =>
        File.WriteAllTextAsync(Path.Combine(folder, FileName),
            string.Concat(entries.Select(e => $"{e.Value}  {e.Key}\n")), new UTF8Encoding(false), ct);

    public static async Task<Dictionary<string, string>> ReadAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new IOException($"{folder} 中没有 {FileName}：这不是 backup 命令生成的备份，或备份不完整。");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            if (line.Length < 67 || line[64] != ' ') continue;
            result[line[66..]] = line[..64];
        }
        return result;
    }

    /// <summary>Every problem with the files of a backup folder: missing, changed, or not in the manifest.</summary>
    public static async Task<List<string>> CheckAsync(string folder, Dictionary<string, string> manifest, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var (relative, expected) in manifest.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, relative);
            if (!File.Exists(path)) problems.Add($"缺少文件 {relative}");
            else if (await HashAsync(path, ct) != expected) problems.Add($"文件 {relative} 已损坏或被改动（SHA-256 与清单不符）");
        }
        var files = Path.Combine(folder, "files");
        if (Directory.Exists(files))
        {
            foreach (var file in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (!manifest.ContainsKey(relative)) problems.Add($"文件 {relative} 不在清单中（备份后被放入）");
            }
        }
        return problems;
    }
}
