using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Reviewers;
using ReviewerGate = Biaogan.Web.Features.Assignment.ReviewerGate;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>Scoring cannot open yet: the criteria are 待核定 and the leading group has not confirmed scoring on them.</summary>
public sealed class ScoringNotOpenException(string message) : DomainRuleException(message);

/// <summary>
/// 独立评分 (Baldrige independent review): opens a reviewer's sheet behind the gate
/// (<see cref="ReviewerGate.ReadableSeatAsync"/>), saves, submits, and lets the office reopen it.
/// Pages and the API both go through here.
/// </summary>
public sealed class ScoringWorkflow(AppDbContext db, WorkingDayCalendar calendar, TimeProvider clock, Notifier notifier, CriteriaCache criteria,
    IScoreChanges changes)
{
    /// <summary>
    /// The caller's sheet for the application, created on first open from the cycle's pinned criteria version
    /// with its due date; null when the caller may not read the application (answer 404).
    /// </summary>
    public async Task<ScoreSheet?> OpenAsync(string userId, Guid applicationId, CancellationToken ct = default)
    {
        var seat = await ReviewerGate.ReadableSeatAsync(db, userId, applicationId, ReviewStage.Document, ct);
        return seat is null ? null : await OpenForSeatAsync(seat, ct);
    }

    /// <summary>The sheet of a seat the gate has let through, created on first open.</summary>
    private async Task<ScoreSheet> OpenForSeatAsync(GroupMember seat, CancellationToken ct = default)
    {
        var applicationId = seat.ApplicationId;
        var sheet = await db.Set<ScoreSheet>().FirstOrDefaultAsync(s => s.MemberId == seat.Id, ct);
        if (sheet is not null) return sheet;
        var cycleId = await db.Set<ExpertGroup>().Where(g => g.Id == seat.GroupId).Select(g => g.CycleId).FirstAsync(ct);
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == cycleId, ct);
        var version = await PinnedVersionAsync(cycle, ct);
        EnsureScoringMayOpen(cycle, version);
        var due = await DueOnAsync(seat.DeclaredAt ?? clock.GetUtcNow(), cycle.Settings.ScoringWorkdays, ct);
        sheet = new ScoreSheet(cycle.Id, applicationId, seat.GroupId, seat.Id, seat.ReviewerId, version.Id,
            version.Document.Items.Select(i => i.Code), due.End, due.Confirmed, clock.GetUtcNow());
        db.Add(sheet);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same reviewer opened the sheet in another tab at the same moment: the unique MemberId kept one.
            db.ChangeTracker.Clear();
            return await db.Set<ScoreSheet>().FirstAsync(s => s.MemberId == seat.Id, ct);
        }
        return sheet;
    }

    /// <summary>
    /// 待核定 criteria: scoring opens only after the leading group recorded its confirmation (Features/Governance), so a
    /// cycle never scores on unverified points by accident.
    /// </summary>
    public static void EnsureScoringMayOpen(Cycle cycle, CriteriaVersion version)
    {
        if (CriteriaPlaceholders.Pending(version.Document) && !cycle.PlaceholderScoringConfirmed)
            throw new ScoringNotOpenException($"本年度选用的评价准则“{cycle.StandardCode}”中有分值待核定，资料评审须经领导小组确认后才能开始评分。" +
                "请联系活动办公室：在“领导小组决定”页面提请确认“按待核定分值开展资料评审”，领导小组记录决定后即可评分。");
    }

    /// <summary>独立评分期限: the declaration date plus ScoringWorkdays working days (the declaration day not counted).</summary>
    public Task<WorkdayResult> DueOnAsync(DateTimeOffset declaredAt, int workdays, CancellationToken ct = default) =>
        ScoringDue.FromDeclarationAsync(calendar, declaredAt, workdays, ct);

    /// <summary>The 评价准则 version the cycle pins (its key is the cycle's StandardCode).</summary>
    public async Task<CriteriaVersion> PinnedVersionAsync(Cycle cycle, CancellationToken ct = default) =>
        await db.Set<CriteriaVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Key == cycle.StandardCode, ct)
        ?? throw new DomainRuleException($"本年度活动选用的评价准则“{cycle.StandardCode}”不存在，请联系活动办公室核对年度活动设置。");

    /// <summary>The criteria tree a sheet was opened with (cached per version: <see cref="CriteriaCache"/>; read-only).</summary>
    public Task<CriteriaDocument> CriteriaAsync(Guid criteriaVersionId, CancellationToken ct = default) =>
        criteria.DocumentAsync(criteriaVersionId, ct);

    /// <summary>Saves the owner's input; a stale <paramref name="postedVersion"/> throws DbUpdateConcurrencyException.</summary>
    public async Task SaveAsync(ScoreSheet sheet, IEnumerable<ItemScore> items, int postedVersion, CancellationToken ct = default)
    {
        sheet.EnsureEditable();
        if (sheet.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        sheet.Record(items, clock.GetUtcNow());
        await SaveSheetAsync(sheet, postedVersion, ct);
    }

    /// <summary>Saves the input, then submits and locks the sheet.</summary>
    public async Task SubmitAsync(ScoreSheet sheet, IEnumerable<ItemScore>? items, int postedVersion, CancellationToken ct = default)
    {
        sheet.EnsureEditable();
        if (sheet.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        if (items is not null) sheet.Record(items, clock.GetUtcNow());
        sheet.Submit(clock.GetUtcNow());
        await SaveSheetAsync(sheet, postedVersion, ct);
        await changes.ScoresChangedAsync(sheet.CycleId, "独立评分表提交", ct);
    }

    /// <summary>The office reopens a submitted sheet with a reason; the reviewer is told.</summary>
    public async Task ReopenAsync(Guid sheetId, string reason, int postedVersion, CancellationToken ct = default)
    {
        var sheet = await db.Set<ScoreSheet>().FirstOrDefaultAsync(s => s.Id == sheetId, ct)
            ?? throw new DomainRuleException("评分表不存在，请刷新页面。");
        if (sheet.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        sheet.Reopen(reason, clock.GetUtcNow());
        var reviewer = await ReviewerUserAsync(sheet.ReviewerId, ct);
        if (reviewer is not null)
        {
            var name = await ApplicantNameAsync(sheet.ApplicationId, ct);
            await notifier.NotifyAsync(ScoringTemplates.Reopened, [reviewer], new Dictionary<string, string>
            {
                ["申报组织"] = name, ["理由"] = reason.Trim(), ["截止日期"] = ChinaTime.Format(sheet.DueOn),
            }, $"/DocumentReview/Sheet/{sheet.ApplicationId}", ct);
        }
        await SaveSheetAsync(sheet, postedVersion, ct);
        await changes.ScoresChangedAsync(sheet.CycleId, "独立评分表退回修改", ct);
    }

    private Task SaveSheetAsync(ScoreSheet sheet, int postedVersion, CancellationToken ct)
    {
        db.Entry(sheet).Property(s => s.Version).OriginalValue = postedVersion;
        // Item changes live in a JSON column (owned entries): mark the row itself so its version moves.
        db.Entry(sheet).Property(s => s.UpdatedAt).IsModified = true;
        return db.SaveChangesAsync(ct);
    }

    internal async Task<AppUser?> ReviewerUserAsync(Guid reviewerId, CancellationToken ct)
    {
        var userId = await db.Set<ReviewerProfile>().Where(p => p.Id == reviewerId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await db.Set<AppUser>().FirstOrDefaultAsync(u => u.Id == userId, ct);
    }

    internal Task<string> ApplicantNameAsync(Guid applicationId, CancellationToken ct) =>
        (from a in db.Set<Applications.Application>()
         join o in db.Set<Organizations.Organization>() on a.OrganizationId equals o.Id
         where a.Id == applicationId
         select o.Name).FirstAsync(ct);
}
