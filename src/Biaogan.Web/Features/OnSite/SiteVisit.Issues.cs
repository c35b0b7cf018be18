using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.OnSite;

/// <summary>How a 待核实问题 was closed on site.</summary>
public enum IssueOutcome
{
    /// <summary>已核实 — the evidence on site confirms the application; the score stands.</summary>
    Verified,
    /// <summary>未能核实 — the team could not confirm it; the score stands, the doubt is recorded.</summary>
    NotVerified,
    /// <summary>调整评分 — what the team saw changes the item's percentage (from → to).</summary>
    ScoreChanged,
}

/// <summary>
/// 待核实问题 — a doubt the document review left on one criteria item, carried to the site and closed there with the
/// interview notes (访谈记录) and the documents consulted (查阅资料记录).
/// </summary>
public sealed class SiteVisitIssue
{
    public Guid Id { get; set; }
    public string ItemCode { get; set; } = "";
    /// <summary>What is to be verified.</summary>
    public string Question { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public string RaisedBy { get; set; } = "";
    /// <summary>Null while open.</summary>
    public IssueOutcome? Outcome { get; set; }
    public int? FromPercent { get; set; }
    public int? ToPercent { get; set; }
    public string InterviewNotes { get; set; } = "";
    public string DocumentNotes { get; set; } = "";
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public bool IsOpen => Outcome is null;
}

public static class IssueOutcomeText
{
    public static string Display(this IssueOutcome? o) => o switch
    {
        IssueOutcome.Verified => "已核实",
        IssueOutcome.NotVerified => "未能核实",
        IssueOutcome.ScoreChanged => "调整评分",
        _ => "待核实",
    };
}

public sealed partial class SiteVisit
{
    public const int MaxIssues = 60, MaxNotesLength = 4000;

    public List<SiteVisitIssue> Issues { get; private set; } = [];

    public SiteVisitIssue? Issue(Guid id) => Issues.FirstOrDefault(i => i.Id == id);

    /// <summary>存在的问题, one per line.</summary>
    public IReadOnlyList<string> ProblemList => Problems.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The office or the 组长 carries a doubt of the document review over as a 待核实问题 on one item.</summary>
    public SiteVisitIssue RaiseIssue(string itemCode, string question, string by, DateTimeOffset now)
    {
        if (Status is not (SiteVisitStatus.Planning or SiteVisitStatus.InProgress))
            throw new DomainRuleException("现场评审报告已确认，不能再增加待核实问题。");
        if (Item(itemCode) is null) throw new DomainRuleException($"评分条目“{itemCode}”不在本次现场评审的条目中，请从列表中选择。");
        var text = (question ?? "").Trim();
        if (text.Length == 0) throw new DomainRuleException("请写明需要现场核实的内容。");
        if (text.Length > 2000) throw new DomainRuleException("待核实内容不超过 2000 字，请精简。");
        if (Issues.Count >= MaxIssues) throw new DomainRuleException($"每次现场评审最多 {MaxIssues} 个待核实问题。");
        var issue = new SiteVisitIssue { Id = Guid.CreateVersion7(), ItemCode = itemCode, Question = text, RaisedAt = now, RaisedBy = by };
        Issues.Add(issue);
        RecordAction($"列出待核实问题（条目 {itemCode}）");
        return issue;
    }

    /// <summary>Withdraws an open issue raised by mistake (before the visit is approved).</summary>
    public void WithdrawIssue(Guid issueId)
    {
        var issue = Issue(issueId) ?? throw new DomainRuleException("找不到该待核实问题，请刷新页面。");
        if (Status is not (SiteVisitStatus.Planning or SiteVisitStatus.InProgress) || !issue.IsOpen)
            throw new DomainRuleException("只能撤销尚未关闭的待核实问题。");
        Issues.Remove(issue);
        RecordAction($"撤销待核实问题（条目 {issue.ItemCode}）");
    }

    /// <summary>
    /// Closes an issue on site. 调整评分 changes the item's on-site percentage through <see cref="ScoreItem"/> (from its
    /// current on-site or document percentage to <paramref name="toPercent"/>), with the notes as the reason.
    /// </summary>
    public void CloseIssue(Guid issueId, IssueOutcome outcome, int? toPercent, string interviewNotes, string documentNotes, string by, DateTimeOffset now)
    {
        var issue = Issue(issueId) ?? throw new DomainRuleException("找不到该待核实问题，请刷新页面。");
        if (Status != SiteVisitStatus.InProgress)
            throw new DomainRuleException(Status == SiteVisitStatus.Planning
                ? "现场评审日程尚未与申报组织确认，待核实问题需在现场核实后关闭。" : "现场评审报告已确认，不能再修改待核实问题。");
        if (!issue.IsOpen) throw new DomainRuleException("该待核实问题已关闭。");
        EnsureVisitBegun(now, "关闭待核实问题");
        var interview = (interviewNotes ?? "").Trim();
        var documents = (documentNotes ?? "").Trim();
        if (interview.Length == 0 && documents.Length == 0)
            throw new DomainRuleException("请填写访谈记录或查阅资料记录（至少一项），说明核实的依据。");
        if (interview.Length > MaxNotesLength || documents.Length > MaxNotesLength)
            throw new DomainRuleException($"访谈记录和查阅资料记录各不超过 {MaxNotesLength} 字。");
        var item = Item(issue.ItemCode)!;
        if (outcome == IssueOutcome.ScoreChanged)
        {
            var from = item.Percent ?? item.DocumentPercent;
            if (toPercent is not { } to) throw new DomainRuleException("调整评分时请选择调整后的得分率。");
            if (to == from) throw new DomainRuleException($"调整后的得分率与现在的 {from}% 相同；如评分不变，请选择“已核实”或“未能核实”。");
            ScoreItem(issue.ItemCode, to, $"待核实问题：{issue.Question.TrimEnd('。', '；')}；核实情况：{(interview.Length > 0 ? interview : documents)}");
            issue.FromPercent = from;
            issue.ToPercent = to;
        }
        issue.Outcome = outcome;
        issue.InterviewNotes = interview;
        issue.DocumentNotes = documents;
        issue.ClosedAt = now;
        issue.ClosedBy = by;
        RecordAction($"关闭待核实问题（条目 {issue.ItemCode}，{((IssueOutcome?)outcome).Display()}" +
                     (outcome == IssueOutcome.ScoreChanged ? $" {(issue.FromPercent is { } f ? f + "%" : "—")}→{issue.ToPercent}%" : "") + "）");
    }

    /// <summary>The 组长 records the 现场评审意见 and the 存在的问题 (one per line).</summary>
    public void RecordReport(string opinion, IEnumerable<string> problems)
    {
        EnsureScoresEditable();
        var text = (opinion ?? "").Trim();
        var list = problems.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (text.Length > 8000) throw new DomainRuleException("现场评审意见不超过 8000 字，请精简。");
        var joined = string.Join("\n", list);
        if (joined.Length > 8000) throw new DomainRuleException("存在的问题合计不超过 8000 字，请精简。");
        if (text == Opinion && joined == Problems) return;
        Opinion = text;
        Problems = joined;
        RecordAction($"保存现场评审意见和存在的问题（{list.Count} 项）");
    }
}
