using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Applications.Gates;

/// <summary>The lists a later stage builds on: shortlist → 现场评审, 综合评价 → 公示, 公示 → 审定.</summary>
public enum GatedList
{
    Shortlist,
    Evaluation,
    Notice,
}

/// <summary>
/// Hook for the later stages (docs/decisions/0031): a stage that built something on a list says so, and what must be
/// withdrawn first. A lower feature asks every registered use before it reopens a list; it never reads the higher ones.
/// </summary>
public interface IListUse
{
    GatedList List { get; }

    /// <summary>What was built on the list and how to withdraw it (Chinese), or null when nothing uses it.</summary>
    Task<string?> UseAsync(Guid cycleId, AwardCategory? category, CancellationToken ct);
}

public static class ListUses
{
    /// <summary>Refuses to reopen a list while a later stage uses it, naming the use and the way to withdraw it.</summary>
    public static async Task EnsureUnusedAsync(this IEnumerable<IListUse> uses, GatedList list, Guid cycleId, AwardCategory? category,
        string what, CancellationToken ct)
    {
        foreach (var use in uses.Where(u => u.List == list))
            if (await use.UseAsync(cycleId, category, ct) is { } text)
                throw new DomainRuleException($"{what}已被后续阶段使用：{text}");
    }
}
