using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>One committee member's vote on one application: 入围 or 不入围, always with a reason.</summary>
public sealed class ShortlistVote : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>The committee member's user id.</summary>
    public string MemberId { get; private set; } = "";
    public bool Select { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset CastAt { get; private set; }

    private ShortlistVote() { }

    public ShortlistVote(Guid cycleId, Guid applicationId, string memberId, bool select, string reason, DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        MemberId = memberId;
        Set(select, reason, now, "评审委员会委员投票");
    }

    /// <summary>Filed under the cycle, not the application: the applicant's timeline must not show committee members.</summary>
    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public void Change(bool select, string reason, DateTimeOffset now) => Set(select, reason, now, "评审委员会委员修改投票");

    private void Set(bool select, string reason, DateTimeOffset now, string action)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写投票理由（为什么入围或不入围）。");
        Select = select;
        Reason = reason.Trim();
        CastAt = now;
        RecordAction($"{action}（{(select ? "入围" : "不入围")}）");
    }
}
