using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Commitments;

/// <summary>Where one yearly progress report stands.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReportState>))]
public enum ReportState
{
    /// <summary>已提交</summary>
    Filed,
    /// <summary>待提交 — the year has begun, the due date has not passed.</summary>
    Due,
    /// <summary>逾期未提交</summary>
    Overdue,
    /// <summary>未到期 — the year has not begun.</summary>
    Upcoming,
    /// <summary>无需提交 — the award was revoked before the due date.</summary>
    NotRequired,
}

/// <summary>One report an award owes: its year, due date, state and lateness (a filed report's lateness is when it came).</summary>
public sealed record ReportLine(Guid AwardId, string OrganizationName, string CertificateNumber, int AwardYear, int Year, DateOnly DueOn,
    ReportState State, string StateText, int DaysLate, DateTimeOffset? FiledAt, Guid? ReportId);

public sealed record GoalsView(string Goals, DateTimeOffset RecordedAt, string RecordedBy, int Version);

public sealed record ReportView(Guid Id, Guid AwardId, int Year, DateOnly DueOn, string GoalProgress, string SatisfactionResults,
    string NewPractices, DateTimeOffset FiledAt, string FiledBy, int DaysLate);

/// <summary>An award's commitments: its goals (null until recorded), every report it owes, and the reports filed.</summary>
public sealed record CommitmentView(Guid AwardId, string OrganizationName, string CertificateNumber, int AwardYear, GoalsView? Goals,
    IReadOnlyList<ReportLine> Lines, IReadOnlyList<ReportView> Reports);

/// <summary>
/// The read side of 第二十三条 for every page, the API, the to-do lists and — through <see cref="ForAwardAsync"/> — the
/// features above (the three-year confirmation pre-fills “progress reports of the period” from it). Visibility: the office,
/// the administrator and the leading group see every award; a winner's users only their own organisation's.
/// </summary>
public sealed class CommitmentRecords(AppDbContext db, TimeProvider clock, IOptions<CommitmentsOptions> options)
{
    public ReportSchedule Schedule { get; } = new(options.Value);

    public static bool IsStaff(ClaimsPrincipal user) => user.IsOffice() || user.IsLeadingGroup();

    /// <summary>The awards <paramref name="user"/> may see the commitments of.</summary>
    public IQueryable<Award> VisibleAwards(ClaimsPrincipal user)
    {
        var awards = db.Set<Award>().AsNoTracking();
        if (IsStaff(user)) return awards;
        var org = user.IsInRole(Roles.Applicant) ? user.OrganizationId() : null;
        return org is { } o ? awards.Where(a => a.OrganizationId == o) : awards.Where(a => false);
    }

