using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// The three-year confirmation (第二十四条) from the round's opening to its publication. The workflow saves
/// (docs/decisions/0028). Each benchmark's standing goes through its supervision case of kind Confirmation
/// (docs/decisions/0044): 确认中 when the round opens it, then the leading group's decision on the case.
/// </summary>
public sealed class ConfirmationWorkflow(AppDbContext db, TimeProvider clock, CurrentActor actor, CaseWorkflow cases, AwardStanding standing,
    ConfirmationDue due, Notifier notifier, WorkScheduler scheduler, IEnumerable<IConfirmationPeriodRecords> periodRecords)
{
    /// <summary>Days before the submission deadline that the organisations still missing are reminded.</summary>
    public const int ReminderDaysBefore = 7;

    /// <summary>Valid benchmarks due today (China Standard Time) that no round has taken up yet, oldest first.</summary>
    public async Task<List<Award>> DueAsync(CancellationToken ct)
    {
        var taken = db.Set<ConfirmationEntry>().Select(e => e.AwardId);
        var awards = await db.Set<Award>().AsNoTracking().Where(a => a.Status == AwardStatus.Valid && !taken.Contains(a.Id)).ToListAsync(ct);
        var today = clock.Today();
        return awards.Where(a => due.IsDue(a, today)).OrderBy(a => a.Year).ThenBy(a => a.CertificateNumber).ToList();
    }

    /// <summary>
    /// Opens a round for the chosen due benchmarks: one confirmation case each, the award 确认中 on that case, the
    /// organisations told, and the reminder and overdue notice of the deadline scheduled.
    /// </summary>
    public async Task<ConfirmationRound> OpenAsync(IReadOnlyCollection<Guid> awardIds, DateOnly? submitBy, CancellationToken ct)
    {
        if (awardIds.Count == 0) throw new DomainRuleException("请至少选择一个到期的标杆。");
        var dueNow = await DueAsync(ct);
        var chosen = dueNow.Where(a => awardIds.Contains(a.Id)).ToList();
        if (chosen.Count != awardIds.Distinct().Count())
            throw new DomainRuleException("所选标杆中有的已不在到期名单上（可能已被其他批次确认或状态已变化），请刷新页面后重新选择。");
        var now = clock.GetUtcNow();
        var year = clock.Now().Year;
        var sequence = await db.Set<ConfirmationRound>().CountAsync(r => r.Year == year, ct) + 1;
        var round = new ConfirmationRound(year, sequence, submitBy, clock.Today(), actor.Name, now);
        db.Add(round);
        foreach (var award in chosen)
        {
            var c = await cases.NewAsync(CaseKind.Confirmation, award.Id, $"获奖三年后确认（{round.Title}）", ct);
            await standing.ApplyAsync(award.Id, AwardAction.BeginConfirmation, new DecidedCase(c.Id, c.Number),
                $"《实施细则》第二十四条：获奖三年后确认，{round.Title}开始", ct);
            db.Add(new ConfirmationEntry(round, award, c.Id, c.Number));
            await notifier.NotifyAsync(DefaultTemplates.ConfirmationOpened, await cases.OrganizationUsersAsync(award.OrganizationId, ct), new Dictionary<string, string>
            {
                ["组织名称"] = award.OrganizationName, ["年度"] = award.Year.ToString(), ["证书编号"] = award.CertificateNumber,
                ["截止日期"] = ChinaTime.Format(round.SubmitBy), ["年份"] = $"{round.Year - 3}—{round.Year - 1}",
            }, "/Confirmation/Mine", ct);
        }
        await db.SaveChangesAsync(ct);
        await standing.PublishedAsync(ct);
        var payload = new ConfirmationReminderWork.Payload(round.Id, round.SubmitBy);
        var remindAt = ChinaTime.At(round.SubmitBy.AddDays(-ReminderDaysBefore), new TimeOnly(9, 0));
        if (remindAt > now)
            await scheduler.ScheduleAsync(ConfirmationReminderWork.WorkKind, $"{round.Id}:{round.SubmitBy:yyyy-MM-dd}:reminder", remindAt, payload, ct: ct);
        await scheduler.ScheduleAsync(ConfirmationReminderWork.WorkKind, $"{round.Id}:{round.SubmitBy:yyyy-MM-dd}:overdue",
            ChinaTime.At(round.SubmitBy.AddDays(1), new TimeOnly(9, 0)), payload, ct: ct);
        return round;
    }

    /// <summary>The organisation keeps a draft (<paramref name="submit"/> false) or submits; null when the entry is not its own.</summary>
    public async Task<ConfirmationEntry?> SaveAsync(ClaimsPrincipal user, Guid entryId, int? version, EntryForm form, bool submit, CancellationToken ct)
    {
        var org = user.OrganizationId();
        var entry = await db.Set<ConfirmationEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null || org is null || entry.OrganizationId != org) return null;
        var round = await db.Set<ConfirmationRound>().AsNoTracking().FirstAsync(r => r.Id == entry.RoundId, ct);
        if (round.Status != RoundStatus.Open) throw new DomainRuleException("该批确认结果已经公布，不能再修改材料。");
        await db.SaveWithVersionAsync(entry, version, e =>
        {
            if (submit) e.Submit(form.ManagementChanges, form.Figures, form.Statement, actor.Name, clock.GetUtcNow());
            else e.SaveDraft(form.ManagementChanges, form.Figures, form.Statement);
        }, ct);
        return entry;
    }

    /// <summary>The office puts a submitted benchmark before the leading group (the case's 提交领导小组审议).</summary>
    public async Task<ConfirmationEntry?> ForwardAsync(Guid entryId, CancellationToken ct)
    {
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return null;
        if (!entry.IsSubmitted) throw new DomainRuleException("该组织尚未提交确认材料。可以等待其提交；逾期未交的，也可在案件页直接提交领导小组审议。");
        var c = await db.Set<SupervisionCase>().AsNoTracking().FirstAsync(x => x.Id == entry.CaseId, ct);
        await cases.SubmitAsync(c.Id, c.Version, ct);
        return entry;
    }

    /// <summary>Publishes the round's result once every case is decided: the public page and PDF show it from now on.</summary>
    public async Task<ConfirmationRound?> PublishAsync(Guid roundId, int? version, string? preface, CancellationToken ct)
    {
        var round = await db.Set<ConfirmationRound>().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var entries = await db.Set<ConfirmationEntry>().Where(e => e.RoundId == roundId).ToListAsync(ct);
        var caseIds = entries.Select(e => e.CaseId).ToList();
        var decided = await db.Set<SupervisionCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var undecided = entries.Where(e => decided[e.CaseId].Status != CaseStatus.Decided).Select(e => e.OrganizationName).ToList();
        round.Publish(undecided, preface, clock.GetUtcNow());
        foreach (var e in entries)
        {
            var c = decided[e.CaseId];
            e.RecordResult(c.Outcome == CaseOutcome.Revoke ? EntryResult.NotConfirmed : EntryResult.Confirmed,
                DateOnly.FromDateTime(c.DecidedAt!.Value.ToChina().DateTime), c.PublicReason);
        }
        await db.SaveWithVersionAsync(round, version, ct);
        await standing.PublishedAsync(ct);
        return round;
    }

    /// <summary>Pre-filled lines of the period, from the grant to today, from every registered hook.</summary>
    public async Task<List<PeriodRecord>> PeriodAsync(ConfirmationEntry entry, CancellationToken ct)
    {
        var award = await db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == entry.AwardId, ct);
        var from = DateOnly.FromDateTime(award.GrantedAt.ToChina().DateTime);
        var lines = new List<PeriodRecord>();
        foreach (var source in periodRecords) lines.AddRange(await source.ForAsync(award, from, clock.Today(), ct));
        return lines.OrderBy(l => l.On).ToList();
    }
}

/// <summary>What the organisation types into the submission form (page and API alike).</summary>
public sealed record EntryForm(string? ManagementChanges, IReadOnlyList<YearFigures> Figures, string? Statement);
