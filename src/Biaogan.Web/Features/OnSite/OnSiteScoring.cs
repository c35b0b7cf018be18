using Biaogan.Web.Features.Criteria;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// Points of a visit on the criteria version's scale, the way the 资料评审 ranking computes the consensus total:
/// Σ item points × percentage ÷ 100 (an item without a percentage counts 0), kept to two decimals.
/// </summary>
public static class OnSiteScoring
{
    public static (decimal Document, decimal OnSite) Points(SiteVisit visit, CriteriaDocument criteria)
    {
        var points = criteria.Items.ToDictionary(i => i.Code, i => (decimal)i.Points);
        decimal Sum(Func<OnSiteItemScore, int?> percent) =>
            Math.Round(visit.Items.Sum(i => points.GetValueOrDefault(i.ItemCode) * (percent(i) ?? 0) / 100m), 2);
        return (Sum(i => i.DocumentPercent), Sum(i => i.Percent));
    }

    /// <summary>Item points × percentage for one line of the report.</summary>
    public static decimal ItemPoints(int points, int? percent) => Math.Round(points * (percent ?? 0) / 100m, 2);
}

/// <summary>How the visit's dates and figures are printed on pages, e-mails and the report.</summary>
public static class OnSiteText
{
    public static string Dates(SiteVisit v) => v.StartDate is not { } s ? "待定"
        : v.EndDate is { } e && e != s ? $"{s:yyyy年M月d日}至{e:yyyy年M月d日}" : $"{s:yyyy年M月d日}";

    public static string Percent(int? p) => p is { } x ? x + "%" : "—";

    public static string Points(decimal? p) => p is { } x ? x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Display(this SiteVisitStatus s) => s switch
    {
        SiteVisitStatus.Planning => "筹备中",
        SiteVisitStatus.InProgress => "现场评审中",
        SiteVisitStatus.LeaderApproved => "组长已确认",
        SiteVisitStatus.OfficeApproved => "办公室已确认",
        _ => "已发送组织",
    };

    public static string Badge(this SiteVisitStatus s) => s switch
    {
        SiteVisitStatus.Planning => "badge-warn",
        SiteVisitStatus.InProgress => "badge-info",
        SiteVisitStatus.Released => "badge-ok",
        _ => "badge-info",
    };
}
