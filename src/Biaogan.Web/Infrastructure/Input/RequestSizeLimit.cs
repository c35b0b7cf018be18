using Microsoft.AspNetCore.Http.Features;

namespace Biaogan.Web.Infrastructure.Input;

/// <summary>
/// The size limit of request bodies that are not file uploads (JSON and ordinary forms): <c>Limits:MaxBodyBytes</c>,
/// 1 MB by default — far above the longest text a form holds. A declared Content-Length over the limit is refused before
/// anything is read; a body without one stops being read at the limit. Multipart bodies (uploads) keep the limits of
/// Infrastructure/Files.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, IConfiguration configuration)
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public const string TooLargeMessage =
        "提交的内容超过了允许的大小。文字请删减后重新提交；文件请通过上传功能提交，并按页面提示的大小压缩或拆分。";

    private readonly long _limit = configuration.GetValue("Limits:MaxBodyBytes", DefaultMaxBodyBytes);

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        // The error page runs this pipeline again for the same request: the body was refused once already.
        if (http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge) return next(http);
        if (request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true) return next(http);
        if (request.ContentLength > _limit)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > _limit))
            feature.MaxRequestBodySize = _limit;
        else if (request.ContentLength is null && request.Body.CanRead)
            request.Body = new LimitedReadStream(request.Body, _limit);
        return next(http);
    }

    /// <summary>Stops a body without Content-Length at the limit (hosts without Kestrel's body-size feature, e.g. tests).</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }
    }
}
