using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// The reminder before a confirmation group's opinion deadline, to the members who have not submitted. Idempotent: a
/// published round, a group opinion already in or a changed deadline (the key carries it) sends nothing; the notices are
/// the only thing this save writes, so a rerun after a crash sends them once.
/// </summary>
public sealed class OpinionReminderWork(AppDbContext db, GroupNotices notices) : IScheduledWork
{
    public const string WorkKind = "confirmation.opinion";
    public sealed record Payload(Guid EntryId, DateOnly DueOn);

    public string Kind => WorkKind;
    public string Title => "确认组意见截止提醒";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var p = work.Read<Payload>();
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == p.EntryId, ct);
        if (entry is null) return "确认材料不存在，未发送。";
        if (!await db.Set<ConfirmationRound>().AnyAsync(r => r.Id == entry.RoundId && r.Status == RoundStatus.Open, ct)) return "该批确认已公布，未发送。";
        var opinions = await db.Set<ConfirmationOpinion>().AsNoTracking().Where(o => o.EntryId == entry.Id && o.SubmittedAt != null).ToListAsync(ct);
        if (opinions.Any(o => o.IsGroupOpinion)) return "确认组意见已提交，无需提醒。";
        var seats = await db.Set<ConfirmationSeat>().AsNoTracking()
            .Where(s => s.EntryId == entry.Id && (s.Status == SeatStatus.Assigned || s.Status == SeatStatus.Declared) && s.OpinionDueOn == p.DueOn).ToListAsync(ct);
        var missing = seats.Where(s => opinions.All(o => o.SeatId != s.Id)).ToList();
        if (missing.Count == 0) return "成员均已提交或截止日期已变更，无需提醒。";
        foreach (var s in missing) await notices.RemindAsync(s, entry, ct);
        await db.SaveChangesAsync(ct);
        return $"已提醒 {missing.Count} 位确认组成员";
    }
}
