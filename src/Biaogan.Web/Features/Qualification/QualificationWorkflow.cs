using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>What the office decides in one round, as posted by the review page or the API.</summary>
public sealed record QualificationDecision(QualificationOutcome? Outcome, string? Reasons, IReadOnlyList<ChecklistInput> Items,
    DateOnly? OverrideDeadline = null, string? OverrideReason = null);

/// <summary>
/// The one path of 资格审查 (第十六条) for the page and the API: decide a round (通过、不通过、补正 with a
/// deadline in working days), and take the organisation's resubmitted supplements back into the queue.
/// </summary>
public sealed class QualificationWorkflow(AppDbContext db, WorkingDayCalendar calendar, ApplicationWorkflow applications,
    ApplicationNotices notices, TimeProvider clock)
{
    /// <summary>The deadline a 补正 decided today would get: the cycle's working days, counted from tomorrow.</summary>
    public async Task<(WorkdayResult Result, int Workdays)> ProposedDeadlineAsync(Cycle cycle, CancellationToken ct = default)
    {
        var workdays = cycle.Settings.SupplementDeadlineWorkdays;
        return (await calendar.AddWorkdaysAsync(clock.Today(), workdays, countStart: false, ct), workdays);
    }

    public async Task<IReadOnlyList<QualificationReview>> RoundsAsync(Guid applicationId, CancellationToken ct = default) =>
        await db.Set<QualificationReview>().AsNoTracking().Where(r => r.ApplicationId == applicationId)
            .OrderBy(r => r.Round).ToListAsync(ct);

    public IReadOnlyList<PreCheckResult> PreChecks(ApplicationSummary summary) =>
        QualificationPreChecks.Run(summary.Application, summary.Organization, summary.Cycle,
            ApplicationFiles.Current(summary.Files).ToList(), clock.Today());

    /// <summary>
    /// Records the office's decision on a tracked application whose form showed <paramref name="version"/>,
    /// notifies the organisation and saves.
    /// </summary>
    public async Task<QualificationReview> DecideAsync(Application app, int version, QualificationDecision decision, string userId, CancellationToken ct = default)
    {
        if (decision.Outcome is not { } outcome)
            throw new DomainRuleException("请选择审查结论：通过、不通过或补正。");
        app.EnsureAllowed(outcome switch
        {
            QualificationOutcome.Pass => ApplicationAction.Pass,
            QualificationOutcome.Fail => ApplicationAction.Fail,
            _ => ApplicationAction.RequestSupplement,
        });
        var today = clock.Today();
        // 补正期限届满前，申报组织仍可补正，办公室不能提前作出不通过结论。
        if (app.Status == ApplicationStatus.SupplementRequested && app.SupplementDeadline >= today)
            throw new DomainRuleException($"第{app.SupplementRound}轮补正期限为 {ChinaTime.FormatWithWeekday(app.SupplementDeadline.Value)}，尚未届满，申报组织仍可提交补正材料。请在期限届满后再作出不通过结论。");

        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
        var round = await db.Set<QualificationReview>().CountAsync(r => r.ApplicationId == app.Id, ct) + 1;
        var terms = outcome == QualificationOutcome.Supplement ? await TermsAsync(cycle, decision, today, ct) : null;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var now = clock.GetUtcNow();
        var review = QualificationReview.Record(app.Id, round, outcome, decision.Items, decision.Reasons, terms, userId, name, now);

        db.Entry(app).Property(a => a.Version).OriginalValue = version;
        switch (outcome)
        {
            case QualificationOutcome.Pass: app.PassQualification(now); break;
            case QualificationOutcome.Fail: app.FailQualification(now); break;
            default: app.RequestSupplement(terms!.Deadline, terms.Confirmed, review.Reasons, now); break;
        }
        db.Add(review);

        var values = new Dictionary<string, string> { ["申报编号"] = app.Number ?? "", ["理由"] = review.Reasons };
        var path = $"/Qualification/Supplement/{app.Id}";
        var template = outcome switch
        {
            QualificationOutcome.Pass => DefaultTemplates.QualificationPassed,
            QualificationOutcome.Fail => DefaultTemplates.QualificationFailed,
            _ => DefaultTemplates.SupplementRequested,
        };
        if (terms is not null)
        {
            values["截止日期"] = ChinaTime.FormatWithWeekday(terms.Deadline);
            values["工作日"] = terms.Workdays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await notices.ToOrganizationAsync(app, template, values, path, ct);
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>The organisation resubmits after a 补正 request: the application returns to the office's queue.</summary>
    public async Task ResubmitAsync(Application app, int version, CancellationToken ct = default)
    {
        app.EnsureAllowed(ApplicationAction.ResubmitSupplement);
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
        var evidence = await applications.EvidenceCountAsync(app.Id, ct);
        var review = await db.Set<QualificationReview>()
            .Where(r => r.ApplicationId == app.Id && r.Outcome == QualificationOutcome.Supplement)
            .OrderByDescending(r => r.Round).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("找不到要求补正的资格审查记录，请联系活动办公室。");
        var now = clock.GetUtcNow();
        db.Entry(app).Property(a => a.Version).OriginalValue = version;
        app.ResubmitSupplement(cycle, CriteriaCatalog.ForCycle(cycle.StandardCode), evidence, now);
        review.MarkResubmitted(now);

        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == app.OrganizationId, ct);
        await notices.ToOfficeAsync(DefaultTemplates.SupplementResubmitted, new Dictionary<string, string>
        {
            ["组织名称"] = organization?.Name ?? "",
            ["轮次"] = review.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["申报编号"] = app.Number ?? "",
        }, $"/Qualification/Review/{app.Id}", ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<SupplementTerms> TermsAsync(Cycle cycle, QualificationDecision decision, DateOnly today, CancellationToken ct)
    {
        var (computed, workdays) = await ProposedDeadlineAsync(cycle, ct);
        if (decision.OverrideDeadline is not { } chosen || chosen == computed.End)
            return new SupplementTerms(computed.End, computed.Confirmed, workdays, null, null);
        if (string.IsNullOrWhiteSpace(decision.OverrideReason))
            throw new DomainRuleException($"按{workdays}个工作日计算的补正期限为 {ChinaTime.FormatWithWeekday(computed.End)}；如需改为 {ChinaTime.FormatWithWeekday(chosen)}，请填写调整理由。");
        if (chosen <= today)
            throw new DomainRuleException("调整后的补正期限必须晚于今天。");
        var table = await calendar.GetTableAsync(ct);
        var days = table.CountWorkdays(today.AddDays(1), chosen);
        if (days < 1)
            throw new DomainRuleException($"{ChinaTime.FormatWithWeekday(chosen)} 之前没有工作日，请选择更晚的日期。");
        var confirmed = Enumerable.Range(today.Year, chosen.Year - today.Year + 1).All(table.IsPublished);
        return new SupplementTerms(chosen, confirmed, days, computed.End, decision.OverrideReason.Trim());
    }
}
