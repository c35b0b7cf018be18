using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Commitments;

/// <summary>
/// Puts the reminder and the overdue notice of every report an award owes into the scheduled-work table — rows, years ahead
/// if need be, never timers. Keys carry the award, the year and the due date, so planning twice (the daily round, a goals
/// save, two nodes) adds nothing, and a changed due-date setting plans new rows while the old ones find nothing to do.
/// </summary>
public sealed class ProgressReminders(AppDbContext db, WorkScheduler scheduler, TimeProvider clock, IOptions<CommitmentsOptions> options)
{
    /// <summary>Overdue notices are not planned for reports that were due longer ago than this (old data, a new installation).</summary>
    public const int LookBackDays = 60;

    public async Task<int> PlanAsync(Award award, CancellationToken ct)
    {
        if (award.Status == AwardStatus.Revoked) return 0;
        var schedule = new ReportSchedule(options.Value);
        var filed = await db.Set<ProgressReport>().Where(r => r.AwardId == award.Id).Select(r => r.Year).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var planned = 0;
        foreach (var year in schedule.YearsOf(award.Year).Except(filed))
        {
            var due = schedule.DueOn(year);
            if (due.AddDays(LookBackDays) < clock.Today()) continue;
            var (reminder, overdue) = schedule.NoticesFor(due);
            var payload = new ProgressReminderWork.Payload(award.Id, year, due);
            if (reminder > now && await scheduler.ScheduleAsync(ProgressReminderWork.WorkKind, Key(award.Id, year, due, "reminder"), reminder, payload, ct: ct))
                planned++;
            if (await scheduler.ScheduleAsync(ProgressReminderWork.WorkKind, Key(award.Id, year, due, "overdue"), overdue, payload, ct: ct))
                planned++;
        }
        return planned;
    }

    public static string Key(Guid awardId, int year, DateOnly due, string notice) => $"{awardId}:{year}:{due:yyyy-MM-dd}:{notice}";
}

/// <summary>
/// The reminder before and the overdue notice after a progress report's due date (e-mail and 站内信 through the editable
/// templates; the overdue notice also to the office). Idempotent: a report already filed, a revoked award or a due date
/// since changed sends nothing; the notices are the only thing this run saves, so a rerun after a crash sends them once.
/// </summary>
public sealed class ProgressReminderWork(AppDbContext db, Notifier notifier, UserManager<AppUser> users, IOptions<CommitmentsOptions> options)
    : IScheduledWork
{
    public const string WorkKind = "commitments.progress-report";
    public sealed record Payload(Guid AwardId, int Year, DateOnly DueOn);

    public string Kind => WorkKind;
    public string Title => "年度进展报告提醒";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var p = work.Read<Payload>();
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == p.AwardId, ct);
        if (award is null) return "标杆已不存在，未发送。";
        if (award.Status == AwardStatus.Revoked) return "称号已撤销，无需提醒。";
        if (await db.Set<ProgressReport>().AnyAsync(r => r.AwardId == p.AwardId && r.Year == p.Year, ct)) return "进展报告已提交，无需提醒。";
        if (new ReportSchedule(options.Value).DueOn(p.Year) != p.DueOn) return "截止日期设置已变更，按新的截止日期提醒。";
        var overdue = work.Key.EndsWith(":overdue", StringComparison.Ordinal);
        var values = new Dictionary<string, string>
        {
            ["组织名称"] = award.OrganizationName, ["证书编号"] = award.CertificateNumber, ["年度"] = p.Year.ToString(),
            ["截止日期"] = ChinaTime.Format(p.DueOn),
        };
        var organisation = await db.Users.Where(u => u.OrganizationId == award.OrganizationId).ToListAsync(ct);
        await notifier.NotifyAsync(overdue ? DefaultTemplates.ProgressReportOverdue : DefaultTemplates.ProgressReportReminder, organisation,
            values, CommitmentRecords.Link(award.Id, p.Year), ct);
        if (overdue)
            await notifier.NotifyAsync(DefaultTemplates.ProgressReportOverdueOffice, await users.GetUsersInRoleAsync(Roles.Office), values,
                "/Commitments?late=true", ct);
        await db.SaveChangesAsync(ct);
        return overdue ? $"已通知 {award.OrganizationName} {p.Year}年度进展报告逾期" : $"已提醒 {award.OrganizationName} 提交{p.Year}年度进展报告";
    }
}

/// <summary>
/// Once a day (08:00 China Standard Time) plans the reminders of every award that still owes reports, so awards issued
/// since, a changed setting or a new node's first start all end up with their rows.
/// </summary>
public sealed class ProgressPlanningWork(AppDbContext db, ProgressReminders reminders, TimeProvider clock, IOptions<CommitmentsOptions> options)
    : IRecurringWork
{
    public const string WorkKind = "commitments.plan";

    public string Kind => WorkKind;
    public string Title => "年度进展报告提醒排期";
    public Recurrence Recurrence => Recurrence.DailyAtChinaTime(new TimeOnly(8, 0));

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        // Awards older than their last report's due date plus the look-back owe nothing that could still be reminded.
        var oldest = clock.Today().Year - Math.Max(1, options.Value.Reports) - 1;
        var awards = await db.Set<Award>().AsNoTracking().Where(a => a.Status != AwardStatus.Revoked && a.Year >= oldest).ToListAsync(ct);
        var planned = 0;
        foreach (var award in awards) planned += await reminders.PlanAsync(award, ct);
        return $"检查 {awards.Count} 个标杆，新排期 {planned} 项提醒";
    }
}
