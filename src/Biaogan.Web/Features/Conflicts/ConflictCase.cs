using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>Why a reviewer–application pair may be conflicted (利益冲突的来源).</summary>
public enum ConflictSource
{
    /// <summary>现任或近年任职于申报组织</summary>
    Employment,
    /// <summary>近年为申报组织提供咨询</summary>
    Consulting,
    /// <summary>在申报组织的推荐单位任职</summary>
    RecommendingBody,
    /// <summary>与申报组织同属一个企业集团</summary>
    EnterpriseGroup,
    /// <summary>评审员申报的亲属等个人关系</summary>
    PersonalRelation,
    /// <summary>申报组织申请回避</summary>
    ApplicantAvoidance,
    /// <summary>评审员在声明时自行申报</summary>
    ReviewerDeclared,
}

/// <summary>Where a found conflict stands in the office's confirmation queue.</summary>
public enum ConflictStatus
{
    /// <summary>待确认 — blocks the pair until the office decides.</summary>
    Pending,
    /// <summary>已确认 — the pair is removed everywhere.</summary>
    Confirmed,
    /// <summary>已排除（误报） — dismissed with a reason; the pair may be assigned.</summary>
    Dismissed,
}

/// <summary>
/// 利益冲突 — one reviewer–application pair found (by a rule), requested (by the applicant) or declared (by the
/// reviewer). Pending and confirmed cases block the pair for assignment and for reading the materials.
/// </summary>
public sealed class ConflictCase : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>The <c>ReviewerProfile</c> id.</summary>
    public Guid ReviewerId { get; private set; }
    public ConflictSource Source { get; private set; }
    /// <summary>What was found, in Chinese (“2019–2024 年任职于该组织（统一社会信用代码一致）”).</summary>
    public string Evidence { get; private set; } = "";
    public ConflictStatus Status { get; private set; } = ConflictStatus.Pending;
    public DateTimeOffset FoundAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionReason { get; private set; }

    private ConflictCase() { }

    public ConflictCase(Guid cycleId, Guid applicationId, Guid reviewerId, ConflictSource source, string evidence, DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        ReviewerId = reviewerId;
        Source = source;
        Evidence = evidence.Trim();
        FoundAt = now;
        RecordAction("记录利益冲突（待确认）");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    /// <summary>True while the pair may not be assigned nor see the application.</summary>
    public bool Blocks => Status != ConflictStatus.Dismissed;

    public void Confirm(string decidedBy, string? reason, DateTimeOffset now)
    {
        if (Status != ConflictStatus.Pending) throw new DomainRuleException("该利益冲突已处理，请刷新页面查看结论。");
        Decide(ConflictStatus.Confirmed, decidedBy, reason, now, "确认利益冲突");
    }

    /// <summary>A false positive, dismissed with the reason the office recorded.</summary>
    public void Dismiss(string decidedBy, string reason, DateTimeOffset now)
    {
        if (Status != ConflictStatus.Pending) throw new DomainRuleException("该利益冲突已处理，请刷新页面查看结论。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("排除误报时请填写理由，理由将记入审计日志。");
        Decide(ConflictStatus.Dismissed, decidedBy, reason, now, "排除利益冲突（误报）");
    }

    private void Decide(ConflictStatus status, string decidedBy, string? reason, DateTimeOffset now, string action)
    {
        Status = status;
        DecidedBy = decidedBy;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedAt = now;
        RecordAction(action);
    }
}

/// <summary>The questions other features ask about conflicts.</summary>
public static class ConflictQueries
{
    /// <summary>Every pair of the cycle that may not be assigned: pending or confirmed cases.</summary>
    public static async Task<HashSet<(Guid ReviewerId, Guid ApplicationId)>> BlockedPairsAsync(AppDbContext db, Guid cycleId, CancellationToken ct)
    {
        var pairs = await db.Set<ConflictCase>().AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.Status != ConflictStatus.Dismissed)
            .Select(c => new { c.ReviewerId, c.ApplicationId }).ToListAsync(ct);
        return pairs.Select(p => (p.ReviewerId, p.ApplicationId)).ToHashSet();
    }

    /// <summary>True when the pair has a pending or confirmed conflict.</summary>
    public static Task<bool> IsBlockedAsync(AppDbContext db, Guid reviewerId, Guid applicationId, CancellationToken ct) =>
        db.Set<ConflictCase>().AnyAsync(c => c.ReviewerId == reviewerId && c.ApplicationId == applicationId
                                             && c.Status != ConflictStatus.Dismissed, ct);
}
