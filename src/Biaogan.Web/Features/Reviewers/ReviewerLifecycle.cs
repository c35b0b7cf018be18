using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>The moves of a reviewer's life in the pool.</summary>
public enum ReviewerAction { Nominate, Appoint, Decline, Renew, Suspend, Reinstate, Reprimand, Revoke }

/// <summary>
/// 第十二条: the office prepares (提请), the leading group selects and appoints with a term; 第二十八条: 批评、警告，
/// 直至撤销评审员资格. Facts are kept as dates and timestamps; the status changes only through the table below.
/// </summary>
public sealed partial class ReviewerProfile
{
    /// <summary>Every legal (from, action) pair; anything else is refused with one Chinese message.</summary>
    public static readonly IReadOnlySet<(ReviewerStatus From, ReviewerAction Action)> Transitions =
        new HashSet<(ReviewerStatus, ReviewerAction)>
        {
            (ReviewerStatus.Candidate, ReviewerAction.Nominate),
            (ReviewerStatus.Candidate, ReviewerAction.Appoint),
            (ReviewerStatus.Candidate, ReviewerAction.Decline),
            (ReviewerStatus.Appointed, ReviewerAction.Renew),
            (ReviewerStatus.Appointed, ReviewerAction.Suspend),
            (ReviewerStatus.Suspended, ReviewerAction.Reinstate),
            // 第二十八条 applies to reviewers: appointed ones, and suspended ones whose case is open.
            (ReviewerStatus.Appointed, ReviewerAction.Reprimand),
            (ReviewerStatus.Suspended, ReviewerAction.Reprimand),
            (ReviewerStatus.Appointed, ReviewerAction.Revoke),
            (ReviewerStatus.Suspended, ReviewerAction.Revoke),
        };

    /// <summary>When the office put the candidate before the leading group (cleared by a decision not to appoint).</summary>
    public DateTimeOffset? NominatedAt { get; private set; }
    public string? NominatedBy { get; private set; }
    public string? NominationNote { get; private set; }

