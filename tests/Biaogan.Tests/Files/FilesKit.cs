using System.Net;
using System.Text;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Files;

/// <summary>
/// The file stores the file tests run against: the local folder always, and the S3-compatible store when
/// BIAOGAN_TEST_S3 holds the URL of a test server (scripts/s3-test-server.sh prints one).
/// </summary>
public static class FileStores
{
    public static string? S3Url => Environment.GetEnvironmentVariable("BIAOGAN_TEST_S3") is { Length: > 0 } url ? url : null;

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string> { "local" };
        if (S3Url is not null) names.Add("s3");
        return names;
    }
}

/// <summary>
/// An app node for the file tests: the given store ("local" or "s3", each factory with a bucket or folder of its own
/// unless one is shared), optionally on another node's database so that two instances act as two nodes of one site.
/// </summary>
public sealed class NodeFactory(string store, NodeFactory? sameSiteAs = null, IEnumerable<KeyValuePair<string, string?>>? extra = null) : AppFactory
{
    public string Bucket { get; } = sameSiteAs?.Bucket ?? "biaogan-test-" + Guid.NewGuid().ToString("N")[..12];

    public string FilesRoot => Path.Combine(Folder, "files");

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings
    {
        get
        {
            var settings = new List<KeyValuePair<string, string?>>(extra ?? []) { new("RateLimits:UploadPerMinute", "1000") };
            if (sameSiteAs is not null) settings.Add(new("ConnectionStrings:Biaogan", sameSiteAs.ConnectionString));
            if (store == "s3")
            {
                settings.Add(new("Files:Provider", "S3"));
                settings.Add(new("Files:S3:ServiceUrl", FileStores.S3Url ?? throw new InvalidOperationException("BIAOGAN_TEST_S3 未设置")));
                settings.Add(new("Files:S3:Bucket", Bucket));
                settings.Add(new("Files:S3:AccessKey", "S3RVER"));
                settings.Add(new("Files:S3:SecretKey", "S3RVER"));
                settings.Add(new("Files:S3:ForcePathStyle", "true"));
            }
            return settings;
        }
    }

}

/// <summary>
/// A multipart body generated while it is sent (nothing on disk, nothing held whole in memory): a purpose field, then a
/// "PDF" file of the given size. Counts the bytes the server actually pulled.
/// </summary>
public sealed class GeneratedUpload(long fileBytes, bool declareLength, string purpose = "evidence") : HttpContent
{
    private const string Boundary = "biaogan-generated-boundary";
    private readonly byte[] head = Encoding.UTF8.GetBytes(
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n{purpose}\r\n" +
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n");
    private readonly byte[] tail = Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n");
    private long served;

    public long Served => Interlocked.Read(ref served);

    public GeneratedUpload Typed()
    {
        Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return this;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await WriteAsync(stream, head);
        var chunk = new byte[64 * 1024];
        for (long left = fileBytes - 9; left > 0; left -= chunk.Length)
            await WriteAsync(stream, chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        await WriteAsync(stream, tail);
    }

    private async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes);
        Interlocked.Add(ref served, bytes.Length);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = head.Length + fileBytes - 9 + tail.Length;
        return declareLength;
    }
}

/// <summary>A fact that runs only against the S3-compatible test server (BIAOGAN_TEST_S3); skipped with the reason otherwise.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (FileStores.S3Url is null) Skip = "需要 S3 兼容的测试服务器：export BIAOGAN_TEST_S3=\"$(bash scripts/s3-test-server.sh)\"";
    }
}
