using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 评审员库设置 — the office-editable assumptions of the pool (one row; defaults until the office saves).
/// They are not per 年度活动: a reviewer's appointment spans cycles.
/// </summary>
public sealed class ReviewerPoolSettings : Entity
{
    /// <summary>The id of the one row, so that two first saves cannot create two.</summary>
    public static readonly Guid SingletonId = new("0198f2a0-0000-7000-8000-000000000001");

    public ReviewerPoolSettings() => Id = SingletonId;

    /// <summary>第十一条第四项: 五年以上 — the rules say five; kept as a setting for the office to see and adjust.</summary>
    public int MinimumExperienceYears { get; private set; } = 5;
    /// <summary>聘期 in years, used as the default term the leading group's form proposes ❓.</summary>
    public int DefaultTermYears { get; private set; } = 3;

    public void Change(int minimumExperienceYears, int defaultTermYears)
    {
        var problems = new List<string>();
        if (minimumExperienceYears is < 0 or > 40) problems.Add("工作经历年限应在 0 至 40 年之间");
        if (defaultTermYears is < 1 or > 10) problems.Add("默认聘期应在 1 至 10 年之间");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        MinimumExperienceYears = minimumExperienceYears;
        DefaultTermYears = defaultTermYears;
        RecordAction($"修改评审员库设置（工作经历 {minimumExperienceYears} 年以上，默认聘期 {defaultTermYears} 年）");
    }

    public EligibilitySettings For(DateOnly asOf) => new(MinimumExperienceYears, asOf);

    /// <summary>The default term for an appointment starting on <paramref name="start"/>: N years less one day.</summary>
    public DateOnly DefaultTermEnd(DateOnly start) => start.AddYears(DefaultTermYears).AddDays(-1);
}

/// <summary>Queries of the reviewer pool that other features call (assignment, conflicts).</summary>
public static class ReviewerPool
{
    /// <summary>
    /// Reviewers who may be given review work on <paramref name="date"/>: appointed (not candidate, suspended or
    /// revoked), with an account, and with a term that has started and not yet ended. Work history and trainings
    /// are included (employers' 统一社会信用代码 for conflicts, industries and region for matching). Not tracked.
    /// </summary>
    public static Task<List<ReviewerProfile>> AvailableAsync(AppDbContext db, DateOnly date, CancellationToken ct = default) =>
        db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery()
            .Where(p => p.Status == ReviewerStatus.Appointed && p.UserId != null
                && p.AppointedOn <= date && p.TermEndsOn >= date)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ToListAsync(ct);

    /// <summary>The profile linked to an account, or null.</summary>
    public static Task<ReviewerProfile?> OfUserAsync(AppDbContext db, string userId, CancellationToken ct = default) =>
        db.Set<ReviewerProfile>().AsSplitQuery().FirstOrDefaultAsync(p => p.UserId == userId, ct);

    public static Task<ReviewerProfile?> FindAsync(AppDbContext db, Guid id, CancellationToken ct = default) =>
        db.Set<ReviewerProfile>().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The saved settings (tracked), or the defaults when the office has never saved them (not tracked).</summary>
    public static async Task<ReviewerPoolSettings> SettingsAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Set<ReviewerPoolSettings>().FirstOrDefaultAsync(s => s.Id == ReviewerPoolSettings.SingletonId, ct)
            ?? new ReviewerPoolSettings();
}
