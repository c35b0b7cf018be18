namespace Biaogan.Web.Features.Cycles;

/// <summary>How the “较好水平或发展趋势” of 第十四条第三项 is judged from three years of indices.</summary>
public enum TrendRule
{
    /// <summary>每年不低于上一年</summary>
    NonDecreasing,
    /// <summary>每年高于上一年</summary>
    StrictlyIncreasing,
    /// <summary>不以趋势作为替代条件（只看水平）</summary>
    LevelOnly,
}

/// <summary>Who must have 审议 a stage work report (第九条) before the list it precedes is final.</summary>
public enum StageReportQuorum
{
    /// <summary>全体委员（有回避事项的委员除外）.</summary>
    AllUnconflicted,
    /// <summary>过半数委员（有回避事项的委员不计入）.</summary>
    Majority,
}

/// <summary>
/// The office-editable assumptions of one cycle. Each default is an assumption (❓, listed in docs/domain.md),
/// never a fact of the rules, so each is shown and editable on the cycle settings page.
/// </summary>
public sealed class CycleSettings
{
    /// <summary>满意度“较好水平”阈值 (0–100), default 80 ❓.</summary>
    public decimal SatisfactionThreshold { get; set; } = 80m;
    /// <summary>Rule for “发展趋势” when the level is below the threshold ❓.</summary>
    public TrendRule TrendRule { get; set; } = TrendRule.NonDecreasing;
    /// <summary>Years of third-party measurements required (第十四条: 最近三年).</summary>
    public int MeasurementYears { get; set; } = 3;
    /// <summary>自我评价报告 total word limit ❓ (字).</summary>
    public int SelfEvaluationTotalWordLimit { get; set; } = 30000;
    /// <summary>Word limit of one criteria section ❓ (字).</summary>
    public int SelfEvaluationSectionWordLimit { get; set; } = 8000;
    /// <summary>Minimum words of one section for submission ❓ (字).</summary>
    public int SelfEvaluationSectionMinWords { get; set; } = 100;
    /// <summary>Allowed upload types, comma separated from: pdf, jpg, png, docx, xlsx, doc, xls ❓.</summary>
    public string AllowedFileTypes { get; set; } = "pdf,jpg,png,docx,xlsx";
    /// <summary>Largest single upload in MB ❓.</summary>
    public int MaxFileSizeMb { get; set; } = 20;
    /// <summary>Total size of one application's files in MB ❓.</summary>
    public int MaxApplicationFilesMb { get; set; } = 300;
    /// <summary>补正期限，工作日 ❓.</summary>
    public int SupplementDeadlineWorkdays { get; set; } = 10;
    /// <summary>第二十一条: 公示期为7个工作日 (fact); kept here to show it beside the counting rule.</summary>
    public int PublicNoticeWorkdays { get; set; } = FixedNoticeWorkdays;
    /// <summary>第二十一条 fixes the 公示期 at 7 working days; any other number needs this recorded reason, shown on the public notice.</summary>
    public string? PublicNoticeWorkdaysReason { get; set; }

    /// <summary>第二十一条: 公示期为7个工作日.</summary>
    public const int FixedNoticeWorkdays = 7;

    /// <summary>Whether the notice period departs from 第二十一条's 7 working days (then <see cref="PublicNoticeWorkdaysReason"/> says why).</summary>
    public bool NoticePeriodDeparts => PublicNoticeWorkdays != FixedNoticeWorkdays;
    /// <summary>Whether the publication day counts as the first of the notice days ❓.</summary>
    public bool PublicationDayCounts { get; set; } = true;

    // 资料评审 (第十七条) — every value below is an assumption ❓, editable per cycle.
    /// <summary>资料评审专家组人数 k, one of them 组长 ❓ (default 5).</summary>
    public int ReviewGroupSize { get; set; } = 5;
    /// <summary>每位评审员本年度最多参加的资料评审专家组数 ❓.</summary>
    public int MaxGroupsPerReviewer { get; set; } = 12;
    /// <summary>回避: employment or consulting with the applicant within this many years ❓.</summary>
    public int ConflictLookbackYears { get; set; } = 3;
    /// <summary>独立评分期限：自评审员确认回避声明起的工作日 ❓.</summary>
    public int ScoringWorkdays { get; set; } = 10;
    /// <summary>截止前几个工作日提醒未提交的评审员 ❓.</summary>
    public int ScoringReminderWorkdays { get; set; } = 2;
    /// <summary>一致性评审：同一条目最高与最低得分率之差超过此值（百分点）即优先讨论 ❓.</summary>
    public int ConsensusSpreadThreshold { get; set; } = 20;

