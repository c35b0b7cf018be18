using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>草稿 → 已发布; whether the 公示期 is running or over is derived from the clock (<see cref="PublicNotice.PhaseAt"/>).</summary>
public enum NoticeStatus
{
    /// <summary>草稿 — the office edits and previews it; the public sees nothing.</summary>
    Draft,
    /// <summary>已发布 — on the public page.</summary>
    Published,
}

/// <summary>What the public sees of a published notice at a moment.</summary>
public enum NoticePhase
{
    Draft,
    /// <summary>已发布，公示期未开始</summary>
    NotStarted,
    /// <summary>公示中 — objections accepted.</summary>
    Open,
    /// <summary>公示期满 — closed automatically at the objection deadline.</summary>
    Closed,
}

/// <summary>
/// One organisation on the notice: a snapshot taken from the finalised recommended list. Never holds scores
/// (the notice is public); <see cref="Description"/> is the short public text the office may edit.
/// </summary>
public sealed class NoticeEntry
{
    public Guid ApplicationId { get; set; }
    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public AwardCategory Category { get; set; }
    public string? ServiceName { get; set; }
    public string Description { get; set; } = "";
    public int Order { get; set; }
    /// <summary>Removed from the list after a sustained objection (异议成立).</summary>
    public bool Removed { get; set; }
    public string? RemovalReason { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>
/// 公示 (第二十一条): the recommended list published for 7 working days on the Chinese calendar, with the objection
/// channels and deadline. One per cycle.
/// </summary>
public sealed partial class PublicNotice : Entity
{
    public const int MaxDescription = 300;

    public Guid CycleId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public NoticeStatus Status { get; private set; } = NoticeStatus.Draft;
    public DateOnly? StartDate { get; private set; }
    public int Workdays { get; private set; }
    /// <summary>第二十一条 fixes 7 working days; when the cycle set another number, its recorded reason, shown to the public.</summary>
    public string? WorkdaysReason { get; private set; }
    public bool PublicationDayCounts { get; private set; }
    public DateOnly? EndDate { get; private set; }
    /// <summary>False when the window crosses a year whose holiday notice is not yet published (weekends-only fallback).</summary>
    public bool EndConfirmed { get; private set; } = true;
    public TimeOnly ClosingTime { get; private set; }
    /// <summary>The end date at the closing time, China Standard Time; objections at or after it are refused.</summary>
    public DateTimeOffset? ObjectionDeadline { get; private set; }
    public string PostalAddress { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string IssuedBy { get; private set; } = "全国用户满意标杆活动领导小组办公室";
    public List<NoticeEntry> Entries { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    /// <summary>Set when the office published although the end date was not confirmed by a published holiday notice.</summary>
    public bool PublishedUnconfirmed { get; private set; }

    private PublicNotice() { }

    public PublicNotice(Guid cycleId, int year, IEnumerable<NoticeEntry> entries, DateTimeOffset now)
    {
        CycleId = cycleId;
        Year = year;
        Entries = entries.ToList();
        if (Entries.Count == 0) throw new DomainRuleException("综合评价没有推荐任何组织，无需公示。");
        Title = $"{year}年度全国用户满意标杆推荐获奖组织名单公示";
        Text = $"根据《全国用户满意标杆管理办法实施细则》第二十一条，经资料评审、现场评审和评审委员会综合评价，现将{year}年度全国用户满意标杆推荐获奖组织名单予以公示，广泛征求社会意见。";
        CreatedAt = now;
        RecordAction("生成公示草稿");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public IEnumerable<NoticeEntry> Listed => Entries.Where(e => !e.Removed).OrderBy(e => e.Order);

    /// <summary>Edits the draft's text, channels and public descriptions.</summary>
    public void Edit(string title, string text, string postalAddress, string phone, string email, IReadOnlyDictionary<Guid, string> descriptions)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(title)) throw new DomainRuleException("请填写公示标题。");
        Title = title.Trim();
        Text = (text ?? "").Trim();
        PostalAddress = (postalAddress ?? "").Trim();
        Phone = (phone ?? "").Trim();
        Email = (email ?? "").Trim();
        foreach (var e in Entries)
            if (descriptions.TryGetValue(e.ApplicationId, out var d))
            {
                d = (d ?? "").Trim();
                if (d.Length > MaxDescription) throw new DomainRuleException($"“{e.OrganizationName}”的公示简介不能超过 {MaxDescription} 字。");
                e.Description = d;
            }
        RecordAction("修改公示草稿");
    }

    /// <summary>Sets the 公示期 computed on the working-day calendar and the objection deadline (end date at the closing time, CST).</summary>
    public void Schedule(DateOnly start, int workdays, bool publicationDayCounts, WorkdayResult end, TimeOnly closingTime, string? workdaysReason = null)
    {
        EnsureDraft();
        if (workdays != CycleSettings.FixedNoticeWorkdays && string.IsNullOrWhiteSpace(workdaysReason))
            throw new DomainRuleException($"第二十一条规定公示期为{CycleSettings.FixedNoticeWorkdays}个工作日；本年度设置为 {workdays} 个工作日但没有记录理由，请先在年度活动设置中填写理由。");
        StartDate = start;
        Workdays = workdays;
        WorkdaysReason = workdays == CycleSettings.FixedNoticeWorkdays ? null : workdaysReason!.Trim();
        PublicationDayCounts = publicationDayCounts;
        EndDate = end.End;
        EndConfirmed = end.Confirmed;
        ClosingTime = closingTime;
        ObjectionDeadline = ChinaTime.At(end.End, closingTime);
    }

    /// <param name="acceptUnconfirmed">The office saw the warning that the year's holidays are unpublished and publishes anyway.</param>
    public void Publish(string userId, DateOnly today, bool acceptUnconfirmed, DateTimeOffset now)
    {
        EnsureDraft();
        if (StartDate is null || EndDate is null) throw new DomainRuleException("请先设置公示开始日期并预览公示期。");
        if (StartDate < today) throw new DomainRuleException($"公示开始日期 {ChinaTime.Format(StartDate.Value)} 已过，请改为今天或以后的日期后重新预览。");
        if (PostalAddress.Length == 0 || Phone.Length == 0 || Email.Length == 0)
            throw new DomainRuleException("请填写受理异议的通信地址、电话和电子邮箱后再发布。");
        if (!EndConfirmed && !acceptUnconfirmed)
            throw new DomainRuleException("公示期跨越的年份尚未公布法定节假日安排，截止日期按周一至周五推算、未经确认。请勾选“仍然发布”，或待国务院办公厅公布节假日安排并导入工作日历后再发布。");
        Status = NoticeStatus.Published;
        PublishedAt = now;
        PublishedBy = userId;
        PublishedUnconfirmed = !EndConfirmed;
        RecordAction($"发布公示，公示期 {ChinaTime.Format(StartDate.Value)} 至 {ChinaTime.Format(EndDate.Value)}" + (EndConfirmed ? "" : "（截止日期未经节假日安排确认）"));
    }

    public NoticePhase PhaseAt(DateTimeOffset now) => Status == NoticeStatus.Draft ? NoticePhase.Draft
        : now < ChinaTime.At(StartDate!.Value, TimeOnly.MinValue) ? NoticePhase.NotStarted
        : now < ObjectionDeadline!.Value ? NoticePhase.Open
        : NoticePhase.Closed;

    /// <summary>“公示期：2026年12月1日至2026年12月9日”.</summary>
    public string PeriodText => "公示期：" + DatesText;

    /// <summary>“2026年12月1日至2026年12月9日”.</summary>
    public string DatesText => StartDate is { } s && EndDate is { } e ? $"{ChinaTime.Format(s)}至{ChinaTime.Format(e)}" : "未设置";

    public string DeadlineText => ObjectionDeadline is { } d ? ChinaTime.Format(d) + "（北京时间）" : "未设置";

    /// <summary>A sustained objection takes the organisation off the list (第二十一条 公示 → 审定).</summary>
    internal void RemoveEntry(Guid applicationId, string reason, DateTimeOffset now)
    {
        var e = Entries.FirstOrDefault(x => x.ApplicationId == applicationId && !x.Removed)
            ?? throw new DomainRuleException("该组织不在公示名单上或已被撤销推荐。");
        e.Removed = true;
        e.RemovalReason = reason;
        e.RemovedAt = now;
        RecordAction($"异议成立，撤销“{e.OrganizationName}”的推荐：{reason}");
    }

    private void EnsureDraft()
    {
        if (Status != NoticeStatus.Draft) throw new DomainRuleException("公示已发布，不能再修改。如需更正，请发布更正说明并记录在异议处理中。");
    }

    public static string PhaseDisplay(NoticePhase p) => p switch
    {
        NoticePhase.Draft => "草稿",
        NoticePhase.NotStarted => "已发布，未开始",
        NoticePhase.Open => "公示中",
        _ => "公示期满",
    };
}