    public DateTimeOffset? DeclinedAt { get; private set; }
    public string? DeclinedBy { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>聘用日期 (of the latest appointment or renewal).</summary>
    public DateOnly? AppointedOn { get; private set; }
    /// <summary>任期届满日期 (inclusive).</summary>
    public DateOnly? TermEndsOn { get; private set; }
    public string? AppointedBy { get; private set; }
    public string? AppointmentNote { get; private set; }
    public DateTimeOffset? AppointmentRecordedAt { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }
    public string? SuspensionReason { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsNominated => Status == ReviewerStatus.Candidate && NominatedAt is not null;

    /// <summary>Appointed and inside the term on <paramref name="date"/>: the only reviewers assignment may use.</summary>
    public bool IsAvailableOn(DateOnly date) =>
        Status == ReviewerStatus.Appointed && UserId is not null && AppointedOn <= date && date <= TermEndsOn;

    /// <summary>The term ended before <paramref name="date"/> (the person stays in the pool but is not available).</summary>
    public bool TermExpiredOn(DateOnly date) =>
        Status is ReviewerStatus.Appointed or ReviewerStatus.Suspended && TermEndsOn is { } end && end < date;

    public void Nominate(EligibilitySettings settings, string by, string? note, DateTimeOffset now)
    {
        Move(ReviewerAction.Nominate);
        if (NominatedAt is not null) throw new DomainRuleException("该候选人已提请领导小组审议，请等待领导小组的决定。");
        RequireEligible(settings, "提请领导小组审议聘用");
        NominatedAt = now;
        NominatedBy = by;
        NominationNote = Note(note, "提请说明");
        RecordAction("提请领导小组审议聘用");
    }

    /// <summary>第十二条: the leading group appoints a candidate who meets every condition of 第十一条.</summary>
    public void Appoint(EligibilitySettings settings, DateOnly appointedOn, DateOnly termEndsOn, string by, string? note, DateTimeOffset now)
    {
        Move(ReviewerAction.Appoint);
        if (UserId is null)
            throw new DomainRuleException("该候选人尚未开通评审员账号，聘用后将无法接受评审任务。请活动办公室先在档案页发出账号邀请。");
        RequireEligible(settings, "聘用");
        SetTerm(appointedOn, termEndsOn, settings.AsOf);
        Status = ReviewerStatus.Appointed;
        AppointedBy = by;
        AppointmentNote = Note(note, "决定说明");
        AppointmentRecordedAt = now;
        RecordAction($"聘用为评审员（任期 {appointedOn:yyyy-MM-dd} 至 {termEndsOn:yyyy-MM-dd}）");
    }

    public void Decline(string reason, string by, DateTimeOffset now)
    {
        Move(ReviewerAction.Decline);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写暂不聘用的理由，活动办公室将据此补充材料或告知本人。");
        DeclinedAt = now;
        DeclinedBy = by;
        DeclineReason = Note(reason, "暂不聘用的理由");
        NominatedAt = null;
        NominatedBy = null;
        NominationNote = null;
        RecordAction("领导小组决定暂不聘用");
    }

    /// <summary>续聘: a new term for an appointed reviewer who still meets every condition.</summary>
    public void Renew(EligibilitySettings settings, DateOnly appointedOn, DateOnly termEndsOn, string by, string? note, DateTimeOffset now)
    {
        Move(ReviewerAction.Renew);
        RequireEligible(settings, "续聘");
        SetTerm(appointedOn, termEndsOn, settings.AsOf);
        AppointedBy = by;
        AppointmentNote = Note(note, "决定说明");
        AppointmentRecordedAt = now;
        RecordAction($"续聘（任期 {appointedOn:yyyy-MM-dd} 至 {termEndsOn:yyyy-MM-dd}）");
    }

    public void Suspend(string reason, DateTimeOffset now)
    {
        Move(ReviewerAction.Suspend);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写暂停的理由。");
        Status = ReviewerStatus.Suspended;
        SuspendedAt = now;
        SuspensionReason = Note(reason, "暂停理由");
        RecordAction("暂停评审员资格");
    }

    public void Reinstate()
    {
        Move(ReviewerAction.Reinstate);
        Status = ReviewerStatus.Appointed;
        SuspendedAt = null;
        SuspensionReason = null;
        RecordAction("恢复评审员资格");
    }

    /// <summary>第二十八条: records 批评 or 警告, or 撤销评审员资格 which ends the reviewer's status for good.</summary>
    public ReviewerSanction Sanction(SanctionKind kind, DateOnly decidedOn, string reason, string by, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("请选择处分种类：批评、警告或撤销评审员资格。");
        Move(kind == SanctionKind.Revocation ? ReviewerAction.Revoke : ReviewerAction.Reprimand);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写处分理由（违反了哪项评审纪律、情节如何）。");
        if (decidedOn > today) throw new DomainRuleException("处分决定日期不能晚于今天。");
        if (AppointedOn is { } appointed && decidedOn < appointed)
            throw new DomainRuleException($"处分决定日期不能早于聘用日期（{appointed:yyyy-MM-dd}）。");
        var sanction = new ReviewerSanction(Id, kind, decidedOn, reason.Trim(), by, now);
        Sanctions.Add(sanction);
        if (kind == SanctionKind.Revocation)
        {
            Status = ReviewerStatus.Revoked;
            RevokedAt = now;
            RecordAction("撤销评审员资格");
        }
        return sanction;
    }

    /// <summary>A trimmed note of at most 1,000 characters (the column's size), or null when blank.</summary>
    private static string? Note(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length > 1000) throw new DomainRuleException($"{what}不能超过1000个字，请精简后重新提交。");
        return trimmed;
    }

    private void SetTerm(DateOnly appointedOn, DateOnly termEndsOn, DateOnly today)
    {
        if (termEndsOn <= appointedOn) throw new DomainRuleException("任期届满日期应晚于聘用日期。");
        if (termEndsOn < today) throw new DomainRuleException("任期届满日期已经过去，请重新填写。");
        AppointedOn = appointedOn;
        TermEndsOn = termEndsOn;
    }

    private void RequireEligible(EligibilitySettings settings, string what)
    {
        var report = ReviewerEligibility.Evaluate(this, settings);
        var open = report.Items.Where(i => i.Outcome != EligibilityOutcome.Met).ToList();
        if (open.Count == 0) return;
        throw new DomainRuleException($"第十二条规定对符合资格条件的人员进行选拔和聘用，该人员尚不能{what}：" +
            string.Join("；", open.Select(i => $"{i.Title}{(i.Outcome == EligibilityOutcome.NeedsJudgement ? "待活动办公室判定" : "不符合")}")) + "。");
    }

    private void Move(ReviewerAction action)
    {
        if (!Transitions.Contains((Status, action)))
            throw new DomainRuleException($"该人员当前状态为“{Status.Display()}”，不能{ActionText(action)}。请刷新页面查看最新状态。");
    }

    public static string ActionText(ReviewerAction a) => a switch
    {
        ReviewerAction.Nominate => "提请聘用",
        ReviewerAction.Appoint => "聘用",
        ReviewerAction.Decline => "作出暂不聘用的决定",
        ReviewerAction.Renew => "续聘",
        ReviewerAction.Suspend => "暂停资格",
        ReviewerAction.Reinstate => "恢复资格",
        ReviewerAction.Reprimand => "给予批评或警告",
        _ => "撤销评审员资格",
    };
}
