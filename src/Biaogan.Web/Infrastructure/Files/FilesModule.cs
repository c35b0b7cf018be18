using Microsoft.AspNetCore.Http.Features;

namespace Biaogan.Web.Infrastructure.Files;

public static class FilesModule
{
    /// <summary>Upload limits of the transport; per-cycle limits are checked by <see cref="FileStore"/>.</summary>
    public const long MaxRequestBytes = 220L * 1024 * 1024;

    public static void AddFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FileStore>();
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
    }
}
