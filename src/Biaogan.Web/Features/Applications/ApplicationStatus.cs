namespace Biaogan.Web.Features.Applications;

/// <summary>Where an application (申报) stands. Changes only through <see cref="Application"/>'s methods.</summary>
public enum ApplicationStatus
{
    /// <summary>草稿 — the organisation is filling it in.</summary>
    Draft,
    /// <summary>待推荐 — submitted, waiting for the recommending body's opinion (第十五条).</summary>
    Submitted,
    /// <summary>推荐单位不予推荐 — back with the organisation, which may amend and resubmit.</summary>
    RecommendationDeclined,
    /// <summary>待资格审查 — recommended, in the office's queue (第十六条).</summary>
    AwaitingQualification,
    /// <summary>待补正 — the office asked for supplements by a deadline in working days.</summary>
    SupplementRequested,
    /// <summary>资格审查通过.</summary>
    Qualified,
    /// <summary>资格审查未通过.</summary>
    Disqualified,
    /// <summary>已撤回.</summary>
    Withdrawn,
    /// <summary>资格已撤销 — 第二十九条: the leading group withdrew the organisation's qualification to apply and be reviewed.</summary>
    QualificationRevoked,
}

public static class ApplicationStatusText
{
    public static string Display(this ApplicationStatus s) => s switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "待推荐",
        ApplicationStatus.RecommendationDeclined => "推荐单位不予推荐",
        ApplicationStatus.AwaitingQualification => "待资格审查",
        ApplicationStatus.SupplementRequested => "待补正",
        ApplicationStatus.Qualified => "资格审查通过",
        ApplicationStatus.Disqualified => "资格审查未通过",
        ApplicationStatus.QualificationRevoked => "资格已撤销",
        _ => "已撤回",
    };

    /// <summary>CSS badge class for the status.</summary>
    public static string Badge(this ApplicationStatus s) => s switch
    {
        ApplicationStatus.Qualified => "badge-ok",
        ApplicationStatus.Disqualified or ApplicationStatus.RecommendationDeclined or ApplicationStatus.QualificationRevoked => "badge-err",
        ApplicationStatus.SupplementRequested => "badge-warn",
        ApplicationStatus.Draft or ApplicationStatus.Withdrawn => "",
        _ => "badge-info",
    };
}
