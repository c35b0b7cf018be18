using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Cycles;

public enum CycleStatus
{
    /// <summary>筹备中 — settings editable, not yet accepting applications.</summary>
    Draft,
    /// <summary>进行中 — accepting applications (only one cycle at a time).</summary>
    Open,
    /// <summary>已结束 — read-only.</summary>
    Closed,
}

/// <summary>申报类别 (第五条).</summary>
public enum AwardCategory
{
    /// <summary>企业类</summary>
    Enterprise,
    /// <summary>服务类</summary>
    Service,
}

/// <summary>
/// 年度活动 — one year of the programme: its quota, stage dates, evaluation standard and every
/// office-editable assumption (❓, listed in docs/domain.md) as a setting.
/// </summary>
public sealed partial class Cycle : Entity
{
    /// <summary>第五条: 标杆数量原则上每年不超过10个.</summary>
    public const int QuotaInPrinciple = 10;

    public int Year { get; private set; }
    public string Name { get; set; } = "";
    public CycleStatus Status { get; private set; } = CycleStatus.Draft;
    /// <summary>年度标杆数量上限; above <see cref="QuotaInPrinciple"/> the system warns.</summary>
    public int Quota { get; set; } = QuotaInPrinciple;
    /// <summary>评审标准版本 (第十三条), default T/CAQ 10301-2016.</summary>
    public string StandardCode { get; set; } = "T/CAQ 10301-2016";
    /// <summary>满意度测评依据 (第十四条第三项).</summary>
    public string MeasurementStandard { get; set; } = "GB/T 19039-2009《顾客满意测评通则》、GB/T 19038-2009《顾客满意测评模型和方法指南》及中国质量协会《用户满意度测评规范》";
    public List<CycleStage> Stages { get; private set; } = [];
    public CycleSettings Settings { get; private set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    private Cycle() { }

    public Cycle(int year, DateTimeOffset now)
    {
        if (year is < 2016 or > 2100)
            throw new DomainRuleException("年度应在 2016 年（本细则实施之年）至 2100 年之间。");
        Year = year;
        Name = $"{year}年度全国用户满意标杆活动";
        CreatedAt = now;
        Stages = CycleStage.Defaults(year);
    }

    public bool IsReadOnly => Status == CycleStatus.Closed;

    public bool QuotaAbovePrinciple => Quota > QuotaInPrinciple;

    public CycleStage? Stage(string code) => Stages.FirstOrDefault(s => s.Code == code);

    public void EnsureEditable()
    {
        if (IsReadOnly)
            throw new DomainRuleException($"{Year}年度活动已结束，只能查看，不能修改。");
    }

    /// <summary>Opens the cycle for applications; the caller guarantees no other cycle is open.</summary>
    public void Open(bool anotherCycleOpen, DateTimeOffset now)
    {
        if (Status != CycleStatus.Draft)
            throw new DomainRuleException(Status == CycleStatus.Open ? "该年度活动已在进行中。" : "已结束的年度活动不能重新开启。");
        if (anotherCycleOpen)
            throw new DomainRuleException("同一时间只能有一个年度活动接受申报。请先结束正在进行的年度活动，再开启本年度。");
        if (Quota < 1)
            throw new DomainRuleException("请先设置大于 0 的标杆数量上限。");
        EnsureRulesApproved();
        Status = CycleStatus.Open;
        OpenedAt = now;
        RecordAction("开启年度活动");
    }

    public void Close(DateTimeOffset now)
    {
        if (Status != CycleStatus.Open)
            throw new DomainRuleException("只有进行中的年度活动可以结束。");
        Status = CycleStatus.Closed;
        ClosedAt = now;
        RecordAction("结束年度活动");
    }

    /// <summary>
    /// Saves the office's edit of the cycle: name, quota, standards, stage dates and settings. Every
    /// broken rule is reported at once, in Chinese; nothing changes unless all hold.
    /// </summary>
    public void Revise(CycleRevision revision)
    {
        EnsureEditable();
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(revision.Name)) problems.Add("请填写活动名称");
        if (revision.Quota < 1) problems.Add("标杆数量上限至少为 1 个");
        if (string.IsNullOrWhiteSpace(revision.StandardCode)) problems.Add("请选择评审标准");
        if (string.IsNullOrWhiteSpace(revision.MeasurementStandard)) problems.Add("请填写满意度测评依据");
        foreach (var stage in Stages.OrderBy(s => s.SortOrder))
        {
            var dates = revision.Stages.FirstOrDefault(d => d.Code == stage.Code);
            if (dates is { Start: { } start, End: { } end } && start > end)
                problems.Add($"“{stage.Name}”的开始日期（{Infrastructure.Time.ChinaTime.Format(start)}）晚于结束日期（{Infrastructure.Time.ChinaTime.Format(end)}），请调整");
        }
        problems.AddRange(revision.Settings.Problems());
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");

        var rulesBefore = RulesFingerprint();
        Name = revision.Name.Trim();
        Quota = revision.Quota;
        StandardCode = revision.StandardCode.Trim();
        MeasurementStandard = revision.MeasurementStandard.Trim();
        Settings.CopyFrom(revision.Settings);
        foreach (var stage in Stages)
        {
            var dates = revision.Stages.FirstOrDefault(d => d.Code == stage.Code);
            if (dates is null || (dates.Start == stage.StartDate && dates.End == stage.EndDate)) continue;
            RecordAction($"修改“{stage.Name}”日期：{Span(stage.StartDate, stage.EndDate)} → {Span(dates.Start, dates.End)}");
            stage.StartDate = dates.Start;
            stage.EndDate = dates.End;
        }
        RecordAction("修改年度活动设置");
        if (rulesBefore != RulesFingerprint()) RulesChanged();
    }

    private static string Span(DateOnly? start, DateOnly? end) =>
        $"{(start is { } a ? a.ToString("yyyy-MM-dd") : "待定")}至{(end is { } b ? b.ToString("yyyy-MM-dd") : "待定")}";

    public static string CategoryDisplay(AwardCategory c) => c == AwardCategory.Enterprise ? "企业类" : "服务类";

    public static string StatusDisplay(CycleStatus s) => s switch
    {
        CycleStatus.Draft => "筹备中",
        CycleStatus.Open => "进行中",
        _ => "已结束",
    };

    /// <summary>CSS badge class for the status.</summary>
    public static string StatusBadge(CycleStatus s) => s switch
    {
        CycleStatus.Open => "badge-ok",
        CycleStatus.Draft => "badge-info",
        _ => "",
    };
}

/// <summary>The dates the office set for one stage (null = 待定).</summary>
public sealed record StageDates(string Code, DateOnly? Start, DateOnly? End);

/// <summary>Everything the cycle edit page saves in one go.</summary>
public sealed record CycleRevision(string Name, int Quota, string StandardCode, string MeasurementStandard,
    IReadOnlyList<StageDates> Stages, CycleSettings Settings);
