using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

public sealed record RatingView(string Dimension, string? Trend, string? TrendText, string? Reason);

public sealed record OpinionView(Guid Id, Guid SeatId, string Reviewer, bool IsGroupOpinion, IReadOnlyList<RatingView> Ratings, string? Proposal,
    string? ProposalText, string? ProposalReason, DateTimeOffset? SubmittedAt, int Version);

public sealed record SeatView(Guid Id, Guid EntryId, Guid ReviewerId, string Reviewer, bool IsLeader, string Status, string StatusText,
    DateOnly? OpinionDueOn, string? EndedReason, bool OpinionSubmitted, int Version);

public sealed record CandidateView(Guid Id, string Name, string Employer, string Province, int Capacity, string? Conflict);

public sealed record GroupEntryView(Guid EntryId, string Organization, string CertificateNumber, bool Submitted, IReadOnlyList<SeatView> Seats,
    OpinionView? GroupOpinion, string? NoOpinionReason, IReadOnlyList<CandidateView> Candidates, int EntryVersion);

public sealed record GroupsView(Guid RoundId, string RoundTitle, bool Open, int GroupSize, IReadOnlyList<GroupEntryView> Entries);

/// <summary>
/// The read side of the confirmation groups, for the office and the leading group only: the organisation never sees who
/// sits in its group or what they think (the views are not reachable from its pages or endpoints).
/// </summary>
public static class GroupViews
{
    public static OpinionView Opinion(ConfirmationOpinion o) => new(o.Id, o.SeatId, o.ReviewerName, o.IsGroupOpinion,
        o.Ratings.Select(r => new RatingView(r.Dimension, r.Trend?.ToString(), r.Trend is { } t ? ConfirmationOpinion.TrendDisplay(t) : null, r.Reason)).ToList(),
        o.Proposal?.ToString(), o.Proposal is { } p ? ConfirmationOpinion.ProposalDisplay(p) : null, o.ProposalReason, o.SubmittedAt, o.Version);

    public static SeatView Seat(ConfirmationSeat s, bool submitted) => new(s.Id, s.EntryId, s.ReviewerId, s.ReviewerName, s.IsLeader,
        s.Status.ToString(), ConfirmationSeat.StatusDisplay(s.Status), s.OpinionDueOn, s.EndedReason, submitted, s.Version);

    /// <summary>The submitted opinions of a benchmark, the group's first.</summary>
    public static async Task<List<OpinionView>> OpinionsAsync(AppDbContext db, Guid entryId, CancellationToken ct) =>
        (await db.Set<ConfirmationOpinion>().AsNoTracking().Where(o => o.EntryId == entryId && o.SubmittedAt != null).ToListAsync(ct))
        .OrderByDescending(o => o.IsGroupOpinion).ThenBy(o => o.SubmittedAt).Select(Opinion).ToList();

    public static async Task<GroupsView?> RoundAsync(AppDbContext db, GroupCandidates candidates, int groupSize, Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<ConfirmationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var entries = await db.Set<ConfirmationEntry>().AsNoTracking().Where(e => e.RoundId == roundId).OrderBy(e => e.CertificateNumber).ToListAsync(ct);
        var seats = await db.Set<ConfirmationSeat>().AsNoTracking().Where(s => s.RoundId == roundId).OrderByDescending(s => s.IsLeader).ThenBy(s => s.ReviewerName).ToListAsync(ct);
        var opinions = await db.Set<ConfirmationOpinion>().AsNoTracking().Where(o => o.RoundId == roundId && o.SubmittedAt != null).ToListAsync(ct);
        var pool = round.Status == RoundStatus.Open ? await candidates.LoadAsync(entries, ct) : null;
        return new GroupsView(round.Id, round.Title, round.Status == RoundStatus.Open, groupSize, entries.Select(e =>
        {
            var mine = seats.Where(s => s.EntryId == e.Id).ToList();
            var active = mine.Where(s => s.IsActive).Select(s => s.ReviewerId).ToHashSet();
            var group = opinions.FirstOrDefault(o => o.EntryId == e.Id && o.IsGroupOpinion);
            var offered = pool?.Reviewers.Where(r => !active.Contains(r.Id))
                .Select(r => new CandidateView(r.Id, r.Name, r.Employer, r.Province, r.Capacity, pool.ConflictsOf(r.Id, e.Id).FirstOrDefault())).ToList() ?? [];
            return new GroupEntryView(e.Id, e.OrganizationName, e.CertificateNumber, e.IsSubmitted,
                mine.Select(s => Seat(s, opinions.Any(o => o.SeatId == s.Id))).ToList(), group is null ? null : Opinion(group), e.NoOpinionReason, offered, e.Version);
        }).ToList());
    }
}
