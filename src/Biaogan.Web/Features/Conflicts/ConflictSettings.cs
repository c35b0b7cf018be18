using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>One rule of the office's 回避规则 form: the posted state and the version the form showed.</summary>
public sealed record RuleChange(ConflictRuleKind Kind, bool Enabled, bool MatchByName, int Version);

/// <summary>
/// The office's conflict settings: the confidentiality terms reviewers sign and the per-cycle 回避规则. Each method
/// saves (docs/decisions/0028).
/// </summary>
public sealed class ConflictSettings(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>发布 a new version of the 保密承诺书; the label must not have been used before.</summary>
    public async Task PublishTermsAsync(string label, string text, CancellationToken ct)
    {
        label = label.Trim();
        if (label == (await ConfidentialityTerms.CurrentAsync(db, ct)).Label
            || await db.Set<ConfidentialityTerms>().AnyAsync(t => t.VersionLabel == label, ct))
            throw new DomainRuleException($"版本号“{label}”已使用过，请填写新的版本号（如“{clock.Today().Year}-2”）。");
        db.Add(new ConfidentialityTerms(label, text, actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The cycle's rules, one per kind; the rows of a cycle are created (on by default) and saved on first sight.</summary>
    public async Task<List<ConflictRule>> RulesAsync(Guid cycleId, CancellationToken ct)
    {
        var rows = await ConflictRules.ForCycleAsync(db, cycleId, clock.GetUtcNow(), ct);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>Saves the posted rules of an editable cycle, each checked against the version the form showed.</summary>
    public async Task SaveRulesAsync(Cycle cycle, IReadOnlyList<RuleChange> changes, CancellationToken ct)
    {
        cycle.EnsureEditable();
        var rows = await ConflictRules.ForCycleAsync(db, cycle.Id, clock.GetUtcNow(), ct);
        foreach (var input in changes)
        {
            var row = rows.FirstOrDefault(r => r.Kind == input.Kind) ?? throw new DomainRuleException("回避规则已变化，请刷新页面。");
            if (db.Entry(row).State != EntityState.Added) db.Entry(row).Property(r => r.Version).OriginalValue = input.Version;
            row.Change(input.Enabled, input.MatchByName, actor.Name, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
    }
}
