using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// Copies <see cref="DefaultTemplates"/> into the database for keys that have no row yet. Subjects and
/// bodies already there are the office's and are never overwritten; what the code owns (description and
/// the placeholders it fills) is kept current.
/// </summary>
internal sealed class TemplateSeeder(AppDbContext db, TimeProvider clock, ILogger<TemplateSeeder> log) : ISeeder
{
    /// <summary>After the roles (0).</summary>
    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.Set<MessageTemplate>().ToDictionaryAsync(t => t.Key, ct);
        var now = clock.GetUtcNow();
        foreach (var template in DefaultTemplates.All)
        {
            if (!existing.TryGetValue(template.Key, out var row))
            {
                db.Add(template.Copy(now));
                continue;
            }
            if (row.Description != template.Description) row.Description = template.Description;
            if (row.Placeholders != template.Placeholders) row.Placeholders = template.Placeholders;
        }
        if (!db.ChangeTracker.HasChanges()) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another app node seeded at the same moment; its rows are as good as ours.
            log.LogInformation(ex, "通知模板已由其他节点写入，跳过");
            db.ChangeTracker.Clear();
        }
    }
}
