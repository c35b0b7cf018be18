using System.Runtime.CompilerServices;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// Blobs as files under <c>Files:Root</c> (outside the web root). A blob is written to "&lt;key&gt;.part" on the same
/// disk and renamed when complete, so a half-written upload is never served and is always removed.
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public const string PartSuffix = ".part";

    public string Root { get; } = Path.GetFullPath(root);

    public Task<IBlobWriter> CreateAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var part = path + PartSuffix;
        var stream = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        return Task.FromResult<IBlobWriter>(new Writer(stream, part, path));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult<Stream?>(null);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (FileNotFoundException) { return Task.FromResult<Stream?>(null); }
        catch (DirectoryNotFoundException) { return Task.FromResult<Stream?>(null); }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
            yield return new StoredBlob(key, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        }
        await Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        // Keys come from our own rows, but a key must never reach outside the root.
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Storage key outside the file root: {key}");
        return path;
    }

    private sealed class Writer(FileStream stream, string part, string final) : IBlobWriter
    {
        private bool completed;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default) => stream.WriteAsync(data, ct);

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            await stream.FlushAsync(ct);
            await stream.DisposeAsync();
            File.Move(part, final);
            completed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!completed) File.Delete(part);
        }
    }
}
