using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Supervision;

/// <summary>What a supervision case is about.</summary>
public enum CaseKind
{
    /// <summary>第二十六条 事件（事故、抽查不合格、重大投诉）</summary>
    Incident,
    /// <summary>公众投诉（第二十七条）</summary>
    Complaint,
    /// <summary>获奖三年后的确认（第二十四条）</summary>
    Confirmation,
    /// <summary>违反纪律（第二十九条）</summary>
    Discipline,
}

/// <summary>Where a case stands.</summary>
public enum CaseStatus
{
    /// <summary>调查中</summary>
    Investigating,
    /// <summary>待组织答复</summary>
    AwaitingReply,
    /// <summary>领导小组审议中</summary>
    Deliberation,
    /// <summary>已决定</summary>
    Decided,
}

/// <summary>The moves of a case; the status changes only through <see cref="SupervisionCase.Transitions"/>.</summary>
public enum CaseAction { RequestReply, Reply, SubmitForDecision, ReturnToInvestigation, Decide }

/// <summary>The leading group's decision on a case (each member's vote, and the result).</summary>
public enum CaseOutcome
{
    /// <summary>无影响</summary>
    NoEffect,
    /// <summary>进入确认程序</summary>
    Confirmation,
    /// <summary>撤销称号</summary>
    Revoke,
}

public sealed class CaseStatusChange
{
    public CaseStatus From { get; set; }
    public CaseStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string? Note { get; set; }
}

public sealed class CaseNote
{
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>
/// 监督案件 (第二十四、二十六、二十七、二十九条): one matter concerning one benchmark — investigated by the office, answered by
/// the organisation, decided by the leading group's vote. Its decision is the only way an award's status changes after the
/// grant (<see cref="AwardStanding"/>).
/// </summary>
public sealed class SupervisionCase : Entity
{
    public const int TextLength = 4000;

    public static readonly IReadOnlyDictionary<(CaseStatus From, CaseAction Action), CaseStatus> Transitions =
        new Dictionary<(CaseStatus, CaseAction), CaseStatus>
        {
            [(CaseStatus.Investigating, CaseAction.RequestReply)] = CaseStatus.AwaitingReply,
            [(CaseStatus.AwaitingReply, CaseAction.Reply)] = CaseStatus.Investigating,
            [(CaseStatus.Investigating, CaseAction.SubmitForDecision)] = CaseStatus.Deliberation,
            [(CaseStatus.AwaitingReply, CaseAction.SubmitForDecision)] = CaseStatus.Deliberation,
            [(CaseStatus.Deliberation, CaseAction.ReturnToInvestigation)] = CaseStatus.Investigating,
            [(CaseStatus.Deliberation, CaseAction.Decide)] = CaseStatus.Decided,
        };

    /// <summary>案件编号, e.g. “JD-2026-001”; unique.</summary>
    public string Number { get; private set; } = "";
    public CaseKind Kind { get; private set; }
    public Guid AwardId { get; private set; }
    public Guid OrganizationId { get; private set; }
    /// <summary>Snapshot for lists: the benchmark's organisation and certificate number.</summary>
    public string OrganizationName { get; private set; } = "";
    public string CertificateNumber { get; private set; } = "";
    public string Title { get; private set; } = "";
    public CaseStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public List<CaseStatusChange> StatusChanges { get; private set; } = [];
    /// <summary>调查记录 (office only).</summary>
    public List<CaseNote> Notes { get; private set; } = [];
    /// <summary>What the office asks the organisation to answer.</summary>
    public string? ReplyRequest { get; private set; }
    /// <summary>组织的答复.</summary>
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public CaseOutcome? Outcome { get; private set; }
    /// <summary>The decision's reasons as recorded by the office (internal).</summary>
    public string? DecisionReason { get; private set; }
    /// <summary>For 撤销称号: the reason shown in the registry and on verification.</summary>
    public string? PublicReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int VotesCast { get; private set; }
    public int VotesForOutcome { get; private set; }

    private SupervisionCase() { }

    public SupervisionCase(string number, CaseKind kind, Award award, string title, DateTimeOffset now)
    {
        if (award.Status == AwardStatus.Revoked) throw new DomainRuleException("该标杆称号已被撤销，不能再对其立案。");
        if (string.IsNullOrWhiteSpace(title)) throw new DomainRuleException("请填写案由（简要说明案件涉及的情况）。");
        if (title.Trim().Length > 200) throw new DomainRuleException("案由请控制在 200 字以内，详细情况可写入调查记录。");
        Number = number;
        Kind = kind;
        AwardId = award.Id;
        OrganizationId = award.OrganizationId;
        OrganizationName = award.OrganizationName;
        CertificateNumber = award.CertificateNumber;
        Title = title.Trim();
        OpenedAt = now;
        Status = CaseStatus.Investigating;
        RecordAction($"监督案件 {number} 立案（{KindDisplay(kind)}）：{OrganizationName}，{Title}");
    }

    public override (string Type, Guid Id) AuditSubject => ("SupervisionCase", Id);

    public bool IsOpen => Status != CaseStatus.Decided;

    public void AddNote(string text, string by, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainRuleException("案件已作出决定，不能再添加调查记录。");
        var t = Required(text, "请填写调查记录的内容。");
        Notes.Add(new CaseNote { At = now, By = by, Text = t });
        RecordAction($"添加调查记录：{Short(t)}");
    }

    public void RequestReply(string question, string by, DateTimeOffset now)
    {
        var q = Required(question, "请写明需要组织说明或答复的问题。");
        Move(CaseAction.RequestReply, by, now, q);
        ReplyRequest = q;
    }

