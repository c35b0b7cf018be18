using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>A report with what its pages show around it.</summary>
public sealed record FeedbackView(FeedbackReport Report, FeedbackHeader Header, Guid OrganizationId);

/// <summary>
/// 资料评审反馈报告: drafts one for every application of a finalised category the committee did not select, lets the office
/// edit, approve and release it, and decides who may read it — the office always, the applicant organisation's own users
/// once released; everyone else gets 404.
/// </summary>
public sealed class FeedbackWorkflow(AppDbContext db, TimeProvider clock, ApplicationNotices notices, Infrastructure.Audit.ActionAudit audit)
{
    public sealed record GenerateResult(int Created, IReadOnlyList<Guid> WithoutConsensus);

    public async Task<GenerateResult> GenerateAsync(Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == cycleId, ct);
        var notSelected = await ShortlistQueries.NotSelectedAsync(db, cycleId, ct);
        if (notSelected.Count == 0)
            throw new DomainRuleException("还没有已确定的入围名单，或所有申报均已入围。请先在“评审委员会入围评议”中确定入围名单。");
        var existing = await db.Set<FeedbackReport>().Where(r => notSelected.Contains(r.ApplicationId)).Select(r => r.ApplicationId).ToListAsync(ct);
        var consensus = await db.Set<ConsensusSheet>().AsNoTracking()
            .Where(s => notSelected.Contains(s.ApplicationId) && s.Status == ConsensusStatus.Agreed).ToListAsync(ct);
        var versionIds = consensus.Select(c => c.CriteriaVersionId).Distinct().ToList();
        var versions = await db.Set<CriteriaVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var created = 0;
        var missing = new List<Guid>();
        foreach (var appId in notSelected.Except(existing))
        {
            var sheet = consensus.Where(c => c.ApplicationId == appId).OrderByDescending(c => c.AgreedAt).FirstOrDefault();
            if (sheet is null) { missing.Add(appId); continue; }
            var criteria = versions[sheet.CriteriaVersionId].Document;
            var sections = FeedbackComposer.Sections(sheet, criteria);
            db.Add(new FeedbackReport(cycleId, appId, sheet.Id, FeedbackComposer.Summary(cycle.Name, criteria, sheet, sections), sections, clock.GetUtcNow()));
            created++;
        }
        await db.SaveChangesAsync(ct);
        return new GenerateResult(created, missing);
    }

    /// <summary>The report of an application with its header, or null.</summary>
    public async Task<FeedbackView?> ViewAsync(Guid applicationId, bool tracking, CancellationToken ct)
    {
        var q = db.Set<FeedbackReport>().AsQueryable();
        var report = await (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(r => r.ApplicationId == applicationId, ct);
        if (report is null) return null;
        var info = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          join c in db.Set<Cycle>().AsNoTracking() on a.CycleId equals c.Id
                          where a.Id == applicationId
                          select new { a.Number, a.Category, a.ServiceName, o.Name, OrgId = o.Id, CycleName = c.Name, c.StandardCode }).FirstAsync(ct);
        var category = info.Category is { } k ? Cycle.CategoryDisplay(k) + (info.ServiceName is { Length: > 0 } s ? $"（{s}）" : "") : "—";
        return new FeedbackView(report, new FeedbackHeader(info.CycleName, info.Name, info.Number, category, report.ReleasedAt, info.StandardCode), info.OrgId);
    }

    /// <summary>The report if <paramref name="user"/> may read it: office and administrators, or the applicant's own users once released.</summary>
    public async Task<FeedbackView?> ReadableAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        var view = await ViewAsync(applicationId, tracking: false, ct);
        if (view is null) return null;
        if (user.IsOffice()) return view;
        if (!user.IsInRole(Roles.Applicant) || !view.Report.IsReleased) return null;
        var userId = user.UserId();
        var orgId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganizationId).FirstOrDefaultAsync(ct);
        return orgId == view.OrganizationId ? view : null;
    }

    public static byte[] Pdf(FeedbackView view) => PdfWriter.Render(FeedbackPdf.Document(view.Report, view.Header));

    public static string FileName(FeedbackView view) => $"资料评审反馈报告-{view.Header.Number ?? view.Header.Organization}.pdf";

    public async Task<FeedbackReport> ChangeAsync(Guid applicationId, int postedVersion, Action<FeedbackReport, DateTimeOffset> change, CancellationToken ct)
    {
        var report = await ForChangeAsync(applicationId, postedVersion, ct);
        change(report, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>The office's edit of the text (page and API).</summary>
    public Task<FeedbackReport> SaveAsync(Guid applicationId, int postedVersion, string? summary,
        IReadOnlyList<(string Code, string Strengths, string Opportunities)> sections, CancellationToken ct) =>
        ChangeAsync(applicationId, postedVersion, (r, now) => r.Edit(summary ?? "", sections, now), ct);

    /// <summary>The office saves the text and approves (审定) the report in one step; releasing is a separate step.</summary>
    public Task<FeedbackReport> ApproveAsync(Guid applicationId, int postedVersion, string? summary,
        IReadOnlyList<(string Code, string Strengths, string Opportunities)> sections, string userId, CancellationToken ct) =>
        ChangeAsync(applicationId, postedVersion, (r, now) =>
        {
            r.Edit(summary ?? "", sections, now);
            r.Approve(userId, now);
        }, ct);

    /// <summary>Takes the approval back so the text can be changed again (before release).</summary>
    public Task<FeedbackReport> WithdrawApprovalAsync(Guid applicationId, int postedVersion, CancellationToken ct) =>
        ChangeAsync(applicationId, postedVersion, (r, now) => r.Withdraw(now), ct);

    /// <summary>The report, tracked, with the version the office's form was drawn from (a later save wins nothing).</summary>
    private async Task<FeedbackReport> ForChangeAsync(Guid applicationId, int postedVersion, CancellationToken ct)
    {
        var report = await db.Set<FeedbackReport>().FirstOrDefaultAsync(r => r.ApplicationId == applicationId, ct)
            ?? throw new DomainRuleException("该申报还没有反馈报告，请先生成。");
        db.Entry(report).Property(r => r.Version).OriginalValue = postedVersion;
        return report;
    }

    /// <summary>Releases the approved report to the applicant and tells the organisation's users (第十八条).</summary>
    public async Task<FeedbackReport> ReleaseAsync(Guid applicationId, int postedVersion, CancellationToken ct)
    {
        var report = await ForChangeAsync(applicationId, postedVersion, ct);
        report.Release(clock.GetUtcNow());
        var app = await db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == applicationId, ct);
        var org = await db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == app.OrganizationId, ct);
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
        await notices.ToOrganizationAsync(app, Notifications.DefaultTemplates.FeedbackReleased, new Dictionary<string, string>
        {
            ["组织名称"] = org.Name, ["申报编号"] = app.Number ?? "", ["年度"] = $"{cycle.Year}年度",
        }, $"/DocumentReview/Feedback/View/{applicationId}", ct);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>
    /// Releases the cycle's approved, unreleased reports (the bulk button) through <see cref="ReleaseAsync"/>, each as a
    /// single release would; with <paramref name="only"/>, exactly those of the previewed applications that are still
    /// approved — a report approved after the preview is not released with them. Audited as a bulk action; returns
    /// the organisations told.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReleaseApprovedAsync(Guid cycleId, CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var ready = (await FeedbackList.ForCycleAsync(db, cycleId, ct))
            .Where(r => r.Report is { Status: FeedbackStatus.Approved } && (only is null || only.Contains(r.ApplicationId))).ToList();
        if (ready.Count == 0) throw new DomainRuleException("没有已审定、待发放的反馈报告。请先逐份审核并审定。");
        foreach (var r in ready) await ReleaseAsync(r.ApplicationId, r.Report!.Version, ct);
        await audit.RecordDetailsAsync(Infrastructure.Audit.ActionAudit.BulkAction, "feedback", $"发放资料评审反馈报告（{ready.Count} 家组织）",
            new { 年度活动 = cycleId, 组织 = ready.Select(r => r.Organization), 申报 = ready.Select(r => r.Number) }, ct);
        return ready.Select(r => r.Organization).ToList();
    }

    /// <summary>The released report of each of the organisation's applications (for the applicant's own pages).</summary>
    public Task<List<FeedbackReport>> ReleasedForApplicationAsync(Guid applicationId, CancellationToken ct) =>
        db.Set<FeedbackReport>().AsNoTracking().Where(r => r.ApplicationId == applicationId && r.Status == FeedbackStatus.Released).ToListAsync(ct);
}
