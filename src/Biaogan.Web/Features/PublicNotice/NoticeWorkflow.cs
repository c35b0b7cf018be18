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

/// <summary>The draft's editable part: title, text, start date, objection channels and each entry's public description.</summary>
public sealed record NoticeDraft(string? Title, string? Text, DateOnly? StartDate, string? PostalAddress, string? Phone, string? Email,
    IReadOnlyDictionary<Guid, string> Descriptions);

/// <summary>The office's 公示 steps: draft from the recommended list, schedule on the working-day calendar, publish, and the objection handling.</summary>
public sealed class NoticeWorkflow(AppDbContext db, WorkingDayCalendar calendar, TimeProvider clock, Notifier notifier, IOutputCacheStore cache,
    NoticeOutcomeNotices outcomes)
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
        var entries = await RecommendedEntriesAsync(cycle.Id, ct);
        var notice = new PublicNotice(cycle.Id, cycle.Year, entries, clock.GetUtcNow());
        db.Add(notice);
        return notice;
    }

    /// <summary>The organisations of the finalised recommended lists, in list order (no scores).</summary>
    public async Task<List<NoticeEntry>> RecommendedEntriesAsync(Guid cycleId, CancellationToken ct = default)
    {
        var recommended = await EvaluationQueries.RecommendedAsync(db, cycleId, ct);
        var ids = recommended.Select(r => r.ApplicationId).ToList();
        var apps = await db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var orgIds = apps.Values.Select(a => a.OrganizationId).ToList();
        var orgs = await db.Set<Organization>().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var order = 0;
        return recommended.Select(r =>
        {
            var a = apps[r.ApplicationId];
            var name = orgs.TryGetValue(a.OrganizationId, out var o) ? o.Name : "";
            return new NoticeEntry
            {
                ApplicationId = a.Id, OrganizationId = a.OrganizationId, OrganizationName = name, Category = r.Category,
                ServiceName = r.Category == AwardCategory.Service ? a.ServiceName : null, Order = ++order,
            };
        }).ToList();
    }

    /// <summary>第二十一条: N working days from the start date on the calendar; the deadline is the end date at the closing time (CST).</summary>
    public async Task<WorkdayResult> ScheduleAsync(PublicNotice notice, Cycle cycle, DateOnly start, CancellationToken ct = default)
    {
        // A notice cannot start in the past (China Standard Time): the 7 working days must all be open to the public.
        if (start < clock.Today())
            throw new DomainRuleException($"公示开始日期 {ChinaTime.Format(start)} 已过，请改为今天（{ChinaTime.Format(clock.Today())}）或以后的日期。");
        var s = cycle.Settings;
        var end = await calendar.AddWorkdaysAsync(start, s.PublicNoticeWorkdays, s.PublicationDayCounts, ct);
        notice.Schedule(start, s.PublicNoticeWorkdays, s.PublicationDayCounts, end, s.ObjectionClosingTime, s.PublicNoticeWorkdaysReason);
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
    public Task<string> NextReceiptNumberAsync(int year, CancellationToken ct = default) =>
        ReceiptNumbers.NextAsync(db.Set<Objection>().AsNoTracking().Select(o => o.ReceiptNumber), $"YY-{year}-", 4, ct);

    /// <summary>Queues the receipt e-mail to the objector (not a user of the system).</summary>
    public Task MailReceiptAsync(Objection o, string lookupLink, CancellationToken ct) => o.Email is null ? Task.CompletedTask
        : notifier.MailAsync(NoticeTemplates.Receipt, o.Email, o.ObjectorName, new Dictionary<string, string>
        {
            ["受理编号"] = o.ReceiptNumber, ["组织名称"] = o.OrganizationName, ["受理时间"] = ChinaTime.Format(o.ReceivedAt), ["链接"] = lookupLink,
        }, ct);

    /// <summary>Whether any objection to the cycle's notice is not yet concluded.</summary>
    public Task<bool> AnyOpenObjectionAsync(Guid cycleId, CancellationToken ct = default) =>
        db.Set<Objection>().AnyAsync(o => o.CycleId == cycleId && o.Status != ObjectionStatus.Concluded, ct);

    // The moves of the /PublicNotice pages and /api/notices, /api/objections: each loads with the version the caller
    // last read (a stale version is a 409), applies the entity's rule and saves.

    /// <summary>Creates the open cycle's draft from the finalised recommended list.</summary>
    public async Task<PublicNotice> CreateCurrentDraftAsync(CancellationToken ct = default)
    {
        var notice = await CreateDraftAsync(await RequireCycleAsync(ct), ct);
        await db.SaveChangesAsync(ct);
        return notice;
    }

    /// <summary>Saves the draft and computes the 公示期 on the calendar (the preview step).</summary>
    public async Task<(PublicNotice Notice, WorkdayResult End)> SaveDraftAsync(int version, NoticeDraft draft, CancellationToken ct = default)
    {
        var (cycle, notice) = await DraftAsync(version, ct);
        if (draft.StartDate is not { } start) throw new DomainRuleException("请填写公示开始日期。");
        notice.Edit(draft.Title ?? "", draft.Text ?? "", draft.PostalAddress ?? "", draft.Phone ?? "", draft.Email ?? "", draft.Descriptions);
        var end = await ScheduleAsync(notice, cycle, start, ct);
        await db.SaveChangesAsync(ct);
        return (notice, end);
    }

    /// <summary>Publishes the draft; the public pages show it at once.</summary>
    public async Task<PublicNotice> PublishAsync(int version, string userId, bool acceptUnconfirmed, CancellationToken ct = default)
    {
        var (_, notice) = await DraftAsync(version, ct);
        notice.Publish(userId, clock.Today(), acceptUnconfirmed, clock.GetUtcNow());
        await outcomes.PublishedAsync(notice, ct);
        await db.SaveChangesAsync(ct);
        await EvictPublicPagesAsync(ct);
        return notice;
    }

    /// <summary>Records an investigation note; null when there is no such objection.</summary>
    public async Task<Objection?> AddNoteAsync(Guid objectionId, int version, string? note, string byName, CancellationToken ct = default)
    {
        if (await TrackedObjectionAsync(objectionId, version, ct) is not { } o) return null;
        o.AddNote(note ?? "", byName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>Asks the organisation concerned to reply; null when there is no such objection.</summary>
    public async Task<Objection?> RequestReplyAsync(Guid objectionId, int version, CancellationToken ct = default)
    {
        if (await TrackedObjectionAsync(objectionId, version, ct) is not { } o) return null;
        await RequestReplyAsync(o, ct);
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>
    /// The organisation's reply; null unless the objection concerns <paramref name="organizationId"/> and the office has
    /// asked it to reply (so nobody else learns the objection exists).
    /// </summary>
    public async Task<Objection?> AnswerAsync(Guid objectionId, Guid? organizationId, int version, string? text, string byName,
        CancellationToken ct = default)
    {
        if (organizationId is null) return null;
        var o = await db.Set<Objection>().FirstOrDefaultAsync(x => x.Id == objectionId && x.OrganizationId == organizationId
            && x.ReplyRequestedAt != null, ct);
        if (o is null) return null;
        db.Entry(o).Property(x => x.Version).OriginalValue = version;
        o.AnswerAsOrganization(text ?? "", byName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>Concludes 成立 (the organisation leaves the list) or 不成立; null when there is no such objection.</summary>
    public async Task<Objection?> ConcludeAsync(Guid objectionId, int version, ObjectionConclusion? conclusion, string? finding, string? reason,
        string? publicText, string userId, CancellationToken ct = default)
    {
        if (await TrackedObjectionAsync(objectionId, version, ct) is not { } o) return null;
        if (conclusion is not { } c) throw new DomainRuleException("请选择结论：异议成立或异议不成立。");
        var notice = await db.Set<PublicNotice>().FirstAsync(n => n.Id == o.NoticeId, ct);
        o.Conclude(notice, c, finding ?? "", reason ?? "", publicText, userId, clock.GetUtcNow());
        await outcomes.ConcludedAsync(o, ct);
        await db.SaveChangesAsync(ct);
        await EvictPublicPagesAsync(ct);
        return o;
    }

    private async Task<Cycle> RequireCycleAsync(CancellationToken ct) =>
        await CycleQueries.CurrentOpenAsync(db, ct) ?? throw new DomainRuleException("当前没有进行中的年度活动。");

    private async Task<(Cycle, PublicNotice)> DraftAsync(int version, CancellationToken ct)
    {
        var cycle = await RequireCycleAsync(ct);
        var notice = await ForCycleAsync(cycle.Id, ct) ?? throw new DomainRuleException("尚未生成公示草稿。");
        db.Entry(notice).Property(n => n.Version).OriginalValue = version;
        return (cycle, notice);
    }

    private async Task<Objection?> TrackedObjectionAsync(Guid id, int version, CancellationToken ct)
    {
        var o = await db.Set<Objection>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is not null) db.Entry(o).Property(x => x.Version).OriginalValue = version;
        return o;
    }

    /// <summary>Public pages show what changed at once, on every node (<see cref="PublicVersion"/>).</summary>
    public Task EvictPublicPagesAsync(CancellationToken ct = default) => PublicVersion.ChangedAsync(db, cache, ct);
}
