using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>Where an independent score sheet stands.</summary>
public enum SheetStatus
{
    /// <summary>评分中 — the reviewer edits it (autosave).</summary>
    Draft,
    /// <summary>已提交 — locked; only the office can reopen it (audited).</summary>
    Submitted,
}

/// <summary>A page reference that backs a comment: a section of the 自我评价报告 or an evidence file.</summary>
public sealed class Citation
{
    /// <summary>An evidence file of the application (<c>StoredFile</c> id); null when citing the report.</summary>
    public Guid? FileId { get; set; }
    /// <summary>The 自我评价报告 section (criteria category code) cited; null when citing a file.</summary>
    public string? SectionCode { get; set; }
    /// <summary>Pages as the reviewer wrote them: “12”, “12-14”, “3,7”.</summary>
    public string Pages { get; set; } = "";
}

/// <summary>One 优势 or 改进机会, with the places of the application it rests on.</summary>
public sealed class ReviewComment
{
    public string Text { get; set; } = "";
    public List<Citation> Citations { get; set; } = [];
}

/// <summary>A reviewer's judgement of one criteria item: a percentage in 5 % steps inside a band, and comments.</summary>
public sealed class ItemScore
{
    public string ItemCode { get; set; } = "";
    /// <summary>0–100 in steps of 5; null while not scored.</summary>
    public int? Percent { get; set; }
    public List<ReviewComment> Strengths { get; set; } = [];
    public List<ReviewComment> Opportunities { get; set; } = [];
}

/// <summary>
/// 独立评分表 — one reviewer's sheet for one application (Baldrige independent review). Nobody else sees it
/// before its owner has submitted their own; once submitted it is locked.
/// </summary>
public sealed class ScoreSheet : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid GroupId { get; private set; }
    /// <summary>The <c>GroupMember</c> seat this sheet belongs to.</summary>
    public Guid MemberId { get; private set; }
    /// <summary>The <c>ReviewerProfile</c> id.</summary>
    public Guid ReviewerId { get; private set; }
    /// <summary>The criteria version the cycle pinned when the sheet was opened.</summary>
    public Guid CriteriaVersionId { get; private set; }
    public SheetStatus Status { get; private set; } = SheetStatus.Draft;
    /// <summary>Last day to submit (China Standard Time), counted in working days.</summary>
    public DateOnly DueOn { get; private set; }
    /// <summary>False when the due date rests on an unpublished calendar year (Mon–Fri fallback).</summary>
    public bool DueOnConfirmed { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public int ReopenCount { get; private set; }
    public DateTimeOffset? LastReminderAt { get; private set; }
    public List<ItemScore> Items { get; private set; } = [];

    private ScoreSheet() { }

    public ScoreSheet(Guid cycleId, Guid applicationId, Guid groupId, Guid memberId, Guid reviewerId, Guid criteriaVersionId,
        IEnumerable<string> itemCodes, DateOnly dueOn, bool dueOnConfirmed, DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        GroupId = groupId;
        MemberId = memberId;
        ReviewerId = reviewerId;
        CriteriaVersionId = criteriaVersionId;
        Items = itemCodes.Select(c => new ItemScore { ItemCode = c }).ToList();
        DueOn = dueOn;
        DueOnConfirmed = dueOnConfirmed;
        CreatedAt = UpdatedAt = now;
        RecordAction("开始独立评分");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    public ItemScore? Item(string code) => Items.FirstOrDefault(i => i.ItemCode == code);

    public bool IsComplete => Items.Count > 0 && Items.All(i => i.Percent is not null);

    public void EnsureEditable()
    {
        if (Status == SheetStatus.Submitted)
            throw new DomainRuleException("评分表已提交并锁定，不能再修改。如确需修改，请联系活动办公室重新开放。");
    }

    /// <summary>Marks the sheet changed by its owner (autosave or save).</summary>
    public void Touch(DateTimeOffset now)
    {
        EnsureEditable();
        UpdatedAt = now;
    }

    /// <summary>
    /// Records the owner's scores and comments (a save or an autosave). Items of the sheet not in
    /// <paramref name="items"/> are left as they were; every percentage must be 0–100 in 5 % steps.
    /// </summary>
    public void Record(IEnumerable<ItemScore> items, DateTimeOffset now)
    {
        EnsureEditable();
        foreach (var posted in items)
        {
            var item = Item(posted.ItemCode)
                ?? throw new DomainRuleException($"评分表中没有条目“{posted.ItemCode}”，请刷新页面后再保存。");
            ScorePercent.Check(posted.Percent, posted.ItemCode);
            item.Percent = posted.Percent;
            item.Strengths = ScorePercent.Clean(posted.Strengths);
            item.Opportunities = ScorePercent.Clean(posted.Opportunities);
        }
        UpdatedAt = now;
    }

    public void Submit(DateTimeOffset now)
    {
        EnsureEditable();
        var missing = Items.Where(i => i.Percent is null).Select(i => i.ItemCode).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException($"还有 {missing.Count} 个条目未评分（{string.Join("、", missing.Take(5))}{(missing.Count > 5 ? " 等" : "")}），请全部评分后再提交。");
        Status = SheetStatus.Submitted;
        SubmittedAt = UpdatedAt = now;
        RecordAction("提交独立评分表");
    }

    /// <summary>The office reopens a submitted sheet, with a reason (audited).</summary>
    public void Reopen(string reason, DateTimeOffset now)
    {
        if (Status != SheetStatus.Submitted) throw new DomainRuleException("评分表尚未提交，无需重新开放。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写重新开放评分表的原因。");
        Status = SheetStatus.Draft;
        ReopenCount++;
        UpdatedAt = now;
        RecordAction($"活动办公室重新开放评分表：{reason.Trim()}");
    }

    /// <summary>Moves the due date (the office extends it, or the sheet is created late).</summary>
    public void SetDue(DateOnly dueOn, bool confirmed)
    {
        if (DueOn == dueOn && DueOnConfirmed == confirmed) return;
        DueOn = dueOn;
        DueOnConfirmed = confirmed;
        RecordAction("调整评分截止日期");
    }

    public void MarkReminded(DateTimeOffset now) => LastReminderAt = now;
}

/// <summary>The rules every percentage and comment of a sheet keeps (individual and consensus).</summary>
public static class ScorePercent
{
    public const int MaxCommentLength = 2000;

    public static void Check(int? percent, string itemCode)
    {
        if (percent is null) return;
        if (percent is < 0 or > 100 || percent % Criteria.ScoreBand.Step != 0)
            throw new DomainRuleException($"条目 {itemCode} 的得分率应为 0% 至 100% 之间 5% 的整数倍，请重新选择。");
    }

    /// <summary>Drops empty comments and empty citations, trims text, and refuses overlong comments.</summary>
    public static List<ReviewComment> Clean(IEnumerable<ReviewComment>? comments) =>
        (comments ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c =>
        {
            var text = c.Text.Trim();
            if (text.Length > MaxCommentLength)
                throw new DomainRuleException($"每条意见不超过 {MaxCommentLength} 字，请精简“{text[..20]}…”。");
            return new ReviewComment
            {
                Text = text,
                Citations = c.Citations.Where(x => x.FileId is not null || !string.IsNullOrWhiteSpace(x.SectionCode))
                    .Select(x => new Citation { FileId = x.FileId, SectionCode = x.SectionCode?.Trim(), Pages = (x.Pages ?? "").Trim() })
                    .ToList(),
            };
        }).ToList();
}
