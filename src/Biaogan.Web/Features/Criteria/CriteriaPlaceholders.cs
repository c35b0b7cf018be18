namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// 待核定: criteria whose points (or total) are not yet verified against the standard. Every page and PDF computed from
/// such a version says so through this one helper (pages: the partial _PlaceholderNotice.cshtml) instead of copies.
/// </summary>
public static class CriteriaPlaceholders
{
    public const string Label = "待核定";

    /// <summary>Whether a document still has a 待核定 total, category or item.</summary>
    public static bool Pending(CriteriaDocument document) => document.TotalPending || document.PendingCount > 0;

    /// <summary>Whether the version a cycle pins (by its standard code) still has 待核定 points.</summary>
    public static bool PendingFor(string standardCode) => !CriteriaCatalog.ForCycle(standardCode).PointsConfirmed;

    /// <summary>The sentence shown on every page and PDF computed from a 待核定 version.</summary>
    public static string Notice(string standardCode) =>
        $"待核定：本结果依据的评价准则“{CriteriaCatalog.ForCycle(standardCode).Code}”中有分值尚未依据标准原文核定，" +
        "分数按现有分值计算，分值核定后可能变化。";
}
