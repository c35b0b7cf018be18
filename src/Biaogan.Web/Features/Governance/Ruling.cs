using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Governance;

/// <summary>
/// 重要问题裁决 (第七条: 领导小组……对重要问题作出裁决) — the question, the ruling, its date, the votes and the reasons,
/// numbered per year so the office can cite it (“领导小组裁决〔2026〕1号”) from any supervision case.
/// </summary>
public sealed class Ruling : Entity
{
    public const int TextLength = 4000;

    public int Year { get; private set; }
    public int Number { get; private set; }
    public string Question { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateOnly DecidedOn { get; private set; }
    public int VotesFor { get; private set; }
    public int VotesAgainst { get; private set; }
    public int VotesAbstain { get; private set; }
    public string Reasons { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    private Ruling() { }

    public Ruling(int number, string question, string text, DateOnly decidedOn, int votesFor, int votesAgainst, int votesAbstain,
        string reasons, string by, DateTimeOffset now, DateOnly today)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(question)) problems.Add("请填写所裁决的问题");
        if (string.IsNullOrWhiteSpace(text)) problems.Add("请填写裁决内容");
        if (string.IsNullOrWhiteSpace(reasons)) problems.Add("请填写裁决理由");
        if (question?.Length > 500) problems.Add("问题不能超过500个字");
        if (text?.Length > TextLength || reasons?.Length > TextLength) problems.Add($"裁决内容和理由各不能超过{TextLength}个字");
        if (decidedOn > today) problems.Add($"裁决日期 {Infrastructure.Time.ChinaTime.Format(decidedOn)} 晚于今天，请填写领导小组实际作出裁决的日期");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        Votes.Check(votesFor, votesAgainst, votesAbstain);
        if (votesFor <= votesAgainst)
            throw new DomainRuleException($"赞成 {votesFor} 票未超过反对 {votesAgainst} 票，裁决未获通过，不能登记为领导小组裁决。");
        Year = decidedOn.Year;
        Number = number;
        Question = question!.Trim();
        Text = text!.Trim();
        DecidedOn = decidedOn;
        VotesFor = votesFor;
        VotesAgainst = votesAgainst;
        VotesAbstain = votesAbstain;
        Reasons = reasons!.Trim();
        RecordedBy = by;
        RecordedAt = now;
        RecordAction($"登记领导小组裁决 {Reference}");
    }

    public string Reference => $"领导小组裁决〔{Year}〕{Number}号";
}

/// <summary>A ruling cited by the office from a record (a supervision case), with why it applies.</summary>
public sealed class RulingCitation : Entity
{
    /// <summary>The kinds of record a ruling can be cited from.</summary>
    public const string SupervisionCase = "SupervisionCase";

    public Guid RulingId { get; private set; }
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string Note { get; private set; } = "";
    public string CitedBy { get; private set; } = "";
    public DateTimeOffset CitedAt { get; private set; }

    private RulingCitation() { }

    public RulingCitation(Ruling ruling, string subjectType, Guid subjectId, string? note, string by, DateTimeOffset now)
    {
        if (note?.Length > 1000) throw new DomainRuleException("引用说明不能超过1000个字。");
        RulingId = ruling.Id;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Note = (note ?? "").Trim();
        CitedBy = by;
        CitedAt = now;
        RecordAction($"引用{ruling.Reference}");
    }

    public override (string Type, Guid Id) AuditSubject => (SubjectType, SubjectId);
}
