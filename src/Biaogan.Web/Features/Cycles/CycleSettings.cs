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

/// <summary>
/// The office-editable assumptions of one cycle. Each default is an assumption from docs/domain.md (❓),
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
    public int PublicNoticeWorkdays { get; set; } = 7;
    /// <summary>Whether the publication day counts as the first of the notice days ❓.</summary>
    public bool PublicationDayCounts { get; set; } = true;

    public IReadOnlyList<string> AllowedFileTypeList =>
        AllowedFileTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().ToList();
}
