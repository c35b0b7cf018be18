using Microsoft.Extensions.DependencyInjection;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Security;

/// <summary>The resources the matrix routes point at ({A}, {F}, …) and one signed-in client per persona.</summary>
public sealed record MatrixWorld(IReadOnlyDictionary<string, string> Ids, IReadOnlyList<PageClient> Clients)
{
    public string Url(string route) =>
        Ids.Aggregate(route, (url, id) => url.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
}

/// <summary>
/// The application of the authorization matrices with one world seeded once for all of them (reads and writes): an
/// application through its stages, a reviewer, a conflict, a plan, an on-site visit, an award, and the eleven personas.
/// </summary>
public sealed class MatrixApp : AppFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MatrixWorld? _world;

    public async Task<MatrixWorld> WorldAsync()
    {
        await _gate.WaitAsync();
        try { return _world ??= await SeedAsync(); }
        finally { _gate.Release(); }
    }

    private async Task<MatrixWorld> SeedAsync()
    {
        var app = this;
        await ApplicationsBuilders.OpenCycleAsync(app);
        var recommenderA = await Cast.RecommenderAsync(app, "推荐单位乙（矩阵）");
        var recommenderB = await Cast.RecommenderAsync(app, "推荐单位己（矩阵）");
        var applicantA = await Cast.ApplicantAsync(app, "申报组织甲（矩阵）");
        var applicantB = await Cast.ApplicantAsync(app, "申报组织戊（矩阵）");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicantA, recommenderA);
        var (fileId, cycleId) = await app.WithDbAsync(async db => (
            await db.Set<StoredFile>().Where(f => f.OwnerId == id).Select(f => f.Id).FirstAsync(),
            await db.Set<Biaogan.Web.Features.Cycles.Cycle>().Select(c => c.Id).FirstAsync()));
        var profile = ReviewersBuilders.Candidate("孙评审（矩阵）");
        await app.WithDbAsync(async db => { db.Add(profile); await db.SaveChangesAsync(); });
        var memberId = await ConflictsTestKit.SeatAsync(app, id, profile.Id);
        var caseId = await app.WithDbAsync(async db =>
        {
            var c = new Biaogan.Web.Features.Conflicts.ConflictCase(cycleId, id, profile.Id,
                Biaogan.Web.Features.Conflicts.ConflictSource.Employment, "2020—至今 任职于“矩阵单位”（单位名称一致）", app.Clock.GetUtcNow());
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var versionId = await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Criteria.CriteriaVersion>().Select(v => v.Id).FirstAsync());
        var (planId, jobId) = await AssignmentMatrixKit.PlanAndJobAsync(app, cycleId);
        await MutualFeedbackKit.OnSiteForMatrixAsync(app, id, profile.Id);
        var award = await app.WithDbAsync(async db =>
        {
            var issued = await Biaogan.Web.Features.Awards.AwardIssuer.IssueAsync(db, cycleId, [id], app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return issued.Single();
        });
        // 获奖后监督: an incident the office registered on {W} (申报组织甲's benchmark) and its case, still under investigation.
        var (caseId2, incidentId) = await app.WithDbAsync(async db =>
        {
            var c = new Biaogan.Web.Features.Supervision.SupervisionCase("JD-2026-901", Biaogan.Web.Features.Supervision.CaseKind.Incident, award,
                "监督抽查不合格（矩阵）", app.Clock.GetUtcNow());
            var i = Biaogan.Web.Features.Supervision.Incident.Registered(c.Id, award.Id, award.OrganizationId,
                Biaogan.Web.Features.Supervision.IncidentCategory.FailedInspection, Biaogan.Web.Features.Supervision.IncidentSource.Regulator,
                new DateOnly(2026, 11, 20), "监管部门通报（矩阵）", app.Clock.GetUtcNow());
            db.AddRange(c, i);
            await db.SaveChangesAsync();
            return (c.Id, i.Id);
        });
        // 纪律处分: a warning the leading group decided against 申报组织甲 ({Z}); only 甲 and the staff know of it.
        var sanctionId = await app.WithDbAsync(async db =>
        {
            var org = await db.Set<Biaogan.Web.Features.Organizations.Organization>().FirstAsync(o => o.Id == applicantA.OrganizationId);
            var s = new Biaogan.Web.Features.Discipline.OrganizationSanction("JL-2026-901", cycleId, 2026, org.Id, org.Name, org.Uscc, id, null,
                Biaogan.Web.Features.Discipline.DisciplineKind.Warning, Biaogan.Web.Features.Discipline.SanctionSource.Qualification, "",
                "申报材料失实（矩阵）", "赵丙", app.Clock.GetUtcNow());
            s.Vote("leader", "王组员", true, "属实。", app.Clock.GetUtcNow());
            s.Decide(0.5m, 1, "表决通过。", "赵丙", app.Clock.GetUtcNow());
            db.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        // 获奖三年后确认: an open round ({U}) with 甲's benchmark {W} in it ({Q}), on its own confirmation case; not published.
        // 确认组: the matrix reviewer (钱丁) holds an applied seat {Y} in {Q}'s group, as 组长, not yet declared.
        var reviewerPersona = await Cast.ReviewerAsync(app);
        var (roundId, entryId, seatId) = await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
            var r = new Biaogan.Web.Features.Confirmation.ConfirmationRound(2026, 91, today.AddDays(30), today, "赵丙", app.Clock.GetUtcNow());
            var c = new Biaogan.Web.Features.Supervision.SupervisionCase("JD-2026-902", Biaogan.Web.Features.Supervision.CaseKind.Confirmation, award,
                "获奖三年后确认（矩阵）", app.Clock.GetUtcNow());
            var e = new Biaogan.Web.Features.Confirmation.ConfirmationEntry(r, award, c.Id, c.Number);
            var seat = new Biaogan.Web.Features.Confirmation.ConfirmationSeat(e, profile.Id, "钱丁", reviewerPersona.UserId, true, "矩阵");
            seat.Assign(today.AddDays(45), app.Clock.GetUtcNow());
            db.AddRange(r, c, e, seat);
            await db.SaveChangesAsync();
            return (r.Id, e.Id, seat.Id);
        });
        // 经验交流 (第二十五条): an event ({E}) with 甲's benchmark invited ({B}), and 甲's case ({H}) waiting for the office's review.
        var (eventId, invitationId, practiceId) = await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
            var ev = new Biaogan.Web.Features.Sharing.SharingEvent(Biaogan.Web.Features.Sharing.SharingEventKind.Conference,
                "经验交流大会（矩阵）", "用户满意", today.AddDays(20), null, "北京", null, today, "赵丙", app.Clock.GetUtcNow());
            var inv = new Biaogan.Web.Features.Sharing.SharingInvitation(ev, award, app.Clock.GetUtcNow());
            ev.Invited(1, today);
            var p = new Biaogan.Web.Features.Sharing.BenchmarkPractice(award, "经验案例（矩阵）", "做法与成效。", "甲", app.Clock.GetUtcNow());
            p.Submit(award, "甲", app.Clock.GetUtcNow());
            db.AddRange(ev, inv, p);
            await db.SaveChangesAsync();
            return (ev.Id, inv.Id, p.Id);
        });
        var personas = new List<Persona?> { null, applicantA, applicantB, recommenderA, recommenderB,
            reviewerPersona, await Cast.OfficeAsync(app), await Cast.AdminAsync(app),
            await Cast.PersonAsync(app, "吴委员（矩阵）", Roles.ReviewCommittee), await Cast.PersonAsync(app, "郑委员（矩阵）", Roles.ApprovalCommittee),
            await Cast.PersonAsync(app, "王组员（矩阵）", Roles.LeadingGroup) };
        // 第九条: the 资料评审阶段工作报告 of {C}, generated by the office, so its page, PDF and 审议 have something to show.
        await app.WithScopeAsync(sp => sp.GetRequiredService<Biaogan.Web.Features.StageReports.StageReportWorkflow>().GenerateAsync(cycleId,
            Biaogan.Web.Features.Applications.Gates.StageReportKind.DocumentReview, null, "office", default));
        var clients = new List<PageClient>();
        foreach (var p in personas)
        {
            var client = p is null ? Cast.Anonymous(app) : await Cast.SignInAsync(app, p);
            // Writes carry the person's own antiforgery token, so each request reaches the authorization it tests.
            if (p is not null) await client.ApiAsync();
            clients.Add(client);
        }
        // Settings rows created on first visit exist before the personas run at once (two first visits at the same moment
        // race on their unique key — a get-or-create the features do not guard; see the report of this change).
        foreach (var warm in new[] { "/Conflicts/Rules", "/Conflicts/Terms", "/Reviewers/Settings", "/Awards/Seal", "/Notifications/Templates" })
            await clients[6].NoRedirects.GetAsync(warm);
        foreach (var c in clients.Skip(1))
            c.NoRedirects.DefaultRequestHeaders.Add("X-CSRF-TOKEN", c.Http.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single());
        var ids = new Dictionary<string, string>
        {
            ["A"] = id.ToString(), ["F"] = fileId.ToString(), ["C"] = cycleId.ToString(), ["V"] = versionId.ToString(),
            ["R"] = profile.Id.ToString(), ["M"] = memberId.ToString(), ["K"] = caseId.ToString(), ["P"] = planId.ToString(),
            ["J"] = jobId.ToString(), ["G"] = "Enterprise", ["W"] = award.Id.ToString(),
            ["N"] = $"{award.CertificateNumber}?code={award.VerificationCode}", ["X"] = "0196f1a2-0000-7000-8000-000000000001",
            ["S"] = caseId2.ToString(), ["I"] = incidentId.ToString(), ["Z"] = sanctionId.ToString(), ["T"] = "DocumentReview",
            ["U"] = roundId.ToString(), ["Q"] = entryId.ToString(), ["Y"] = seatId.ToString(),
            ["E"] = eventId.ToString(), ["B"] = invitationId.ToString(), ["H"] = practiceId.ToString(),
        };
        return new MatrixWorld(ids, clients);
    }
}