    /// <summary>
    /// For the features above (e.g. the three-year confirmation): the award's goals and its reports on the years
    /// <paramref name="from"/>.Year through <paramref name="to"/>.Year, filed or not, with their lateness. Null for an unknown
    /// award. No access check: the caller has done its own.
    /// </summary>
    public async Task<CommitmentView?> ForAwardAsync(Guid awardId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null) return null;
        var view = await ViewAsync(award, ct);
        return view with
        {
            Lines = view.Lines.Where(l => l.Year >= from.Year && l.Year <= to.Year).ToList(),
            Reports = view.Reports.Where(r => r.Year >= from.Year && r.Year <= to.Year).ToList(),
        };
    }

    /// <summary>One award's commitments for <paramref name="user"/>; null when unknown or not theirs.</summary>
    public async Task<CommitmentView?> ForUserAsync(ClaimsPrincipal user, Guid awardId, CancellationToken ct)
    {
        var award = await VisibleAwards(user).FirstOrDefaultAsync(a => a.Id == awardId, ct);
        return award is null ? null : await ViewAsync(award, ct);
    }

    public async Task<CommitmentView> ViewAsync(Award award, CancellationToken ct)
    {
        var goals = await db.Set<QualityGoals>().AsNoTracking().FirstOrDefaultAsync(g => g.AwardId == award.Id, ct);
        var reports = await db.Set<ProgressReport>().AsNoTracking().Where(r => r.AwardId == award.Id).OrderBy(r => r.Year).ToListAsync(ct);
        return new CommitmentView(award.Id, award.OrganizationName, award.CertificateNumber, award.Year,
            goals is null ? null : new GoalsView(goals.Goals, goals.RecordedAt, goals.RecordedBy, goals.Version),
            Lines(award, reports), reports.Select(Report).ToList());
    }

    /// <summary>Every report the visible awards owe, newest award first; <paramref name="lateOnly"/>: the overdue ones and those filed late.</summary>
    public async Task<IReadOnlyList<ReportLine>> LinesAsync(ClaimsPrincipal user, bool lateOnly, CancellationToken ct)
    {
        var awards = await VisibleAwards(user).OrderByDescending(a => a.Year).ThenBy(a => a.CertificateNumber).ToListAsync(ct);
        var ids = awards.Select(a => a.Id).ToList();
        var reports = (await db.Set<ProgressReport>().AsNoTracking().Where(r => ids.Contains(r.AwardId)).ToListAsync(ct)).ToLookup(r => r.AwardId);
        var lines = awards.SelectMany(a => Lines(a, reports[a.Id].ToList()));
        return (lateOnly ? lines.Where(l => l.DaysLate > 0) : lines).ToList();
    }

    /// <summary>The reports overdue and not filed, over every award (the office's “who is late”).</summary>
    public async Task<IReadOnlyList<ReportLine>> OverdueAsync(CancellationToken ct)
    {
        var awards = await db.Set<Award>().AsNoTracking().Where(a => a.Status != AwardStatus.Revoked).ToListAsync(ct);
        var ids = awards.Select(a => a.Id).ToList();
        var reports = (await db.Set<ProgressReport>().AsNoTracking().Where(r => ids.Contains(r.AwardId)).ToListAsync(ct)).ToLookup(r => r.AwardId);
        return awards.SelectMany(a => Lines(a, reports[a.Id].ToList())).Where(l => l.State == ReportState.Overdue).ToList();
    }

    private IReadOnlyList<ReportLine> Lines(Award award, IReadOnlyList<ProgressReport> reports)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        return Schedule.YearsOf(award.Year).Select(year =>
        {
            var filed = reports.FirstOrDefault(r => r.Year == year);
            var due = filed?.DueOn ?? Schedule.DueOn(year);
            var state = filed is not null ? ReportState.Filed
                : award.RevokedAt is { } revoked && ReportSchedule.Deadline(due) >= revoked ? ReportState.NotRequired
                : ReportSchedule.Deadline(due) < now ? ReportState.Overdue
                : year > today.Year ? ReportState.Upcoming
                : ReportState.Due;
            var late = filed?.DaysLate ?? (state == ReportState.Overdue ? ReportSchedule.DaysLate(due, now) : 0);
            return new ReportLine(award.Id, award.OrganizationName, award.CertificateNumber, award.Year, year, due, state,
                StateDisplay(state), late, filed?.FiledAt, filed?.Id);
        }).ToList();
    }

    public static ReportView Report(ProgressReport r) => new(r.Id, r.AwardId, r.Year, r.DueOn, r.GoalProgress, r.SatisfactionResults,
        r.NewPractices, r.FiledAt, r.FiledBy, r.DaysLate);

    public static string StateDisplay(ReportState s) => s switch
    {
        ReportState.Filed => "已提交",
        ReportState.Due => "待提交",
        ReportState.Overdue => "逾期未提交",
        ReportState.Upcoming => "未到期",
        _ => "无需提交（称号已撤销）",
    };

    public static string StateBadge(ReportState s) => s switch
    {
        ReportState.Filed => "badge-ok",
        ReportState.Overdue => "badge-err",
        ReportState.Due => "badge-warn",
        _ => "badge-info",
    };

    /// <summary>The page where the organisation files (or reads) the report on <paramref name="year"/>.</summary>
    public static string Link(Guid awardId, int year) => $"/Commitments/Report/{awardId}/{year}";
}
