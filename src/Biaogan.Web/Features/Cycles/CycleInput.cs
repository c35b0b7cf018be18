using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Cycles;

/// <summary>The cycle edit form. Shapes and ranges are checked here; the rules across fields in <see cref="Cycle.Revise"/>.</summary>
public sealed class CycleInput
{
    public int Version { get; set; }

    [Display(Name = "活动名称")]
    [Required(ErrorMessage = "请填写活动名称。")]
    [StringLength(200, ErrorMessage = "活动名称不超过 200 字。")]
    public string? Name { get; set; }

    [Display(Name = "标杆数量上限")]
    [Required(ErrorMessage = "请填写标杆数量上限。")]
    [Range(1, 100, ErrorMessage = "标杆数量上限应在 1 至 100 之间。")]
    public int? Quota { get; set; }

    [Display(Name = "评审标准")]
    [Required(ErrorMessage = "请选择评审标准。")]
    public string? StandardCode { get; set; }

    [Display(Name = "满意度测评依据")]
    [Required(ErrorMessage = "请填写满意度测评依据。")]
    [StringLength(1000, ErrorMessage = "满意度测评依据不超过 1000 字。")]
    public string? MeasurementStandard { get; set; }

    public List<StageInput> Stages { get; set; } = [];

    public SettingsInput Settings { get; set; } = new();

    public static CycleInput From(Cycle c) => new()
    {
        Version = c.Version, Name = c.Name, Quota = c.Quota, StandardCode = c.StandardCode,
        MeasurementStandard = c.MeasurementStandard,
        Stages = c.Stages.OrderBy(s => s.SortOrder).Select(s => new StageInput { Code = s.Code, StartDate = s.StartDate, EndDate = s.EndDate }).ToList(),
        Settings = SettingsInput.From(c.Settings),
    };

    public CycleRevision ToRevision() => new(Name ?? "", Quota ?? 0, StandardCode ?? "", MeasurementStandard ?? "",
        Stages.Select(s => new StageDates(s.Code ?? "", s.StartDate, s.EndDate)).ToList(), Settings.ToSettings());
}

public sealed class StageInput
{
    public string? Code { get; set; }

    [Display(Name = "开始日期")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "结束日期")]
    public DateOnly? EndDate { get; set; }
}

public sealed class SettingsInput
{
    [Display(Name = "满意度“较好水平”阈值")]
    [Required(ErrorMessage = "请填写满意度阈值。")]
    [Range(0, 100, ErrorMessage = "满意度阈值应在 0 至 100 之间。")]
    public decimal? SatisfactionThreshold { get; set; }

    [Display(Name = "发展趋势判定规则")]
    [Required(ErrorMessage = "请选择发展趋势判定规则。")]
    public TrendRule? TrendRule { get; set; }

    [Display(Name = "测评年数")]
    [Required(ErrorMessage = "请填写测评年数。")]
    [Range(1, 5, ErrorMessage = "测评年数应在 1 至 5 年之间。")]
    public int? MeasurementYears { get; set; }

    [Display(Name = "自我评价报告总字数上限")]
    [Required(ErrorMessage = "请填写自我评价报告总字数上限。")]
    [Range(1, 1_000_000, ErrorMessage = "总字数上限应在 1 至 1000000 字之间。")]
    public int? SelfEvaluationTotalWordLimit { get; set; }

    [Display(Name = "每个类目字数上限")]
    [Required(ErrorMessage = "请填写每个类目的字数上限。")]
    [Range(1, 1_000_000, ErrorMessage = "每个类目的字数上限应在 1 至 1000000 字之间。")]
    public int? SelfEvaluationSectionWordLimit { get; set; }

    [Display(Name = "每个类目最少字数")]
    [Required(ErrorMessage = "请填写每个类目的最少字数（可为 0）。")]
    [Range(0, 1_000_000, ErrorMessage = "每个类目的最少字数应在 0 至 1000000 字之间。")]
    public int? SelfEvaluationSectionMinWords { get; set; }

    [Display(Name = "允许的文件类型")]
    public List<string> FileTypes { get; set; } = [];

    [Display(Name = "单个文件大小上限（MB）")]
    [Required(ErrorMessage = "请填写单个文件大小上限。")]
    [Range(1, 1024, ErrorMessage = "单个文件大小上限应在 1 至 1024 MB 之间。")]
    public int? MaxFileSizeMb { get; set; }