    // 现场评审、双向反馈、综合评价与公示 (第十九至二十一条、第三十条) — assumptions ❓, editable per cycle.
    /// <summary>现场评审专家组人数（含组长） ❓ (default 3).</summary>
    public int OnSiteGroupSize { get; set; } = 3;
    /// <summary>双向反馈期限：现场评审结束后的工作日 ❓ (default 10).</summary>
    public int MutualFeedbackWorkdays { get; set; } = 10;
    /// <summary>综合评价中资料评审成绩的权重（%），现场评审权重为 100 减去此值 ❓ (default 50).</summary>
    public int EvaluationDocumentWeight { get; set; } = 50;
    /// <summary>公示期最后一个工作日受理异议的截止时刻（北京时间） ❓ (default 17:00).</summary>
    public TimeOnly ObjectionClosingTime { get; set; } = new(17, 0);
    /// <summary>被异议组织答复期限（工作日） ❓ (default 5).</summary>
    public int ObjectionReplyWorkdays { get; set; } = 5;

    /// <summary>
    /// 第九条: how many members of the review committee must have 审议 a stage work report before the shortlist or the
    /// recommended list is final ❓ (default: every member without a 回避 in the cycle).
    /// </summary>
    public StageReportQuorum StageReportQuorum { get; set; } = StageReportQuorum.AllUnconflicted;

    /// <summary>综合评价中现场评审成绩的权重（%）.</summary>
    public int EvaluationOnSiteWeight => 100 - EvaluationDocumentWeight;

    /// <summary>The file types the office may allow (证实性材料 uploads).</summary>
    public static readonly IReadOnlyList<string> FileTypeChoices = ["pdf", "jpg", "png", "docx", "xlsx", "doc", "xls"];

    public static string QuorumDisplay(StageReportQuorum q) => q == StageReportQuorum.Majority
        ? "过半数无回避事项的委员审议" : "全体无回避事项的委员审议";

    /// <summary>The rule in a few words, for running text (“符合本年度“每年不低于上一年”的发展趋势规则”).</summary>
    public static string TrendRuleName(TrendRule rule) => rule switch
    {
        TrendRule.NonDecreasing => "每年不低于上一年",
        TrendRule.StrictlyIncreasing => "每年高于上一年",
        _ => "只看水平，不以趋势替代",
    };

    /// <summary>The rule as the settings form and the cycle page offer it.</summary>
    public static string TrendRuleDisplay(TrendRule rule) => rule switch
    {
        TrendRule.NonDecreasing => "每年不低于上一年（持平或上升）",
        TrendRule.StrictlyIncreasing => "每年高于上一年（逐年上升）",
        _ => "不以趋势替代，只看是否达到阈值",
    };