    public void AnswerReply(string reply, string by, DateTimeOffset now)
    {
        var r = Required(reply, "请填写答复内容。");
        Move(CaseAction.Reply, by, now, null);
        Reply = r;
        RepliedAt = now;
    }

    public void SubmitForDecision(string by, DateTimeOffset now) => Move(CaseAction.SubmitForDecision, by, now, null);

    public void ReturnToInvestigation(string reason, string by, DateTimeOffset now) =>
        Move(CaseAction.ReturnToInvestigation, by, now, Required(reason, "请说明退回调查的原因。"));

    /// <summary>
    /// Records the leading group's decision: the outcome a majority of the votes cast agree on (<see cref="Majority"/>).
    /// 撤销称号 needs a public reason.
    /// </summary>
    public void Decide(CaseOutcome outcome, IReadOnlyCollection<SupervisionVote> votes, MajorityRule rule, string reason, string? publicReason,
        string by, DateTimeOffset now)
    {
        if (Status != CaseStatus.Deliberation) throw new DomainRuleException("只有提交领导小组审议的案件才能记录决定。请先提交审议。");
        var tally = rule.Tally(votes);
        if (tally.Cast < rule.MinimumVotes)
            throw new DomainRuleException($"目前只有 {tally.Cast} 位领导小组成员投票，至少需要 {rule.MinimumVotes} 票才能作出决定。");
        if (tally.Winner != outcome)
            throw new DomainRuleException(tally.Winner is { } w
                ? $"投票结果是“{OutcomeDisplay(w)}”（{tally.For(w)}/{tally.Cast} 票），不能记录为“{OutcomeDisplay(outcome)}”。"
                : $"目前没有任何选项获得{rule.Description}（已投 {tally.Cast} 票）。请等待其余成员投票或由成员改投后再记录。");
        RefuseFor(Kind, outcome);
        var r = Required(reason, "请填写决定理由。");
        if (outcome == CaseOutcome.Revoke && string.IsNullOrWhiteSpace(publicReason))
            throw new DomainRuleException("撤销称号须填写公开原因，它将显示在标杆名录和证书核验页上，请使用适合公开的表述。");
        Move(CaseAction.Decide, by, now, r);
        Outcome = outcome;
        DecisionReason = r;
        PublicReason = string.IsNullOrWhiteSpace(publicReason) ? null : publicReason.Trim();
        DecidedAt = now;
        VotesCast = tally.Cast;
        VotesForOutcome = tally.For(outcome);
        RecordAction($"记录领导小组决定：{OutcomeDisplay(outcome)}（{VotesForOutcome}/{VotesCast} 票）：{Short(r)}");
    }

    /// <summary>A confirmation case (第二十四条) is already the confirmation: its outcomes are 确认有效 (无影响) or 不予确认 (撤销称号).</summary>
    public static void RefuseFor(CaseKind kind, CaseOutcome outcome)
    {
        if (kind == CaseKind.Confirmation && outcome == CaseOutcome.Confirmation)
            throw new DomainRuleException("确认案件只能决定“确认有效”或“不予确认”，请重新选择。");
    }

    private void Move(CaseAction action, string by, DateTimeOffset now, string? note)
    {
        if (!Transitions.TryGetValue((Status, action), out var to))
            throw new DomainRuleException($"案件目前为“{StatusDisplay(Status)}”，不能{ActionDisplay(action)}。请刷新页面查看最新状态。");
        StatusChanges.Add(new CaseStatusChange { From = Status, To = to, At = now, By = by, Note = note });
        RecordAction($"{ActionDisplay(action)}（{StatusDisplay(Status)} → {StatusDisplay(to)}）{(note is null ? "" : "：" + Short(note))}");
        Status = to;
    }

    private static string Required(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(message);
        var t = text.Trim();
        if (t.Length > TextLength) throw new DomainRuleException($"内容请控制在 {TextLength} 字以内（当前 {t.Length} 字），较长的材料请作为附件上传。");
        return t;
    }

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;

    public static string KindDisplay(CaseKind k) => k switch
    {
        CaseKind.Incident => "事件报告",
        CaseKind.Complaint => "公众投诉",
        CaseKind.Confirmation => "确认",
        _ => "违纪处理",
    };

    public static string StatusDisplay(CaseStatus s) => s switch
    {
        CaseStatus.Investigating => "调查中",
        CaseStatus.AwaitingReply => "待组织答复",
        CaseStatus.Deliberation => "领导小组审议中",
        _ => "已决定",
    };

    public static string ActionDisplay(CaseAction a) => a switch
    {
        CaseAction.RequestReply => "请组织答复",
        CaseAction.Reply => "提交答复",
        CaseAction.SubmitForDecision => "提交领导小组审议",
        CaseAction.ReturnToInvestigation => "退回调查",
        _ => "记录决定",
    };

    /// <summary>The outcome as the case's kind names it: on a confirmation case 无影响 is 确认有效 and 撤销称号 is 不予确认.</summary>
    public static string OutcomeDisplay(CaseKind kind, CaseOutcome o) => (kind, o) switch
    {
        (CaseKind.Confirmation, CaseOutcome.NoEffect) => "确认有效",
        (CaseKind.Confirmation, CaseOutcome.Revoke) => "不予确认（撤销称号）",
        _ => OutcomeDisplay(o),
    };

    public static string OutcomeDisplay(CaseOutcome o) => o switch
    {
        CaseOutcome.NoEffect => "无影响",
        CaseOutcome.Confirmation => "进入确认程序",
        _ => "撤销称号",
    };
}
