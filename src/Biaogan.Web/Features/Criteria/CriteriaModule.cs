using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Criteria;

/// <summary>评价准则 (第十三条): versioned criteria trees, their templates, import/export and the office pages.</summary>
public static class CriteriaModule
{
    public static void AddCriteria(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CriteriaLibrary>();
        builder.Services.AddScoped<CriteriaCache>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ISeeder, CriteriaSeeder>();
        builder.Services.AddHostedService<CriteriaRefresher>();
    }

    public static void MapCriteria(this WebApplication app) => app.MapCriteriaApi();
}


/// <summary>
/// Puts the shipped templates (T/CAQ 10301-2016 and GB/T 19580-2012) into the database as published
/// version 1 when no version of that standard exists yet, then loads every published version into
/// <see cref="CriteriaCatalog"/>. Templates the office has since edited or retired are left alone.
/// </summary>
internal sealed class CriteriaSeeder(AppDbContext db, CriteriaLibrary library, TimeProvider clock, ILogger<CriteriaSeeder> log) : ISeeder
{
    /// <summary>After the roles (0), before demo data (100) which pins a standard.</summary>
    public int Order => 5;

    public async Task SeedAsync(CancellationToken ct)
    {
        var codes = await db.Set<CriteriaVersion>().Select(v => v.Code).Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var template in CriteriaCatalog.Templates.Where(t => !codes.Contains(t.Code)))
            db.Add(CriteriaVersion.Template(template, now));
        if (db.ChangeTracker.HasChanges())
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // Another app node seeded at the same moment (unique key); its rows are the same templates.
                log.LogInformation(ex, "评价准则模板已由其他节点写入，跳过");
                db.ChangeTracker.Clear();
            }
        }
        await library.RefreshCatalogAsync(ct);
    }
}

/// <summary>
/// Keeps <see cref="CriteriaCatalog"/> current on every app node: versions published or retired on
/// another node become known within Criteria:RefreshSeconds (default 30).
/// </summary>
internal sealed class CriteriaRefresher(IServiceScopeFactory scopes, IConfiguration config, ILogger<CriteriaRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Criteria:RefreshSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wall-clock pause between rounds; nothing here depends on the business clock.
                await Task.Delay(interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CriteriaLibrary>().RefreshCatalogAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "刷新评价准则版本时出错，{Seconds} 秒后再试", interval.TotalSeconds);
            }
        }
    }
}
