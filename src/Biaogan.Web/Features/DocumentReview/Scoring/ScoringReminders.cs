using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>What one reminder round did.</summary>
public sealed record ReminderRound(int Reminded, int Overdue);

/// <summary>
/// 评分提醒: for every draft sheet of a reviewer still holding a declared seat, a reminder when the due date is within
/// the cycle's ScoringReminderWorkdays working days, and an overdue notice (to the reviewer and the office) after it —
/// at most once per sheet per China calendar day, so a round can run as often as wanted on any number of nodes'
/// schedules (the sheet's version guards against two nodes sending the same day's notice).
/// </summary>
public sealed class ScoringReminders(AppDbContext db, WorkingDayCalendar calendar, TimeProvider clock, Notifier notifier,
    ScoringWorkflow scoring, UserManager<AppUser> users, ILogger<ScoringReminders> log)
{
    public async Task<ReminderRound> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var startOfToday = ChinaTime.At(today, TimeOnly.MinValue);
        var table = await calendar.GetTableAsync(ct);
        await OpenMissingSheetsAsync(ct);
        var declared = db.Set<GroupMember>().Where(m => m.Status == MemberStatus.Declared).Select(m => m.Id);
        var sheets = await db.Set<ScoreSheet>()
            .Where(s => s.Status == SheetStatus.Draft && declared.Contains(s.MemberId))
            .ToListAsync(ct);
        // Compared here, not in SQL: SQLite stores DateTimeOffset as text and cannot compare it.
        sheets = sheets.Where(s => s.LastReminderAt is null || s.LastReminderAt < startOfToday).ToList();
        var cycles = await db.Set<Cycles.Cycle>().AsNoTracking().Where(c => sheets.Select(s => s.CycleId).Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, ct);
        List<AppUser>? office = null;
        int reminded = 0, overdue = 0;
        foreach (var sheet in sheets)
        {
            if (await Conflicts.ConflictQueries.IsBlockedAsync(db, sheet.ReviewerId, sheet.ApplicationId, ct)) continue;
            var settings = cycles[sheet.CycleId].Settings;
            var reviewer = await ReviewerAsync(sheet.ReviewerId, ct);
            var link = $"/DocumentReview/Sheet/{sheet.ApplicationId}";
            var applicant = await ApplicantNameAsync(sheet.ApplicationId, ct);
            if (today > sheet.DueOn)
            {
                var late = table.CountWorkdays(sheet.DueOn.AddDays(1), today);
                var values = new Dictionary<string, string>
                {
                    ["申报组织"] = applicant, ["截止日期"] = ChinaTime.Format(sheet.DueOn), ["逾期工作日"] = late.ToString(),
                    ["评审员"] = reviewer?.DisplayName ?? "（未关联账号）",
                };
                if (reviewer is not null) await notifier.NotifyAsync(ScoringTemplates.Overdue, [reviewer], values, link, ct);
                office ??= [.. await users.GetUsersInRoleAsync(Roles.Office)];
                await notifier.NotifyAsync(ScoringTemplates.OverdueOffice, office, values, $"/DocumentReview?cycleId={sheet.CycleId}", ct);
                overdue++;
            }
            else
            {
                var left = table.CountWorkdays(today.AddDays(1), sheet.DueOn);
                if (left > settings.ScoringReminderWorkdays || reviewer is null) continue;
                await notifier.NotifyAsync(ScoringTemplates.Reminder, [reviewer], new Dictionary<string, string>
                {
                    ["申报组织"] = applicant, ["截止日期"] = ChinaTime.Format(sheet.DueOn), ["剩余工作日"] = left.ToString(),
                }, link, ct);
                reminded++;
            }
            sheet.MarkReminded(clock.GetUtcNow());
            db.Entry(sheet).Property(s => s.LastReminderAt).IsModified = true;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The reviewer saved, or another node reminded, at the same moment: skip this sheet this round.
                log.LogInformation("评分表 {Id} 在发送提醒时被修改，本轮跳过", sheet.Id);
                db.ChangeTracker.Clear();
            }
        }
        return new ReminderRound(reminded, overdue);
    }

    /// <summary>
    /// A reviewer who declared but never opened the sheet is reminded too: the sheet (and its due date, counted from
    /// the declaration) is created for every declared 资料评审 seat the gate lets through.
    /// </summary>
    private async Task OpenMissingSheetsAsync(CancellationToken ct)
    {
        var opened = db.Set<ScoreSheet>().Select(s => s.MemberId);
        var documentGroups = db.Set<ExpertGroup>().Where(g => g.Stage == ReviewStage.Document).Select(g => g.Id);
        var seats = await db.Set<GroupMember>().AsNoTracking()
            .Where(m => m.Status == MemberStatus.Declared && documentGroups.Contains(m.GroupId) && !opened.Contains(m.Id)).ToListAsync(ct);
        foreach (var seat in seats)
        {
            var userId = await db.Set<ReviewerProfile>().Where(p => p.Id == seat.ReviewerId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
            if (userId is null) continue;
            try
            {
                await scoring.OpenAsync(userId, seat.ApplicationId, ct);
            }
            catch (Infrastructure.Errors.DomainRuleException ex)
            {
                log.LogWarning("无法为评审席位 {Seat} 创建评分表：{Message}", seat.Id, ex.Message);
            }
        }
    }

    private async Task<AppUser?> ReviewerAsync(Guid reviewerId, CancellationToken ct)
    {
        var userId = await db.Set<ReviewerProfile>().Where(p => p.Id == reviewerId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await db.Set<AppUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
    }

    private Task<string> ApplicantNameAsync(Guid applicationId, CancellationToken ct) =>
        (from a in db.Set<Applications.Application>()
         join o in db.Set<Organizations.Organization>() on a.OrganizationId equals o.Id
         where a.Id == applicationId
         select o.Name).FirstAsync(ct);
}

/// <summary>
/// Scheduled work “scoring.reminders”: a <see cref="ScoringReminders"/> round every Scoring:ReminderPollMinutes (default
/// 60), one row per occurrence in the scheduled-work table. A rerun of the same occurrence is harmless: each sheet is
/// reminded at most once per China calendar day.
/// </summary>
internal sealed class ScoringReminderWork(ScoringReminders reminders, IConfiguration config, ILogger<ScoringReminderWork> log) : IRecurringWork
{
    public const string WorkKind = "scoring.reminders";

    public string Kind => WorkKind;
    public string Title => "资料评审评分提醒";
    public Recurrence Recurrence => Recurrence.Every(TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Scoring:ReminderPollMinutes", 60))));

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var round = await reminders.RunAsync(ct);
        if (round != new ReminderRound(0, 0))
            log.LogInformation("资料评审评分提醒：截止前提醒 {Reminded} 份，逾期通知 {Overdue} 份", round.Reminded, round.Overdue);
        return $"截止前提醒 {round.Reminded} 份，逾期通知 {round.Overdue} 份";
    }
}
