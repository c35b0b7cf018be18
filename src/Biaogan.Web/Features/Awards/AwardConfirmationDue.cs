namespace Biaogan.Web.Features.Awards;

/// <summary>
/// 第二十四条: a benchmark is confirmed three years after its award. The programme's default reading — the confirmation falls
/// due in the third calendar year after the award year (2026 award → 2029) — computed in one place, so that the leading
/// group's overview, the winner's page and the confirmation round (Features/Confirmation, which may make the rule a setting)
/// agree on it.
/// </summary>
public static class AwardConfirmationDue
{
    public const int YearsAfterAward = 3;

    /// <summary>The calendar year (China Standard Time) in which the award's confirmation falls due.</summary>
    public static int YearFor(int awardYear) => awardYear + YearsAfterAward;

    /// <summary>Due now: the award is valid and its confirmation year has come (or passed without a confirmation).</summary>
    public static bool IsDue(Award award, int currentYear) => award.Status == AwardStatus.Valid && YearFor(award.Year) <= currentYear;
}
