using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>The registry status changes a supervision case's decision makes (第二十四、二十六条).</summary>
public enum AwardAction { BeginConfirmation, ConfirmValid, Revoke }

/// <summary>
/// The decided supervision case a status change rests on. Awards does not read cases (Supervision is a higher layer);
/// the case decision hands this over, and <see cref="Award.Apply"/> refuses a change without one.
/// </summary>
public sealed record DecidedCase(Guid CaseId, string CaseNumber);

/// <summary>One change of an award's status: from, to, when, on which case and why.</summary>
public sealed class AwardStatusChange
{
    public AwardStatus From { get; set; }
    public AwardStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>
/// The hook the supervision case decision calls: applies the decision to the award in the caller's unit of work, and after
/// the caller saved, makes the public registry and verification current on every node (<see cref="PublicVersion"/>).
/// There is no other way to change an award's status: no page or endpoint edits it.
/// </summary>
public sealed class AwardStanding(AppDbContext db, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>Every legal (from, action) → to; anything else is refused in Chinese.</summary>
    public static readonly IReadOnlyDictionary<(AwardStatus From, AwardAction Action), AwardStatus> Transitions =
        new Dictionary<(AwardStatus, AwardAction), AwardStatus>
        {
            [(AwardStatus.Valid, AwardAction.BeginConfirmation)] = AwardStatus.UnderConfirmation,
            [(AwardStatus.UnderConfirmation, AwardAction.ConfirmValid)] = AwardStatus.Valid,
            [(AwardStatus.Valid, AwardAction.Revoke)] = AwardStatus.Revoked,
            [(AwardStatus.UnderConfirmation, AwardAction.Revoke)] = AwardStatus.Revoked,
        };

    public static string ActionDisplay(AwardAction a) => a switch
    {
        AwardAction.BeginConfirmation => "进入确认程序",
        AwardAction.ConfirmValid => "确认继续有效",
        _ => "撤销标杆称号",
    };

    /// <summary>Whether <paramref name="action"/> is possible from <paramref name="status"/> (for the decision form).</summary>
    public static bool Allows(AwardStatus status, AwardAction action) => Transitions.ContainsKey((status, action));

    /// <summary>Applies the decision to the tracked award; the caller saves (docs/decisions/0028) and then calls <see cref="PublishedAsync"/>.</summary>
    public async Task<Award> ApplyAsync(Guid awardId, AwardAction action, DecidedCase decided, string reason, CancellationToken ct)
    {
        var award = await db.Set<Award>().FirstOrDefaultAsync(a => a.Id == awardId, ct)
            ?? throw new Infrastructure.Errors.DomainRuleException("找不到该标杆记录，请刷新页面后重试。");
        award.Apply(action, decided, reason, clock.GetUtcNow());
        return award;
    }

    /// <summary>After the save: every node's public pages show the new status on their next request.</summary>
    public Task PublishedAsync(CancellationToken ct) => PublicVersion.ChangedAsync(db, cache, ct);
}
