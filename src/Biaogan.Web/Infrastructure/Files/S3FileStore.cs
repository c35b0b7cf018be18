using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>Settings of <c>Files:S3</c>.</summary>
public sealed class S3Options
{
    /// <summary>The endpoint, e.g. "http://minio.internal:9000"; empty means AWS itself (with <see cref="Region"/>).</summary>
    public string? ServiceUrl { get; set; }
    public string Bucket { get; set; } = "biaogan-files";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Region { get; set; } = "us-east-1";
    /// <summary>Path-style addressing (http://host/bucket/key), which MinIO, Ceph RGW and most private stores need.</summary>
    public bool ForcePathStyle { get; set; } = true;
    /// <summary>Creates the bucket on first use when it does not exist (convenient for tests and fresh installs).</summary>
    public bool CreateBucket { get; set; } = true;
    /// <summary>Size of one part of a multipart upload, in MB (S3 requires at least 5); one part is held in memory per upload.</summary>
    public int PartSizeMb { get; set; } = 8;
}

/// <summary>
/// Blobs in an S3-compatible object store shared by every node. An upload is streamed in parts (a multipart upload,
/// one part in memory at a time); an upload that is not completed is aborted, so no partial object remains.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly S3Options options;
    private readonly SemaphoreSlim bucketGate = new(1, 1);
    private volatile bool bucketReady;

    public S3FileStore(S3Options options)
    {
        this.options = options;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Only checksums the service requires: private S3-compatible stores do not all speak the newer trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl)) config.ServiceURL = options.ServiceUrl;
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey ?? ""), config);
    }

    public async Task<IBlobWriter> CreateAsync(string key, CancellationToken ct = default)
    {
        await EnsureBucketAsync(ct);
        return new Writer(this, key, Math.Max(5, options.PartSizeMb) * 1024 * 1024);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        await EnsureBucketAsync(ct);
        try
        {
            var response = await client.GetObjectAsync(options.Bucket, key, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        await EnsureBucketAsync(ct);
        await client.DeleteObjectAsync(options.Bucket, key, ct);
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await EnsureBucketAsync(ct);
        string? token = null;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.Bucket, ContinuationToken = token }, ct);
            foreach (var o in page.S3Objects ?? [])
                yield return new StoredBlob(o.Key, o.LastModified is { } m ? new DateTimeOffset(m.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue);
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    private async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (bucketReady || !options.CreateBucket) return;
        await bucketGate.WaitAsync(ct);
        try
        {
            if (bucketReady) return;
            try
            {
                await client.PutBucketAsync(new PutBucketRequest { BucketName = options.Bucket }, ct);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists" || e.StatusCode == HttpStatusCode.Conflict)
            {
                // Another node (or an earlier start) created it.
            }
            bucketReady = true;
        }
        finally
        {
            bucketGate.Release();
        }
    }

    public void Dispose()
    {
        client.Dispose();
        bucketGate.Dispose();
    }

    private sealed class Writer(S3FileStore store, string key, int partSize) : IBlobWriter
    {
        private readonly byte[] buffer = new byte[partSize];
        private readonly List<PartETag> parts = [];
        private int filled;
        private string? uploadId;
        private bool completed;

        private AmazonS3Client Client => store.client;
        private string Bucket => store.options.Bucket;

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
        {
            while (data.Length > 0)
            {
                var n = Math.Min(data.Length, buffer.Length - filled);
                data[..n].CopyTo(buffer.AsMemory(filled));
                filled += n;
                data = data[n..];
                if (filled == buffer.Length) await FlushPartAsync(ct);
            }
        }

        private async Task FlushPartAsync(CancellationToken ct)
        {
            uploadId ??= (await Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key }, ct)).UploadId;
            var number = parts.Count + 1;
            using var part = new MemoryStream(buffer, 0, filled, writable: false);
            var response = await Client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = Bucket, Key = key, UploadId = uploadId, PartNumber = number, InputStream = part, PartSize = filled,
                UseChunkEncoding = false,
            }, ct);
            parts.Add(new PartETag(number, response.ETag));
            filled = 0;
        }

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            if (uploadId is null)
            {
                using var whole = new MemoryStream(buffer, 0, filled, writable: false);
                await Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = whole, UseChunkEncoding = false, AutoCloseStream = false }, ct);
            }
            else
            {
                if (filled > 0) await FlushPartAsync(ct);
                await Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = Bucket, Key = key, UploadId = uploadId, PartETags = parts,
                }, ct);
            }
            completed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (completed || uploadId is null) return;
            try
            {
                await Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = uploadId });
            }
            catch (AmazonS3Exception)
            {
                // The store will expire the abandoned parts (a lifecycle rule); nothing was ever visible under the key.
            }
        }
    }
}