    [Display(Name = "每份申报文件总大小上限（MB）")]
    [Required(ErrorMessage = "请填写每份申报的文件总大小上限。")]
    [Range(1, 10240, ErrorMessage = "文件总大小上限应在 1 至 10240 MB 之间。")]
    public int? MaxApplicationFilesMb { get; set; }

    [Display(Name = "补正期限（工作日）")]
    [Required(ErrorMessage = "请填写补正期限。")]
    [Range(1, 60, ErrorMessage = "补正期限应在 1 至 60 个工作日之间。")]
    public int? SupplementDeadlineWorkdays { get; set; }

    [Display(Name = "公示期（工作日）")]
    [Required(ErrorMessage = "请填写公示期。")]
    [Range(1, 60, ErrorMessage = "公示期应在 1 至 60 个工作日之间。")]
    public int? PublicNoticeWorkdays { get; set; }

    [Display(Name = "公示期不是7个工作日的理由")]
    [StringLength(500, ErrorMessage = "理由不能超过500个字。")]
    public string? PublicNoticeWorkdaysReason { get; set; }

    [Display(Name = "发布当日是否计入公示期")]
    public bool PublicationDayCounts { get; set; }

    [Display(Name = "资料评审专家组人数")]
    [Required(ErrorMessage = "请填写资料评审专家组人数。")]
    [Range(1, 15, ErrorMessage = "专家组人数应在 1 至 15 人之间。")]
    public int? ReviewGroupSize { get; set; }

    [Display(Name = "每位评审员最多参加的专家组数")]
    [Required(ErrorMessage = "请填写每位评审员最多参加的专家组数。")]
    [Range(1, 200, ErrorMessage = "每位评审员最多参加的专家组数应在 1 至 200 之间。")]
    public int? MaxGroupsPerReviewer { get; set; }

    [Display(Name = "回避年限（年）")]
    [Required(ErrorMessage = "请填写回避年限（可为 0）。")]
    [Range(0, 20, ErrorMessage = "回避年限应在 0 至 20 年之间。")]
    public int? ConflictLookbackYears { get; set; }

    [Display(Name = "独立评分期限（工作日）")]
    [Required(ErrorMessage = "请填写独立评分期限。")]
    [Range(1, 60, ErrorMessage = "独立评分期限应在 1 至 60 个工作日之间。")]
    public int? ScoringWorkdays { get; set; }

    [Display(Name = "截止前提醒（工作日）")]
    [Required(ErrorMessage = "请填写截止前几个工作日提醒（可为 0）。")]
    [Range(0, 59, ErrorMessage = "提醒应在截止前 0 至 59 个工作日之间。")]
    public int? ScoringReminderWorkdays { get; set; }

    [Display(Name = "一致性评审分歧阈值（百分点）")]
    [Required(ErrorMessage = "请填写一致性评审的分歧阈值。")]
    [Range(0, 100, ErrorMessage = "分歧阈值应在 0 至 100 个百分点之间。")]
    public int? ConsensusSpreadThreshold { get; set; }

    [Display(Name = "现场评审专家组人数")]
    [Required(ErrorMessage = "请填写现场评审专家组人数。")]
    [Range(1, 15, ErrorMessage = "现场评审专家组人数应在 1 至 15 人之间。")]
    public int? OnSiteGroupSize { get; set; }

    [Display(Name = "双向反馈期限（工作日）")]
    [Required(ErrorMessage = "请填写双向反馈期限。")]
    [Range(1, 60, ErrorMessage = "双向反馈期限应在 1 至 60 个工作日之间。")]
    public int? MutualFeedbackWorkdays { get; set; }

    [Display(Name = "综合评价中资料评审成绩权重（%）")]
    [Required(ErrorMessage = "请填写资料评审成绩的权重（0 至 100）。")]
    [Range(0, 100, ErrorMessage = "资料评审成绩权重应在 0 至 100 之间，现场评审权重为 100 减去此值。")]
    public int? EvaluationDocumentWeight { get; set; }

    [Display(Name = "公示期最后一日受理异议截止时刻")]
    [Required(ErrorMessage = "请填写受理异议的截止时刻，例如 17:00。")]
    public TimeOnly? ObjectionClosingTime { get; set; }

