using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.Audit;

public static class AuditModule
{
    /// <summary>The chain's daily publication and the cached check the 审计日志 page shows.</summary>
    public static void AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditChainPublisher>();
        builder.Services.AddSingleton<AuditChainStatus>();
        builder.Services.AddScheduledWork<AuditHeadWork>();
    }
}

/// <summary>
/// The last full check of the chain, shared by every request of this node and repeated when older than
/// <c>Audit:VerifySeconds</c> (default 300): a check reads every row, so a page view must not pay it each time.
/// </summary>
public sealed class AuditChainStatus(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (AuditChainReport Report, DateTimeOffset At)? _last;

    public async Task<(AuditChainReport Report, DateTimeOffset At)> GetAsync(CancellationToken ct)
    {
        var maxAge = TimeSpan.FromSeconds(config.GetValue("Audit:VerifySeconds", 300));
        if (_last is { } fresh && clock.GetUtcNow() - fresh.At < maxAge) return fresh;
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } again && clock.GetUtcNow() - again.At < maxAge) return again;
            await using var scope = scopes.CreateAsyncScope();
            var report = await AuditChainVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct: ct);
            _last = (report, clock.GetUtcNow());
            return _last.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
