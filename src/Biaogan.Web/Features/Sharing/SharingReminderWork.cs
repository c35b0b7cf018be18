using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Sharing;

/// <summary>
/// The reminder to answer an invitation, some days before the event (a row of the scheduled-work table, planned when the
/// benchmarks are invited or the date changes). Sends nothing when the invitation has been answered, the event was cancelled
/// or its date changed since (the new date has its own row); the notice is the only thing it saves, so a rerun sends it once.
/// </summary>
public sealed class SharingReminderWork(AppDbContext db, Notifier notifier) : IScheduledWork
{
    public const string WorkKind = "sharing.answer-reminder";
    public sealed record Payload(Guid InvitationId, DateOnly StartsOn);

    public string Kind => WorkKind;
    public string Title => "经验交流活动答复提醒";

    public static string Key(Guid invitationId, DateOnly startsOn) => $"{invitationId}:{startsOn:yyyy-MM-dd}:answer";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var p = work.Read<Payload>();
        var invitation = await db.Set<SharingInvitation>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == p.InvitationId, ct);
        if (invitation is null) return "邀请已不存在，未发送。";
        if (invitation.Answer != InvitationAnswer.Pending) return "已答复，无需提醒。";
        var ev = await db.Set<SharingEvent>().AsNoTracking().FirstAsync(e => e.Id == invitation.EventId, ct);
        if (ev.Status == SharingEventStatus.Cancelled) return "活动已取消，无需提醒。";
        if (ev.StartsOn != p.StartsOn) return "活动日期已变更，按新的日期提醒。";
        var recipients = await db.Users.Where(u => u.OrganizationId == invitation.OrganizationId).ToListAsync(ct);
        await notifier.NotifyAsync(DefaultTemplates.SharingAnswerReminder, recipients, SharingWorkflow.Values(ev, invitation),
            SharingLinks.Answer(invitation.Id), ct);
        await db.SaveChangesAsync(ct);
        return $"已提醒 {invitation.OrganizationName} 答复“{ev.Title}”";
    }
}
