using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Brotli and gzip for pages, JSON, CSS and JavaScript (docs/decisions/0047-response-compression.md). A reviewer's
/// score sheet is mostly repeated markup and shrinks about ten times. The fastest level of each codec: the CPU a
/// response costs matters more on a busy day than the last few per cent of bytes. Pages that show a long-lived secret
/// to its owner (the authenticator key, recovery codes: /Account) are never compressed, so BREACH has nothing stable
/// to guess; the antiforgery token in forms is encrypted afresh for every response.
/// </summary>
public static class Compression
{
    public static void AddCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "application/problem+json", "image/svg+xml", "text/plain", "text/csv"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    public static void UseCompression(this WebApplication app)
    {
        app.Use((ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/Account")) ctx.Request.Headers.AcceptEncoding = default;
            return next(ctx);
        });
        app.UseResponseCompression();
    }
}
