using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>One review-committee member's vote in 综合评价 (第二十条): 推荐 or 不推荐 one application, always with a reason.</summary>
public sealed class EvaluationVote : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>The committee member's user id.</summary>
    public string MemberId { get; private set; } = "";
    public bool Recommend { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset CastAt { get; private set; }

    private EvaluationVote() { }

    public EvaluationVote(Guid cycleId, Guid applicationId, string memberId, bool recommend, string reason, DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        MemberId = memberId;
        Set(recommend, reason, now, "评审委员会委员综合评价投票");
    }

    // Under the cycle, not the application: the applicant reads its application's history, and votes are the committee's.
    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public void Change(bool recommend, string reason, DateTimeOffset now) => Set(recommend, reason, now, "评审委员会委员修改综合评价投票");

    private void Set(bool recommend, string reason, DateTimeOffset now, string action)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写投票理由（为什么推荐或不推荐）。");
        Recommend = recommend;
        Reason = reason.Trim();
        CastAt = now;
        RecordAction($"{action}（{(recommend ? "推荐" : "不推荐")}）");
    }
}
