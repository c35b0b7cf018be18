using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>The office's 公示 steps: draft from the recommended list, schedule on the working-day calendar, publish, and the objection handling.</summary>
public sealed class NoticeWorkflow(AppDbContext db, WorkingDayCalendar calendar, TimeProvider clock, Notifier notifier, IOutputCacheStore cache)
{
    /// <summary>The notice of a cycle (tracked), or null.</summary>
    public Task<PublicNotice?> ForCycleAsync(Guid cycleId, CancellationToken ct = default) =>
        db.Set<PublicNotice>().FirstOrDefaultAsync(n => n.CycleId == cycleId, ct);

    /// <summary>Builds the draft from the finalised recommended list of 综合评价 (no scores are copied).</summary>
    public async Task<PublicNotice> CreateDraftAsync(Cycle cycle, CancellationToken ct = default)
    {
        if (await ForCycleAsync(cycle.Id, ct) is not null) throw new DomainRuleException("本年度的公示已经生成。");
        if (!await EvaluationQueries.CompleteAsync(db, cycle.Id, ct))
            throw new DomainRuleException("评审委员会尚未确定全部类别的推荐名单（综合评价），暂不能生成公示。");
        var recommended = await EvaluationQueries.RecommendedAsync(db, cycle.Id, ct);
        var ids = recommended.Select(r => r.ApplicationId).ToList();
        var apps = await db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var orgIds = apps.Values.Select(a => a.OrganizationId).ToList();
        var orgs = await db.Set<Organization>().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var order = 0;
        var entries = recommended.Select(r =>
        {
            var a = apps[r.ApplicationId];
            var name = orgs.TryGetValue(a.OrganizationId, out var o) ? o.Name : "";
            return new NoticeEntry
            {
                ApplicationId = a.Id, OrganizationId = a.OrganizationId, OrganizationName = name, Category = r.Category,
                ServiceName = r.Category == AwardCategory.Service ? a.ServiceName : null, Order = ++order,
            };
        }).ToList();
        var notice = new PublicNotice(cycle.Id, cycle.Year, entries, clock.GetUtcNow());
        db.Add(notice);
        return notice;
    }

    /// <summary>第二十一条: N working days from the start date on the calendar; the deadline is the end date at the closing time (CST).</summary>
    public async Task<WorkdayResult> ScheduleAsync(PublicNotice notice, Cycle cycle, DateOnly start, CancellationToken ct = default)
    {
        var s = cycle.Settings;
        var end = await calendar.AddWorkdaysAsync(start, s.PublicNoticeWorkdays, s.PublicationDayCounts, ct);
        notice.Schedule(start, s.PublicNoticeWorkdays, s.PublicationDayCounts, end, s.ObjectionClosingTime);
        return end;
    }

    /// <summary>Asks the organisation concerned to reply within the cycle's reply working days; its users are notified.</summary>
    public async Task RequestReplyAsync(Objection objection, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == objection.CycleId, ct);
        var due = await calendar.AddWorkdaysAsync(clock.Today(), cycle.Settings.ObjectionReplyWorkdays, countStart: false, ct);
        objection.RequestReply(due.End, clock.GetUtcNow());
        var users = await db.Users.Where(u => u.OrganizationId == objection.OrganizationId).ToListAsync(ct);
        await notifier.NotifyAsync(NoticeTemplates.ReplyRequested, users, new Dictionary<string, string>
        {
            ["组织名称"] = objection.OrganizationName, ["受理编号"] = objection.ReceiptNumber,
            ["截止日期"] = ChinaTime.Format(due.End), ["工作日"] = cycle.Settings.ObjectionReplyWorkdays.ToString(),
        }, $"/PublicNotice/Reply/{objection.Id}", ct);
    }

    /// <summary>The next free receipt number of the year (unique index guards against a race; the caller retries).</summary>
    public async Task<string> NextReceiptNumberAsync(int year, CancellationToken ct = default)
    {
        var prefix = $"YY-{year}-";
        var numbers = await db.Set<Objection>().AsNoTracking().Where(o => o.ReceiptNumber.StartsWith(prefix))
            .Select(o => o.ReceiptNumber).ToListAsync(ct);
        var max = numbers.Select(n => int.TryParse(n[prefix.Length..], out var i) ? i : 0).DefaultIfEmpty(0).Max();
        return Objection.NumberFor(year, max + 1);
    }

    /// <summary>Queues the receipt e-mail to the objector (not a user of the system).</summary>
    public void MailReceipt(Objection o, string lookupLink)
    {
        if (o.Email is null) return;
        var template = DefaultTemplates.Find(NoticeTemplates.Receipt)!;
        var values = new Dictionary<string, string>
        {
            ["收件人"] = o.ObjectorName, ["受理编号"] = o.ReceiptNumber, ["组织名称"] = o.OrganizationName,
            ["受理时间"] = ChinaTime.Format(o.ReceivedAt), ["链接"] = lookupLink,
        };
        var now = clock.GetUtcNow();
        db.Add(new OutboxMessage
        {
            ToAddress = o.Email, ToName = o.ObjectorName, Subject = Notifier.Render(template.Subject, values),
            Body = Notifier.Render(template.Body, values), TemplateKey = template.Key, CreatedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>Whether any objection to the cycle's notice is not yet concluded.</summary>
    public Task<bool> AnyOpenObjectionAsync(Guid cycleId, CancellationToken ct = default) =>
        db.Set<Objection>().AnyAsync(o => o.CycleId == cycleId && o.Status != ObjectionStatus.Concluded, ct);

    /// <summary>Public pages show what changed at once, on every node (<see cref="PublicVersion"/>).</summary>
    public Task EvictPublicPagesAsync(CancellationToken ct = default) => PublicVersion.ChangedAsync(db, cache, ct);
}
