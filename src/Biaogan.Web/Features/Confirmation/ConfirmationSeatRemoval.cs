using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// Confirmation's side of the <see cref="ISeatRemoval"/> hook: a conflict the office confirms later from its queue ends
/// the reviewer's confirmation seats on the benchmark of that application (rounds still open), as it ends review seats.
/// Without it the seat stayed in the group, only refused at the declaration and the opinion, and the group page never
/// showed the gap the office must fill. Not saved here: the caller saves.
/// </summary>
public sealed class ConfirmationSeatRemoval(AppDbContext db) : ISeatRemoval
{
    public async Task<int> EndSeatsAsync(Guid reviewerId, Guid applicationId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var seats = await (from s in db.Set<ConfirmationSeat>()
                           join e in db.Set<ConfirmationEntry>() on s.EntryId equals e.Id
                           join a in db.Set<Award>() on e.AwardId equals a.Id
                           join r in db.Set<ConfirmationRound>() on e.RoundId equals r.Id
                           where s.ReviewerId == reviewerId && a.ApplicationId == applicationId
                                 && s.Status != SeatStatus.Removed && r.Status == RoundStatus.Open
                           select s).ToListAsync(ct);
        foreach (var s in seats) s.End(reason, now);
        return seats.Count;
    }
}
