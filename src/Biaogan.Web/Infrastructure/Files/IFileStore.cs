namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// Where the bytes of stored files live: the local folder <c>Files:Root</c> (the embedded default, one node) or an
/// S3-compatible object store (<c>Files:Provider=S3</c>, several nodes). Keys are '/'-separated
/// ("2026/11/&lt;guid&gt;"); the database row (<see cref="StoredFile.StorageKey"/>) is what makes a blob part of the record.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Starts a new blob. Nothing is visible under <paramref name="key"/> until <see cref="IBlobWriter.CompleteAsync"/>;
    /// disposing the writer without completing it removes whatever was written.
    /// </summary>
    Task<IBlobWriter> CreateAsync(string key, CancellationToken ct = default);

    /// <summary>The blob's bytes, or null when there is no such blob (a file lost or stored on another node's disk).</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Every blob with the time it was last written (the orphan sweeper compares them with the rows).</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken ct = default);
}

public sealed record StoredBlob(string Key, DateTimeOffset LastModified);

/// <summary>A blob being written; see <see cref="IFileStore.CreateAsync"/>.</summary>
public interface IBlobWriter : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default);
    Task CompleteAsync(CancellationToken ct = default);
}
