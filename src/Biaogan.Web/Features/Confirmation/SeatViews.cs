using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

public sealed record MySeatLine(Guid Id, string RoundTitle, string Organization, string CertificateNumber, bool IsLeader, string StatusText,
    DateOnly? OpinionDueOn, bool OpinionSubmitted);

public sealed record MySeatView(Guid Id, string RoundTitle, string Organization, string CertificateNumber, int AwardYear, string Category,
    bool IsLeader, string Status, string StatusText, DateOnly? OpinionDueOn, string? Conflict, EntryView? Submission, OpinionView? MyOpinion,
    IReadOnlyList<string> Dimensions, int Version);

/// <summary>
/// A reviewer's confirmation seats. Before the declaration only the benchmark's name is shown; the organisation's
/// submission opens once the reviewer signed it and no conflict is on file; the reviewer sees only their own opinion.
/// </summary>
public static class SeatViews
{
    public static async Task<List<MySeatLine>> MineAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var seats = await db.Set<ConfirmationSeat>().AsNoTracking()
            .Where(s => s.ReviewerUserId == userId && (s.Status == SeatStatus.Assigned || s.Status == SeatStatus.Declared)).ToListAsync(ct);
        var entryIds = seats.Select(s => s.EntryId).ToList();
        var entries = await db.Set<ConfirmationEntry>().AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var roundIds = entries.Values.Select(e => e.RoundId).Distinct().ToList();
        var rounds = await db.Set<ConfirmationRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id) && r.Status == RoundStatus.Open).ToDictionaryAsync(r => r.Id, ct);
        var seatIds = seats.Select(s => s.Id).ToList();
        var done = await db.Set<ConfirmationOpinion>().AsNoTracking().Where(o => seatIds.Contains(o.SeatId) && o.SubmittedAt != null).Select(o => o.SeatId).ToListAsync(ct);
        return seats.Where(s => rounds.ContainsKey(entries[s.EntryId].RoundId)).OrderBy(s => s.OpinionDueOn).Select(s => new MySeatLine(s.Id,
            rounds[entries[s.EntryId].RoundId].Title, entries[s.EntryId].OrganizationName, entries[s.EntryId].CertificateNumber, s.IsLeader,
            ConfirmationSeat.StatusDisplay(s.Status), s.OpinionDueOn, done.Contains(s.Id))).ToList();
    }

    public static async Task<MySeatView> SeatAsync(AppDbContext db, ConfirmationWorkflow workflow, SeatWorkflow seats, ConfirmationSeat s, CancellationToken ct)
    {
        var e = await db.Set<ConfirmationEntry>().AsNoTracking().FirstAsync(x => x.Id == s.EntryId, ct);
        var r = await db.Set<ConfirmationRound>().AsNoTracking().FirstAsync(x => x.Id == e.RoundId, ct);
        var conflict = s.IsActive ? await seats.ConflictAsync(s, ct) : null;
        EntryView? submission = null;
        if (s.Status == SeatStatus.Declared && conflict is null && e.IsSubmitted)
        {
            var c = await db.Set<SupervisionCase>().AsNoTracking().FirstAsync(x => x.Id == e.CaseId, ct);
            submission = ConfirmationViews.Entry(e, r, c, await workflow.PeriodAsync(e, ct));
        }
        var mine = await db.Set<ConfirmationOpinion>().AsNoTracking().FirstOrDefaultAsync(o => o.SeatId == s.Id, ct);
        return new MySeatView(s.Id, r.Title, e.OrganizationName, e.CertificateNumber, e.AwardYear, e.CategoryText, s.IsLeader, s.Status.ToString(),
            ConfirmationSeat.StatusDisplay(s.Status), s.OpinionDueOn, conflict, submission, mine is null ? null : GroupViews.Opinion(mine),
            ConfirmationOpinion.Dimensions, s.Version);
    }
}
