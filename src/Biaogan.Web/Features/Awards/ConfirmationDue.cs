using Biaogan.Web.Infrastructure.Time;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Awards;

/// <summary>How the date a benchmark falls due for its three-year confirmation (第二十四条 “获奖三年后”) is counted.</summary>
public enum ConfirmationDueRule
{
    /// <summary>From 1 January of the <see cref="ConfirmationDueOptions.Years"/>-th calendar year after the award year (default).</summary>
    CalendarYear,
    /// <summary>From the China Standard Time anniversary of the grant, <see cref="ConfirmationDueOptions.Years"/> years on (29 February → 28 February).</summary>
    Anniversary,
}

/// <summary>Settings of section Confirmation:Due (docs/operations.md).</summary>
public sealed class ConfirmationDueOptions
{
    public ConfirmationDueRule Rule { get; set; } = ConfirmationDueRule.CalendarYear;
    /// <summary>Years after the award (the programme says three).</summary>
    public int Years { get; set; } = 3;
}

/// <summary>
/// When a benchmark is due for its three-year confirmation. It lives with the award because the winner's page and the
/// registry show it; the confirmation round (Features/Confirmation) asks it which benchmarks are due. Dates are China
/// Standard Time: a grant at 2026-12-31 17:00 UTC is 2027-01-01 in Beijing.
/// </summary>
public sealed class ConfirmationDue(IOptions<ConfirmationDueOptions> options)
{
    public ConfirmationDueOptions Settings => options.Value;

    /// <summary>The first China-local day on which the benchmark is due.</summary>
    public DateOnly DueOn(Award award) => DueOn(award.Year, award.GrantedAt, Settings);

    public static DateOnly DueOn(int awardYear, DateTimeOffset grantedAt, ConfirmationDueOptions settings)
    {
        var years = Math.Clamp(settings.Years, 1, 20);
        return settings.Rule == ConfirmationDueRule.Anniversary
            ? DateOnly.FromDateTime(grantedAt.ToChina().DateTime).AddYears(years)
            : new DateOnly(awardYear + years, 1, 1);
    }

    /// <summary>Whether the benchmark is due on <paramref name="today"/> (a China-local date, see <see cref="ChinaTime.Today"/>).</summary>
    public bool IsDue(Award award, DateOnly today) => today >= DueOn(award);

    /// <summary>What the winner's page and the office's list say, e.g. “2029年内（获奖年度后第三个日历年）”.</summary>
    public string Describe(Award award)
    {
        var on = DueOn(award);
        return Settings.Rule == ConfirmationDueRule.Anniversary
            ? $"{ChinaTime.Format(on)}起（获奖满{Settings.Years}年）"
            : $"{on.Year}年内（获奖年度后第{Chinese(Settings.Years)}个日历年）";
    }

    private static string Chinese(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", _ => n.ToString() };
}
