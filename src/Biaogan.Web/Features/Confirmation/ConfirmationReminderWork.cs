using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// The reminder before and the overdue notice after a round's submission deadline, to the organisations that have not
/// submitted (and, when overdue, to the office). Idempotent: a round published or whose deadline changed (the key carries
/// it) sends nothing; the notices are the only thing this save writes, so a rerun after a crash sends them once.
/// </summary>
public sealed class ConfirmationReminderWork(AppDbContext db, Notifier notifier, UserManager<AppUser> users) : IScheduledWork
{
    public const string WorkKind = "confirmation.submission";
    public sealed record Payload(Guid RoundId, DateOnly Deadline);

    public string Kind => WorkKind;
    public string Title => "获奖三年确认材料提醒";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var p = work.Read<Payload>();
        var round = await db.Set<ConfirmationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == p.RoundId, ct);
        if (round is null || round.Status != RoundStatus.Open) return "该批确认已公布或不存在，未发送。";
        if (round.SubmitBy != p.Deadline) return "截止日期已变更，按新的截止日期提醒。";
        var missing = await db.Set<ConfirmationEntry>().AsNoTracking().Where(e => e.RoundId == round.Id && e.SubmittedAt == null).ToListAsync(ct);
        if (missing.Count == 0) return "所有组织均已提交，无需提醒。";
        var overdue = work.Key.EndsWith(":overdue", StringComparison.Ordinal);
        var template = overdue ? DefaultTemplates.ConfirmationOverdue : DefaultTemplates.ConfirmationReminder;
        var office = overdue ? await users.GetUsersInRoleAsync(Roles.Office) : [];
        foreach (var e in missing)
        {
            var values = new Dictionary<string, string> { ["组织名称"] = e.OrganizationName, ["截止日期"] = ChinaTime.Format(round.SubmitBy) };
            var recipients = await db.Users.Where(u => u.OrganizationId == e.OrganizationId).ToListAsync(ct);
            await notifier.NotifyAsync(template, recipients, values, $"/Confirmation/Entry/{e.Id}", ct);
            if (overdue) await notifier.NotifyAsync(template, office, values, $"/Confirmation/Round/{round.Id}", ct);
        }
        await db.SaveChangesAsync(ct);
        return $"已{(overdue ? "通知逾期" : "提醒")} {missing.Count} 个组织";
    }
}
