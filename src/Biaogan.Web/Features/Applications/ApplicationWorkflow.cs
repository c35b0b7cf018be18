using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// The applicant's moves on an application (第十五条): create the draft, submit it for the recommending
/// body's opinion (numbering it BG{year}-0001), resubmit after a supplement request, withdraw — each
/// saved together with its notifications. Callers have already checked <see cref="ApplicationAccess.CanEdit"/>.
/// </summary>
public sealed class ApplicationWorkflow(AppDbContext db, TimeProvider clock, ApplicationNotices notices,
    ApplicationNumbering numbering, IEnumerable<ISupplementResubmission> resubmissionListeners)
{
    /// <summary>The cycle accepting applications now, if any (only one is open at a time).</summary>
    public Task<Cycle?> OpenCycleAsync(CancellationToken ct = default) =>
        db.Set<Cycle>().FirstOrDefaultAsync(c => c.Status == CycleStatus.Open, ct);

    /// <summary>The organisation's live (not withdrawn) application in the cycle, if any.</summary>
    public Task<Application?> LiveApplicationAsync(Guid cycleId, Guid organizationId, CancellationToken ct = default) =>
        db.Set<Application>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.CycleId == cycleId && a.OrganizationId == organizationId && a.Status != ApplicationStatus.Withdrawn, ct);

    /// <summary>Starts a draft in the open cycle: one per organisation and cycle unless the earlier one was withdrawn.</summary>
    public async Task<Application> CreateAsync(Guid organizationId, CancellationToken ct = default)
    {
        var cycle = await OpenCycleAsync(ct)
            ?? throw new DomainRuleException("当前没有接受申报的年度活动，暂时不能新建申报。请留意活动办公室的通知。");
        if (await LiveApplicationAsync(cycle.Id, organizationId, ct) is { } existing)
            throw AlreadyApplied(cycle, existing);
        var now = clock.GetUtcNow();
        var app = new Application(cycle.Id, organizationId, CriteriaCatalog.ForCycle(cycle.StandardCode), now);
        // 第十四条第三项: 最近 N 年 (N is a cycle setting), ending with last year.
        var lastYear = now.ToChina().Year - 1;
        var years = Math.Max(1, cycle.Settings.MeasurementYears);
        app.Measurements = Enumerable.Range(lastYear - years + 1, years).Select(y => new SatisfactionMeasurement { Year = y }).ToList();
        db.Add(app);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Someone of the same organisation created one at the same moment.
            db.ChangeTracker.Clear();
            throw AlreadyApplied(cycle, await LiveApplicationAsync(cycle.Id, organizationId, ct));
        }
        return app;
    }

    private static DomainRuleException AlreadyApplied(Cycle cycle, Application? existing) => new(
        $"本组织已有{cycle.Year}年度的申报（{(existing?.Number is { } n ? n + "，" : "")}{existing?.Status.Display() ?? "草稿"}），同一年度只能有一份申报。请继续办理该申报；如需重新申报，请先撤回原申报。");

    /// <summary>How many evidence documents (current versions, not removed) the application has.</summary>
    public Task<int> EvidenceCountAsync(Guid applicationId, CancellationToken ct = default) =>
        db.Set<StoredFile>().Where(f => f.OwnerType == ApplicationFiles.OwnerType && f.OwnerId == applicationId
                && f.Purpose == FilePurpose.Evidence && f.RemovedAt == null)
            .Select(f => f.LogicalId).Distinct().CountAsync(ct);

    public async Task<IReadOnlyList<string>> ProblemsAsync(Application app, Cycle cycle, CancellationToken ct = default) =>
        app.ProblemsForSubmission(cycle, CriteriaCatalog.ForCycle(cycle.StandardCode), await EvidenceCountAsync(app.Id, ct));

    /// <summary>
    /// Submits (or, after a supplement request, resubmits) the application. A second submission of the same
    /// application gets a clear status message, never a second number; applications submitted at the same
    /// moment queue on the cycle's number counter inside this transaction, so each gets the next number and
    /// none fails (<see cref="ApplicationNumbering"/>).
    /// </summary>
    public async Task<Application> SubmitAsync(Guid id, int? expectedVersion, CancellationToken ct = default)
    {
        // On SQLite this is BEGIN IMMEDIATE: writers wait for each other (busy timeout) instead of failing.
        numbering.AllowForQueue();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var app = await db.Set<Application>().FirstAsync(a => a.Id == id, ct);
        var cycle = await db.Set<Cycle>().FirstAsync(c => c.Id == app.CycleId, ct);
        EnsureNotAlreadySubmitted(app);
        if (expectedVersion is { } v) db.Entry(app).Property(a => a.Version).OriginalValue = v;
        var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
        var evidence = await EvidenceCountAsync(app.Id, ct);
        var now = clock.GetUtcNow();
        if (app.Status == ApplicationStatus.SupplementRequested)
        {
            app.ResubmitSupplement(cycle, outline, evidence, now);
            foreach (var listener in resubmissionListeners) await listener.RecordAsync(app, now, ct);
            await notices.SupplementResubmittedAsync(app, cycle, ct);
        }
        else
        {
            // Check first, number second: a refused submit must not take (and hold) a number.
            app.ThrowIfNotSubmittable(cycle, outline, evidence);
            var number = app.Number ?? await numbering.TakeNextAsync(cycle, ct);
            app.Submit(cycle, outline, evidence, () => number, now);
            await notices.SubmittedAsync(app, cycle, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return app;
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var fresh = await db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == id, ct);
            EnsureNotAlreadySubmitted(fresh);
            throw;
        }
    }

    private static void EnsureNotAlreadySubmitted(Application app)
    {
        if (app.SubmittedAt is { } at && app.Status is ApplicationStatus.Submitted or ApplicationStatus.AwaitingQualification
                or ApplicationStatus.Qualified or ApplicationStatus.Disqualified)
            throw new DomainRuleException(
                $"该申报已于{ChinaTime.Format(at)}提交（编号 {app.Number}），当前状态为“{app.Status.Display()}”，无需重复提交。请在申报详情中查看进度。");
        if (app.Status == ApplicationStatus.Withdrawn)
            throw new DomainRuleException("该申报已撤回，不能再提交。如需重新申报，请在“我的申报”中新建申报。");
    }

    /// <summary>Withdraws the application (allowed until the qualification decision) and tells those who were waiting on it.</summary>
    public async Task<Application> WithdrawAsync(Guid id, string reason, int? expectedVersion, CancellationToken ct = default)
    {
        var app = await db.Set<Application>().FirstAsync(a => a.Id == id, ct);
        var cycle = await db.Set<Cycle>().FirstAsync(c => c.Id == app.CycleId, ct);
        if (app.Status == ApplicationStatus.Withdrawn)
            throw new DomainRuleException($"该申报已于{ChinaTime.Format(app.WithdrawnAt ?? app.UpdatedAt)}撤回，无需重复操作。");
        if (expectedVersion is { } v) db.Entry(app).Property(a => a.Version).OriginalValue = v;
        var reachedBody = app.SubmittedAt is not null && app.RecommendingBodyId is not null;
        var reachedOffice = app.Status is ApplicationStatus.AwaitingQualification or ApplicationStatus.SupplementRequested;
        app.Withdraw(reason, clock.GetUtcNow());
        await notices.WithdrawnAsync(app, cycle, reachedBody, reachedOffice, ct);
        await db.SaveChangesAsync(ct);
        return app;
    }
}

/// <summary>Recognises a unique-index violation on either database provider.</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