    /// <summary>The rules a set of values must keep, in Chinese; empty when all hold.</summary>
    public IEnumerable<string> Problems()
    {
        if (SatisfactionThreshold is < 0 or > 100) yield return "满意度阈值应在 0 至 100 之间";
        if (!Enum.IsDefined(TrendRule)) yield return "请选择发展趋势的判定规则";
        if (MeasurementYears is < 1 or > 5) yield return "测评年数应在 1 至 5 年之间";
        if (SelfEvaluationSectionMinWords < 0) yield return "每个类目的最少字数不能为负数";
        if (SelfEvaluationSectionWordLimit < Math.Max(1, SelfEvaluationSectionMinWords))
            yield return "每个类目的字数上限应大于 0 且不小于最少字数";
        if (SelfEvaluationTotalWordLimit < SelfEvaluationSectionWordLimit)
            yield return "自我评价报告总字数上限不应小于每个类目的字数上限";
        var types = AllowedFileTypeList;
        if (types.Count == 0) yield return "请至少允许一种证实性材料文件类型";
        var unknown = types.Where(t => !FileTypeChoices.Contains(t)).ToList();
        if (unknown.Count > 0) yield return $"不支持的文件类型：{string.Join("、", unknown)}（可选：{string.Join("、", FileTypeChoices)}）";
        if (MaxFileSizeMb is < 1 or > 1024) yield return "单个文件大小上限应在 1 至 1024 MB 之间";
        if (MaxApplicationFilesMb < MaxFileSizeMb || MaxApplicationFilesMb > 10240)
            yield return "每份申报的文件总大小上限应不小于单个文件上限，且不超过 10240 MB";
        if (SupplementDeadlineWorkdays is < 1 or > 60) yield return "补正期限应在 1 至 60 个工作日之间";
        if (PublicNoticeWorkdays is < 1 or > 60) yield return "公示期应在 1 至 60 个工作日之间";
        else if (NoticePeriodDeparts && string.IsNullOrWhiteSpace(PublicNoticeWorkdaysReason))
            yield return $"第二十一条规定公示期为{FixedNoticeWorkdays}个工作日；如改为 {PublicNoticeWorkdays} 个工作日，请填写理由（理由将在公示页面上公开）";
        if (PublicNoticeWorkdaysReason?.Length > 500) yield return "公示期调整理由不能超过500个字";
        if (ReviewGroupSize is < 1 or > 15) yield return "资料评审专家组人数应在 1 至 15 人之间";
        if (MaxGroupsPerReviewer is < 1 or > 200) yield return "每位评审员最多参加的专家组数应在 1 至 200 之间";
        if (ConflictLookbackYears is < 0 or > 20) yield return "回避年限应在 0 至 20 年之间";
        if (ScoringWorkdays is < 1 or > 60) yield return "独立评分期限应在 1 至 60 个工作日之间";
        if (ScoringReminderWorkdays < 0 || ScoringReminderWorkdays >= Math.Max(1, ScoringWorkdays))
            yield return "评分提醒应在截止前 0 个工作日至评分期限之内";
        if (ConsensusSpreadThreshold is < 0 or > 100) yield return "一致性评审的分歧阈值应在 0 至 100 个百分点之间";
        if (OnSiteGroupSize is < 1 or > 15) yield return "现场评审专家组人数应在 1 至 15 人之间";
        if (MutualFeedbackWorkdays is < 1 or > 60) yield return "双向反馈期限应在 1 至 60 个工作日之间";
        if (EvaluationDocumentWeight is < 0 or > 100) yield return "资料评审成绩权重应在 0 至 100 之间";
        if (ObjectionReplyWorkdays is < 1 or > 60) yield return "被异议组织的答复期限应在 1 至 60 个工作日之间";
        if (!Enum.IsDefined(StageReportQuorum)) yield return "请选择阶段工作报告的审议规则";
    }

    public void CopyFrom(CycleSettings other)
    {
        SatisfactionThreshold = other.SatisfactionThreshold;
        TrendRule = other.TrendRule;
        MeasurementYears = other.MeasurementYears;
        SelfEvaluationTotalWordLimit = other.SelfEvaluationTotalWordLimit;
        SelfEvaluationSectionWordLimit = other.SelfEvaluationSectionWordLimit;
        SelfEvaluationSectionMinWords = other.SelfEvaluationSectionMinWords;
        AllowedFileTypes = string.Join(",", other.AllowedFileTypeList);
        MaxFileSizeMb = other.MaxFileSizeMb;
        MaxApplicationFilesMb = other.MaxApplicationFilesMb;
        SupplementDeadlineWorkdays = other.SupplementDeadlineWorkdays;
        PublicNoticeWorkdays = other.PublicNoticeWorkdays;
        // The reason belongs to a departure only: back at 7 days it is dropped.
        PublicNoticeWorkdaysReason = other.NoticePeriodDeparts && !string.IsNullOrWhiteSpace(other.PublicNoticeWorkdaysReason)
            ? other.PublicNoticeWorkdaysReason.Trim() : null;
        PublicationDayCounts = other.PublicationDayCounts;
        ReviewGroupSize = other.ReviewGroupSize;
        MaxGroupsPerReviewer = other.MaxGroupsPerReviewer;
        ConflictLookbackYears = other.ConflictLookbackYears;
        ScoringWorkdays = other.ScoringWorkdays;
        ScoringReminderWorkdays = other.ScoringReminderWorkdays;
        ConsensusSpreadThreshold = other.ConsensusSpreadThreshold;
        OnSiteGroupSize = other.OnSiteGroupSize;
        MutualFeedbackWorkdays = other.MutualFeedbackWorkdays;
        EvaluationDocumentWeight = other.EvaluationDocumentWeight;
        ObjectionClosingTime = other.ObjectionClosingTime;
        ObjectionReplyWorkdays = other.ObjectionReplyWorkdays;
        StageReportQuorum = other.StageReportQuorum;
    }

    public IReadOnlyList<string> AllowedFileTypeList =>
        AllowedFileTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().ToList();
}
