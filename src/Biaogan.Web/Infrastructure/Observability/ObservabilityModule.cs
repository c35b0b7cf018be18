using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Biaogan.Web.Infrastructure.Observability;

/// <summary>
/// Health, metrics and logs for operators (docs/operations.md “健康检查与监控”): /healthz (the process answers),
/// /readyz (database, file store, mail), OpenTelemetry metrics at /metrics in Prometheus format when
/// <c>Metrics:Enabled</c>, and JSON console logs in Production.
/// </summary>
public static class ObservabilityModule
{
    private const string Ready = "ready";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction()) builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<FileStoreReadiness>("files", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<MailReadiness>("mail", tags: [Ready], timeout: TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<OutboxBacklogGauge>();
        if (!MetricsEnabled(builder.Configuration)) return;
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(BiaoganMetrics.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql", "System.Net.Http")
            .AddPrometheusExporter());
    }

    public static void MapObservability(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .AllowAnonymous().DisableRateLimiting().CacheOutput(p => p.NoCache());
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJson })
            .AllowAnonymous().DisableRateLimiting().CacheOutput(p => p.NoCache());
        if (!MetricsEnabled(app.Configuration)) return;
        app.Services.GetRequiredService<OutboxBacklogGauge>().Register();
        var access = MetricsAccess.FromConfiguration(app.Configuration);
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(async (ctx, next) =>
            {
                if (!access.Allows(ctx))
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
                await next(ctx);
            }), optionsName: null)
            .AllowAnonymous().DisableRateLimiting().CacheOutput(p => p.NoCache());
    }

    private static bool MetricsEnabled(IConfiguration config) => config.GetValue("Metrics:Enabled", false);

    private static Task WriteJson(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(), description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, HealthJson));
    }

    private static readonly JsonSerializerOptions HealthJson = new()
        { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>
/// Who may scrape /metrics: a client in one of <c>Metrics:AllowedNetworks</c> (CIDR, comma-separated), or one sending
/// <c>Authorization: Bearer</c> + <c>Metrics:BearerToken</c>. With neither configured, only the machine itself (loopback).
/// </summary>
public sealed record MetricsAccess(IReadOnlyList<IPNetwork> Networks, string? Token)
{
    public static MetricsAccess FromConfiguration(IConfiguration config)
    {
        var networks = (config["Metrics:AllowedNetworks"] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => IPNetwork.TryParse(n, out var net) ? net
                : throw new InvalidOperationException($"Metrics:AllowedNetworks 中的“{n}”不是有效的网段，应为 CIDR 格式，例如 10.0.0.0/8。"))
            .ToList();
        var token = config["Metrics:BearerToken"];
        return new(networks, string.IsNullOrWhiteSpace(token) ? null : token);
    }

    public bool Allows(HttpContext ctx)
    {
        if (Token is not null && ctx.Request.Headers.Authorization.ToString() is { Length: > 7 } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(auth[7..].Trim()), System.Text.Encoding.UTF8.GetBytes(Token)))
            return true;
        if (ctx.Connection.RemoteIpAddress is not { } ip) return false;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (Networks.Count == 0) return Token is null && IPAddress.IsLoopback(ip);
        return Networks.Any(n => n.Contains(ip));
    }
}
