using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

public sealed record DueView(Guid AwardId, int Year, string Organization, string Category, string CertificateNumber, DateOnly DueOn, string DueText);

public sealed record RoundSummary(Guid Id, string Title, int Year, int Sequence, DateOnly SubmitBy, DateTimeOffset OpenedAt, string Status,
    string StatusText, DateTimeOffset? PublishedAt, int Benchmarks, int Submitted, int Version);

public sealed record EntryView(Guid Id, Guid RoundId, string RoundTitle, Guid AwardId, Guid CaseId, string CaseNumber, string CaseStatus,
    string Organization, string CertificateNumber, int AwardYear, string Category, int FirstYear, int LastYear, string? ManagementChanges,
    IReadOnlyList<YearFigures> Figures, string? Statement, DateTimeOffset? SubmittedAt, string? SubmittedBy, string? CaseOutcome,
    IReadOnlyList<PeriodRecord> Period, int Version);

public sealed record RoundView(RoundSummary Round, string? Preface, IReadOnlyList<EntryView> Entries);

/// <summary>One line of the public 确认结果公告: only what the leading group decided to publish.</summary>
public sealed record AnnouncementLine(string Organization, string Category, int AwardYear, string CertificateNumber, string Result,
    string ResultText, DateOnly DecidedOn, string? PublicReason);

public sealed record Announcement(Guid Id, string Title, DateTimeOffset PublishedAt, string? Preface, IReadOnlyList<AnnouncementLine> Lines);

/// <summary>
/// The read side of confirmation. The office and the leading group see every round and submission; a winner's users only
/// their own organisation's entries (not other benchmarks of the round); the public only published results.
/// </summary>
public static class ConfirmationViews
{
    public static IQueryable<ConfirmationEntry> Entries(AppDbContext db, ClaimsPrincipal user)
    {
        var entries = db.Set<ConfirmationEntry>().AsNoTracking();
        if (SupervisionAccess.IsStaff(user)) return entries;
        var org = user.IsInRole(Roles.Applicant) ? user.OrganizationId() : null;
        return org is { } o ? entries.Where(e => e.OrganizationId == o) : entries.Where(e => false);
    }

    public static DueView Due(Award a, ConfirmationDue due) =>
        new(a.Id, a.Year, a.OrganizationName, a.CategoryText, a.CertificateNumber, due.DueOn(a), due.Describe(a));

    public static async Task<List<RoundSummary>> RoundsAsync(AppDbContext db, CancellationToken ct)
    {
        var rounds = await db.Set<ConfirmationRound>().AsNoTracking().OrderByDescending(r => r.OpenedAt).ToListAsync(ct);
        var counts = await db.Set<ConfirmationEntry>().AsNoTracking().GroupBy(e => e.RoundId)
            .Select(g => new { g.Key, All = g.Count(), Submitted = g.Count(e => e.SubmittedAt != null) }).ToListAsync(ct);
        return rounds.Select(r =>
        {
            var c = counts.FirstOrDefault(x => x.Key == r.Id);
            return Summary(r, c?.All ?? 0, c?.Submitted ?? 0);
        }).ToList();
    }

    public static RoundSummary Summary(ConfirmationRound r, int all, int submitted) => new(r.Id, r.Title, r.Year, r.Sequence, r.SubmitBy, r.OpenedAt,
        r.Status.ToString(), ConfirmationRound.StatusDisplay(r.Status), r.PublishedAt, all, submitted, r.Version);

    public static async Task<RoundView?> RoundAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var r = await db.Set<ConfirmationRound>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var entries = await db.Set<ConfirmationEntry>().AsNoTracking().Where(e => e.RoundId == id).OrderBy(e => e.CertificateNumber).ToListAsync(ct);
        var caseIds = entries.Select(e => e.CaseId).ToList();
        var cases = await db.Set<SupervisionCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return new RoundView(Summary(r, entries.Count, entries.Count(e => e.IsSubmitted)), r.Preface,
            entries.Select(e => Entry(e, r, cases[e.CaseId], [])).ToList());
    }

    public static EntryView Entry(ConfirmationEntry e, ConfirmationRound r, SupervisionCase c, IReadOnlyList<PeriodRecord> period) =>
        new(e.Id, r.Id, r.Title, e.AwardId, e.CaseId, e.CaseNumber, SupervisionCase.StatusDisplay(c.Status), e.OrganizationName,
            e.CertificateNumber, e.AwardYear, e.CategoryText, e.FirstYear, e.LastYear, e.ManagementChanges, e.Figures, e.Statement, e.SubmittedAt,
            e.SubmittedBy, c.Outcome is { } o ? SupervisionCase.OutcomeDisplay(CaseKind.Confirmation, o) : null, period, e.Version);

    public static async Task<EntryView?> EntryAsync(AppDbContext db, ConfirmationWorkflow workflow, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var e = await Entries(db, user).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var r = await db.Set<ConfirmationRound>().AsNoTracking().FirstAsync(x => x.Id == e.RoundId, ct);
        var c = await db.Set<SupervisionCase>().AsNoTracking().FirstAsync(x => x.Id == e.CaseId, ct);
        return Entry(e, r, c, await workflow.PeriodAsync(e, ct));
    }

    /// <summary>The published result of a round; null until the office publishes it.</summary>
    public static async Task<Announcement?> AnnouncementAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var r = await db.Set<ConfirmationRound>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Status == RoundStatus.Published, ct);
        if (r is null) return null;
        var entries = await db.Set<ConfirmationEntry>().AsNoTracking().Where(e => e.RoundId == id).OrderBy(e => e.CertificateNumber).ToListAsync(ct);
        return new Announcement(r.Id, r.Title, r.PublishedAt!.Value, r.Preface, entries.Where(e => e.Result is not null).Select(e =>
            new AnnouncementLine(e.OrganizationName, e.CategoryText, e.AwardYear, e.CertificateNumber, e.Result!.Value.ToString(),
                ConfirmationEntry.ResultDisplay(e.Result.Value), e.ResultOn!.Value, e.PublicReason)).ToList());
    }

    public static async Task<List<(Guid Id, string Title, DateTimeOffset PublishedAt)>> PublishedAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Set<ConfirmationRound>().AsNoTracking().Where(r => r.Status == RoundStatus.Published).ToListAsync(ct))
        .OrderByDescending(r => r.PublishedAt).Select(r => (r.Id, r.Title, r.PublishedAt!.Value)).ToList();
}
