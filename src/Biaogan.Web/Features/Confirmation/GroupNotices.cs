using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>Mail and 站内信 of the confirmation groups, and the opinion deadline's reminder as scheduled work. Not saved here.</summary>
public sealed class GroupNotices(AppDbContext db, Notifier notifier, UserManager<AppUser> users, WorkScheduler scheduler, TimeProvider clock,
    IOptions<ConfirmationOptions> options)
{
    public async Task SeatsAssignedAsync(IEnumerable<ConfirmationSeat> seats, IReadOnlyList<ConfirmationEntry> entries, DateOnly dueOn, CancellationToken ct)
    {
        var rounds = await db.Set<ConfirmationRound>().AsNoTracking().Where(r => entries.Select(e => e.RoundId).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var s in seats)
        {
            var e = entries.First(x => x.Id == s.EntryId);
            await notifier.NotifyAsync(DefaultTemplates.ConfirmationSeatAssigned, await ReviewerAsync(s, ct), new Dictionary<string, string>
            {
                ["批次"] = rounds[e.RoundId].Title, ["组织名称"] = e.OrganizationName, ["证书编号"] = e.CertificateNumber,
                ["角色"] = s.IsLeader ? "组长" : "成员", ["截止日期"] = ChinaTime.Format(dueOn),
            }, $"/Confirmation/Seat/{s.Id}", ct);
        }
    }

    /// <summary>The reminder before the opinion deadline (key carries the deadline, so a later deadline schedules anew).</summary>
    public async Task ScheduleReminderAsync(Guid entryId, DateOnly dueOn, CancellationToken ct)
    {
        var at = ChinaTime.At(dueOn.AddDays(-options.Value.OpinionReminderDaysBefore), new TimeOnly(9, 0));
        if (at <= clock.GetUtcNow()) return;
        await scheduler.ScheduleAsync(OpinionReminderWork.WorkKind, $"{entryId}:{dueOn:yyyy-MM-dd}:opinion", at,
            new OpinionReminderWork.Payload(entryId, dueOn), ct: ct);
    }

    public async Task OpinionSubmittedAsync(ConfirmationSeat seat, ConfirmationEntry entry, ConfirmationOpinion opinion, CancellationToken ct)
    {
        var office = await users.GetUsersInRoleAsync(Roles.Office);
        await notifier.NotifyAsync(DefaultTemplates.ConfirmationOpinionSubmitted, office, new Dictionary<string, string>
        {
            ["评审员"] = seat.ReviewerName, ["组织名称"] = entry.OrganizationName,
            ["意见类型"] = opinion.IsGroupOpinion ? "确认组意见（组长提交）" : "个人意见",
            ["建议"] = ConfirmationOpinion.ProposalDisplay(opinion.Proposal!.Value),
            ["下一步"] = opinion.IsGroupOpinion ? "可将该标杆提交领导小组审议。" : "待组长提交确认组意见。",
        }, $"/Confirmation/Groups/{entry.RoundId}", ct);
    }

    public async Task RemindAsync(ConfirmationSeat seat, ConfirmationEntry entry, CancellationToken ct) =>
        await notifier.NotifyAsync(DefaultTemplates.ConfirmationOpinionReminder, await ReviewerAsync(seat, ct), new Dictionary<string, string>
        {
            ["组织名称"] = entry.OrganizationName, ["截止日期"] = seat.OpinionDueOn is { } d ? ChinaTime.Format(d) : "",
        }, $"/Confirmation/Seat/{seat.Id}", ct);

    private Task<List<AppUser>> ReviewerAsync(ConfirmationSeat s, CancellationToken ct) =>
        db.Users.Where(u => u.Id == s.ReviewerUserId).ToListAsync(ct);
}
