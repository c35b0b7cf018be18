using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>
/// The reminder before and the overdue notice after the deadline of a requested written report (第二十六条). Idempotent:
/// a report already filed, or a deadline since changed (the key carries the deadline), sends nothing; notices are written
/// in the same save as nothing else, so a rerun after a crash mid-save sends them once.
/// </summary>
public sealed class IncidentReminderWork(AppDbContext db, Notifier notifier, UserManager<AppUser> users) : IScheduledWork
{
    public const string WorkKind = "supervision.incident-report";
    public sealed record Payload(Guid IncidentId, DateOnly Deadline);

    public string Kind => WorkKind;
    public string Title => "事件书面报告提醒";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var p = work.Read<Payload>();
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == p.IncidentId, ct);
        if (incident is null) return "事件已不存在，未发送。";
        if (incident.IsReported) return "组织已提交书面报告，无需提醒。";
        if (incident.RequestedBy != p.Deadline) return "截止日期已变更，按新的截止日期提醒。";
        var c = await db.Set<SupervisionCase>().AsNoTracking().FirstAsync(x => x.Id == incident.CaseId, ct);
        var overdue = work.Key.EndsWith(":overdue", StringComparison.Ordinal);
        var recipients = await db.Users.Where(u => u.OrganizationId == incident.OrganizationId).ToListAsync(ct);
        await notifier.NotifyAsync(overdue ? DefaultTemplates.IncidentReportOverdue : DefaultTemplates.IncidentReportReminder, recipients,
            IncidentWorkflow.Values(incident, c.OrganizationName), $"/Supervision/Report/{incident.Id}", ct);
        if (overdue)
        {
            var office = await users.GetUsersInRoleAsync(Roles.Office);
            await notifier.NotifyAsync(DefaultTemplates.IncidentReportOverdue, office, IncidentWorkflow.Values(incident, c.OrganizationName),
                $"/Supervision/Case/{c.Id}", ct);
        }
        await db.SaveChangesAsync(ct);
        return overdue ? $"已通知 {c.OrganizationName} 书面报告逾期" : $"已提醒 {c.OrganizationName} 提交书面报告";
    }
}
