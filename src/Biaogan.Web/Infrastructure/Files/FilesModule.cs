using Microsoft.AspNetCore.Http.Features;

namespace Biaogan.Web.Infrastructure.Files;

public static class FilesModule
{
    /// <summary>
    /// The transport cap of ordinary requests (forms, JSON, small imports), in MB. Upload endpoints read their bodies
    /// with <see cref="StreamedForm"/>, which raises the cap of that one request to what the cycle allows.
    /// </summary>
    public const long DefaultRequestMb = 30;

    public static void AddFiles(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = config["Files:Provider"] ?? "Local";
        if (provider.Equals("S3", StringComparison.OrdinalIgnoreCase))
        {
            var s3 = config.GetSection("Files:S3").Get<S3Options>() ?? new S3Options();
            builder.Services.AddSingleton<IFileStore>(new S3FileStore(s3));
        }
        else if (provider.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            var root = Path.GetFullPath(config["Files:Root"] ?? "App_Data/files", builder.Environment.ContentRootPath);
            builder.Services.AddSingleton<IFileStore>(new LocalFileStore(root));
        }
        else
        {
            throw new InvalidOperationException($"Files:Provider 只能是 Local 或 S3（当前为“{provider}”）。");
        }
        builder.Services.AddScoped<FileStore>();
        builder.Services.AddScoped<OrphanSweeper>();
        builder.Services.AddHostedService<OrphanSweepJob>();
        var requestBytes = config.GetValue("Files:RequestLimitMb", DefaultRequestMb) * 1024 * 1024;
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = requestBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = requestBytes);
    }
}