    [Display(Name = "被异议组织答复期限（工作日）")]
    [Required(ErrorMessage = "请填写被异议组织的答复期限。")]
    [Range(1, 60, ErrorMessage = "答复期限应在 1 至 60 个工作日之间。")]
    public int? ObjectionReplyWorkdays { get; set; }

    [Display(Name = "阶段工作报告的审议规则")]
    public StageReportQuorum StageReportQuorum { get; set; }

    public static SettingsInput From(CycleSettings s) => new()
    {
        SatisfactionThreshold = s.SatisfactionThreshold, TrendRule = s.TrendRule, MeasurementYears = s.MeasurementYears,
        SelfEvaluationTotalWordLimit = s.SelfEvaluationTotalWordLimit, SelfEvaluationSectionWordLimit = s.SelfEvaluationSectionWordLimit,
        SelfEvaluationSectionMinWords = s.SelfEvaluationSectionMinWords, FileTypes = [.. s.AllowedFileTypeList],
        MaxFileSizeMb = s.MaxFileSizeMb, MaxApplicationFilesMb = s.MaxApplicationFilesMb,
        SupplementDeadlineWorkdays = s.SupplementDeadlineWorkdays, PublicNoticeWorkdays = s.PublicNoticeWorkdays,
        PublicNoticeWorkdaysReason = s.PublicNoticeWorkdaysReason,
        PublicationDayCounts = s.PublicationDayCounts,
        ReviewGroupSize = s.ReviewGroupSize, MaxGroupsPerReviewer = s.MaxGroupsPerReviewer,
        ConflictLookbackYears = s.ConflictLookbackYears, ScoringWorkdays = s.ScoringWorkdays,
        ScoringReminderWorkdays = s.ScoringReminderWorkdays, ConsensusSpreadThreshold = s.ConsensusSpreadThreshold,
        OnSiteGroupSize = s.OnSiteGroupSize, MutualFeedbackWorkdays = s.MutualFeedbackWorkdays,
        EvaluationDocumentWeight = s.EvaluationDocumentWeight, ObjectionClosingTime = s.ObjectionClosingTime,
        ObjectionReplyWorkdays = s.ObjectionReplyWorkdays, StageReportQuorum = s.StageReportQuorum,
    };

    public CycleSettings ToSettings() => new()
    {
        SatisfactionThreshold = SatisfactionThreshold ?? -1, TrendRule = TrendRule ?? (TrendRule)(-1),
        MeasurementYears = MeasurementYears ?? 0, SelfEvaluationTotalWordLimit = SelfEvaluationTotalWordLimit ?? 0,
        SelfEvaluationSectionWordLimit = SelfEvaluationSectionWordLimit ?? 0, SelfEvaluationSectionMinWords = SelfEvaluationSectionMinWords ?? -1,
        AllowedFileTypes = string.Join(",", FileTypes), MaxFileSizeMb = MaxFileSizeMb ?? 0,
        MaxApplicationFilesMb = MaxApplicationFilesMb ?? 0, SupplementDeadlineWorkdays = SupplementDeadlineWorkdays ?? 0,
        PublicNoticeWorkdays = PublicNoticeWorkdays ?? 0, PublicNoticeWorkdaysReason = PublicNoticeWorkdaysReason,
        PublicationDayCounts = PublicationDayCounts,
        ReviewGroupSize = ReviewGroupSize ?? 0, MaxGroupsPerReviewer = MaxGroupsPerReviewer ?? 0,
        ConflictLookbackYears = ConflictLookbackYears ?? -1, ScoringWorkdays = ScoringWorkdays ?? 0,
        ScoringReminderWorkdays = ScoringReminderWorkdays ?? -1, ConsensusSpreadThreshold = ConsensusSpreadThreshold ?? -1,
        OnSiteGroupSize = OnSiteGroupSize ?? 0, MutualFeedbackWorkdays = MutualFeedbackWorkdays ?? 0,
        EvaluationDocumentWeight = EvaluationDocumentWeight ?? -1, ObjectionClosingTime = ObjectionClosingTime ?? new TimeOnly(17, 0),
        ObjectionReplyWorkdays = ObjectionReplyWorkdays ?? 0, StageReportQuorum = StageReportQuorum,
    };
}
