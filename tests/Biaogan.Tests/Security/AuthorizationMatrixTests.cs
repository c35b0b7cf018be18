using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Security;

/// <summary>
/// Every role × every GET endpoint (pages and API) with real resources: who gets the page (O), who is sent to log in
/// (L), who is refused (D: 403, 404 or the access-denied page), and who is redirected elsewhere (R). A new endpoint without a row fails the test.
/// </summary>
public class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Cast8 = ["匿名", "申报组织甲", "申报组织戊", "推荐单位乙", "推荐单位己", "评审员", "办公室", "管理员"];

    /// <summary>Expected outcome per persona, in the order of <see cref="Cast8"/>.</summary>
    private static readonly (string Route, string Expected)[] Matrix =
    [
        // 申报 — an applicant reaches only its own, the chosen recommending body only once submitted; the form's tabs
        // are read-only for everyone but the applicant (editing is checked on every post).
        ("/Applications/Details/{A}", "LODODDOO"),
        ("/Applications/Edit/{A}", "LODODDOO"),
        ("/Applications/Edit/{A}/Conditions", "LODODDOO"),
        ("/Applications/Edit/{A}/SelfEvaluation", "LODODDOO"),
        ("/Applications/Edit/{A}/Evidence", "LODODDOO"),
        ("/Applications/Edit/{A}/Recommender", "LODODDOO"),
        ("/Applications/Files/{F}", "LODODDOO"),
        ("/api/applications", "LOOOOOOO"),
        ("/api/applications/{A}", "LODODDOO"),
        ("/api/applications/{A}/files", "LODODDOO"),
        ("/api/applications/{A}/files/{F}", "LODODDOO"),
        // 推荐意见 and 资格审查
        ("/Recommendations/Review/{A}", "LDDODDDD"),
        ("/Qualification/Review/{A}", "LDDDDDOO"),
        ("/Qualification/Supplement/{A}", "LODDDDOO"),
        ("/api/qualification/{A}", "LODDDDOO"),
        ("/api/qualification/queue", "LDDDDDOO"),
        // office pages
        ("/Qualification", "LDDDDDOO"),
        ("/Cycles", "LDDDDDOO"),
        ("/Cycles/Create", "LDDDDDOO"),
        ("/Cycles/Edit/{C}", "LDDDDDOO"),
        ("/Calendar", "LDDDDDOO"),
        ("/Calendar/Year/2026", "LDDDDDOO"),
        ("/Calendar/Import", "LDDDDDOO"),
        ("/Calendar/Correct", "LDDDDDOO"),
        ("/Calendar/Calculator", "LDDDDDOO"),
        ("/Audit", "LDDDDDOO"),
        // 后台任务 (scheduled work): an unknown item is 404 for the office too (a real one: Jobs/ScheduledWorkPageTests)
        ("/Jobs", "LDDDDDOO"),
        ("/api/jobs", "LDDDDDOO"),
        ("/api/jobs/0196f1a2-0000-7000-8000-000000000001", "LDDDDDDD"),
        ("/Accounts/Users", "LDDDDDOO"),
        ("/Accounts/Invite", "LDDDDDOO"),
        ("/Notifications/Templates", "LDDDDDOO"),
        ("/Notifications/Templates/Edit/application.submitted", "LDDDDDOO"),
        ("/Notifications/Outbox", "LDDDDDOO"),
        ("/Organizations/RecommendingBodies", "LDDDDDOO"),
        // role pages
        // the list is filtered per person (ApplicationAccess.Visible): a reviewer's is empty
        ("/Applications", "LOOOOOOO"),
        ("/Organizations/Profile", "LOODDDDD"),
        ("/Organizations/Body", "LDDOODDD"),
        ("/Recommendations", "LDDOODDD"),
        ("/api/organizations/me", "LOODDDDD"),
        // 评价准则 (office) and 评审员库 (office, leading group; a reviewer only their own record)
        ("/Criteria", "LDDDDDOO"),
        ("/Criteria/Details/{V}", "LDDDDDOO"),
        // a published version is not editable: the office is sent to its details page (R)
        ("/Criteria/Edit/{V}", "LDDDDDRR"),
        ("/Reviewers", "LDDDDDOO"),
        ("/Reviewers/Create", "LDDDDDOO"),
        ("/Reviewers/Decisions", "LDDDDDDO"),
        ("/Reviewers/Settings", "LDDDDDOO"),
        ("/Reviewers/Details/{R}", "LDDDDDOO"),
        ("/Reviewers/Edit/{R}", "LDDDDDOO"),
        ("/Reviewers/Records/{R}", "LDDDDDOO"),
        ("/Reviewers/Sanctions/{R}", "LDDDDDOO"),
        ("/Reviewers/Me", "LDDDDODD"),
        // 利益冲突: the office's queue, rules and terms; a reviewer only their own relations and their own seat's
        // declaration ({M} is another reviewer's seat, so everyone is refused); an applicant only its own avoid-list.
        ("/Conflicts", "LDDDDDOO"),
        ("/Conflicts/Rules", "LDDDDDOO"),
        ("/Conflicts/Terms", "LDDDDDOO"),
        ("/Conflicts/Relations", "LDDDDODD"),
        ("/Conflicts/Avoid/{A}", "LODDDDOO"),
        ("/Conflicts/Declare/{M}", "LDDDDDDD"),
        ("/api/conflicts", "LDDDDDOO"),
        ("/api/conflicts/{K}", "LDDDDDOO"),
        ("/api/conflicts/avoid/{A}", "LODDDDOO"),
        // the reviewer persona has no profile: no relations of their own (404), like everyone else
        ("/api/conflicts/relations/me", "LDDDDDDD"),
        ("/api/conflicts/terms", "LOOOOOOO"),
        ("/api/reviewers", "LDDDDDOO"),
        ("/api/reviewers/available", "LDDDDDOO"),
        // the reviewer persona has no profile yet, so their own record is 404 like anyone else's
        ("/api/reviewers/me", "LDDDDDDD"),
        ("/api/reviewers/{R}", "LDDDDDOO"),
        // 专家组分配 (office); the reviewer's own task list; plan and job pages need a real plan {P} and job {J}
        ("/Assignment", "LDDDDDOO"),
        ("/Assignment/Leaders", "LDDDDDOO"),
        ("/Assignment/Jobs/{J}", "LDDDDDOO"),
        ("/Assignment/Plans/{P}", "LDDDDDOO"),
        ("/Assignment/Plans/{P}/Edit", "LDDDDDOO"),
        ("/Assignment/Mine", "LDDDDODD"),
        ("/api/assignment/jobs/{J}", "LDDDDDOO"),
        ("/api/assignment/plans?cycleId={C}", "LDDDDDOO"),
        ("/api/assignment/plans/{P}", "LDDDDDOO"),
        // filtered per person: everyone gets their own seats only (an empty list when they hold none)
        ("/api/assignment/mine", "LOOOOOOO"),
        // 资料评审: in {A}'s expert group sits another reviewer (seat {M}) who has not declared, so the reviewer persona
        // holds no seat and every reviewer page and score is closed to them; the office reads the group's consensus page
        // (a seat holder's access, the declaration, conflicts and others' scores: DocumentReview tests)
        ("/DocumentReview", "LDDDDDOO"),
        ("/DocumentReview/Application/{A}", "LDDDDDDD"),
        ("/DocumentReview/Files/{F}", "LDDDDDDD"),
        ("/DocumentReview/Sheet/{A}", "LDDDDDDD"),
        ("/DocumentReview/Consensus/{A}", "LDDDDDOO"),
        ("/api/document-review/sheets/{A}", "LDDDDDDD"),
        ("/api/document-review/applications/{A}/sheets", "LDDDDDOO"),
        ("/api/document-review/consensus/{A}", "LDDDDDOO"),
        ("/api/document-review/cycles/{C}/progress", "LDDDDDOO"),
        // 资料评审排名、评审委员会入围评议 (office and the committee; the committee persona is checked in
        // DocumentReview/RankingAccessTests) and 反馈报告 (office; the applicant only its own once released — none here, so 404)
        ("/DocumentReview/Ranking", "LDDDDDOO"),
        ("/DocumentReview/Shortlist", "LDDDDDOO"),
        ("/DocumentReview/Feedback", "LDDDDDOO"),
        ("/DocumentReview/Feedback/Edit/{A}", "LDDDDDDD"),
        ("/DocumentReview/Feedback/View/{A}", "LDDDDDDD"),
        ("/DocumentReview/Feedback/Download/{A}", "LDDDDDDD"),
        ("/api/document-review/ranking/{C}", "LDDDDDOO"),
        ("/api/document-review/shortlist/{C}", "LDDDDDOO"),
        ("/api/document-review/shortlist/{C}/selected", "LDDDDDOO"),
        ("/api/document-review/feedback/{A}", "LDDDDDDD"),
        ("/api/document-review/feedback/{A}/pdf", "LDDDDDDD"),
        // 现场评审: the office's list; {A} has no visit (not shortlisted), so every visit page and read is 404 — the team's,
        // the organisation's and the outsiders' access to a real visit: OnSite/SiteVisitTests
        ("/OnSite", "LDDDDDOO"),
        // {A} has an on-site visit approved by the office but not yet released: the organisation is sent to its schedule
        // and may not read the report; the office may; nobody else learns it exists.
        ("/OnSite/Visit/{A}", "LRDDDDOO"),
        ("/OnSite/Schedule/{A}", "LODDDDOO"),
        ("/OnSite/Report/{A}", "LDDDDDOO"),
        ("/api/onsite/cycles/{C}/visits", "LDDDDDOO"),
        ("/api/onsite/visits/{A}", "LDDDDDOO"),
        ("/api/onsite/visits/{A}/schedule", "LODDDDOO"),
        ("/api/onsite/visits/{A}/report", "LDDDDDOO"),
        // 综合评价 (office and the committee; the committee persona, conflicts and votes: Evaluation tests). {A} has an
        // approved on-site visit whose team is {R} alone.
        ("/Evaluation", "LDDDDDOO"),
        ("/Evaluation/Visit/{A}", "LDDDDDOO"),
        ("/api/evaluation/{C}/{G}", "LDDDDDOO"),
        // 双向反馈 (第三十条): the office sees both sides; the organisation of {A} rates {R} (only its own form); the reviewer
        // persona is not on {A}'s team, so nothing of it is theirs (confidentiality: MutualFeedback tests)
        ("/MutualFeedback", "LDDDDDOO"),
        ("/MutualFeedback/Mine", "LOODDODD"),
        ("/MutualFeedback/Rate/{A}/{R}", "LODDDDDD"),
        ("/MutualFeedback/RateOrganization/{A}", "LDDDDDDD"),
        ("/MutualFeedback/Application/{A}", "LDDDDDOO"),
        ("/MutualFeedback/Reviewer/{R}", "LDDDDDOO"),
        ("/api/mutual-feedback/questions", "LOOOOOOO"),
        ("/api/mutual-feedback/mine", "LOODDODD"),
        ("/api/mutual-feedback/applications/{A}", "LDDDDDOO"),
        ("/api/mutual-feedback/reviewers/{R}", "LDDDDDOO"),
        // 公示与异议 (office); an objection's page and the organisation's reply page need a real objection: with an unknown one
        // everyone is refused (who sees a real one: PublicNotice and Approval tests); 审定 and its work report (office; the
        // approval committee persona is checked in Approval/NoticeToAwardTests)
        ("/PublicNotice", "LDDDDDOO"),
        ("/PublicNotice/Preview", "LDDDDDOO"),
        ("/PublicNotice/Objection/0196f1a2-0000-7000-8000-000000000001", "LDDDDDDD"),
        ("/PublicNotice/Reply/0196f1a2-0000-7000-8000-000000000001", "LDDDDDDD"),
        ("/Approval", "LDDDDDOO"),
        ("/Approval/Report", "LDDDDDOO"),
        // public pages: everyone, signed in or not (no notice yet: its JSON is 404; {A} holds a 2026 award, so the results page exists)
        ("/Public/Notice", "OOOOOOOO"),
        ("/Public/Notice/Receipt", "OOOOOOOO"),
        ("/Public/Notice/Lodged", "OOOOOOOO"),
        ("/api/public/notices/current", "DDDDDDDD"),
        ("/Public/Results/2026", "OOOOOOOO"),
        // 标杆与证书 (office); the certificate of {A}'s award {W}: the office and the winning organisation only;
        // the winner's own page (applicants; an organisation without an award sees an empty page)
        ("/Awards", "LDDDDDOO"),
        ("/Awards/Details/{W}", "LDDDDDOO"),
        ("/Awards/Certificate/{W}", "LODDDDOO"),
        ("/Awards/Seal", "LDDDDDOO"),
        ("/Awards/Mine", "LOODDDDD"),
        // public pages and their JSON (no login): the registry and certificate verification ({N} = number?code=…)
        ("/Public/Benchmarks", "OOOOOOOO"),
        ("/Public/Verify", "OOOOOOOO"),
        ("/Public/Verify/{N}", "OOOOOOOO"),
        ("/api/public/benchmarks", "OOOOOOOO"),
        // every signed-in person
        ("/Notifications/Inbox", "LOOOOOOO"),
        ("/Accounts/Manage", "LOOOOOOO"),
        ("/Accounts/TwoFactorSetup", "LOOOOOOO"),
        ("/api/inbox", "LOOOOOOO"),
        ("/api/cycles", "LOOOOOOO"),
        ("/api/cycles/current", "LOOOOOOO"),
        ("/api/recommending-bodies", "LOOOOOOO"),
        ("/api/calendar/workdays?from=2026-09-24&days=7&countStart=true", "LOOOOOOO"),
        ("/api/calendar/days/2026-10-10", "LOOOOOOO"),
    ];

    /// <summary>Routes open to everyone or reached only through a link with a token (tested in their features).</summary>
    private static readonly string[] Public =
    [
        "/", "/Error", "/Account/", "/openapi/", "/api/antiforgery", "/Index", "/Notifications/Inbox/{id:guid}", "/api/inbox/",
        // downloads of a reviewer's own certificate are checked per profile in ReviewerAccessTests
        "/Reviewers/Files/{fileId:guid}",
        // anonymous 公示 pages, the objection form and the public JSON (content and confidentiality: PublicNotice and Approval tests)
        "/Public/Notice/", "/Public/Results/", "/api/public/",
    ];

    [Fact]
    public async Task Every_role_reaches_exactly_the_endpoints_and_resources_it_may()
    {
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
        var reviewerProfileId = profile.Id;
        var memberId = await ConflictsTestKit.SeatAsync(app, id, reviewerProfileId);
        var caseId = await app.WithDbAsync(async db =>
        {
            var c = new Biaogan.Web.Features.Conflicts.ConflictCase(cycleId, id, reviewerProfileId,
                Biaogan.Web.Features.Conflicts.ConflictSource.Employment, "2020—至今 任职于“矩阵单位”（单位名称一致）", app.Clock.GetUtcNow());
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var versionId = await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Criteria.CriteriaVersion>().Select(v => v.Id).FirstAsync());
        var (planId, jobId) = await AssignmentMatrixKit.PlanAndJobAsync(app, cycleId);
        await MutualFeedbackKit.OnSiteForMatrixAsync(app, id, reviewerProfileId);
        var award = await app.WithDbAsync(async db =>
        {
            var issued = await Biaogan.Web.Features.Awards.AwardIssuer.IssueAsync(db, cycleId, [id], app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return issued.Single();
        });
        var personas = new List<Persona?> { null, applicantA, applicantB, recommenderA, recommenderB,
            await Cast.ReviewerAsync(app), await Cast.OfficeAsync(app), await Cast.AdminAsync(app) };
        var clients = new List<HttpClient>();
        foreach (var p in personas)
            clients.Add(p is null ? Cast.Anonymous(app).NoRedirects : (await Cast.SignInAsync(app, p)).NoRedirects);

        var wrong = new List<string>();
        foreach (var (route, expected) in Matrix)
        {
            var url = route.Replace("{A}", id.ToString()).Replace("{F}", fileId.ToString()).Replace("{C}", cycleId.ToString())
                .Replace("{V}", versionId.ToString()).Replace("{R}", reviewerProfileId.ToString())
                .Replace("{M}", memberId.ToString()).Replace("{K}", caseId.ToString())
                .Replace("{P}", planId.ToString()).Replace("{J}", jobId.ToString()).Replace("{G}", "Enterprise")
                .Replace("{W}", award.Id.ToString()).Replace("{N}", $"{award.CertificateNumber}?code={award.VerificationCode}");
            for (var i = 0; i < clients.Count; i++)
            {
                var got = Classify(await clients[i].GetAsync(url));
                if (got != expected[i]) wrong.Add($"{route} 〔{Cast8[i]}〕 expected {expected[i]} got {got}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_GET_endpoint_has_a_row_in_the_matrix()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct().ToList();
        Assert.Contains(routes, r => r.StartsWith("/Applications/Details/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("/api/applications/", StringComparison.Ordinal));
        var covered = Matrix.Select(m => Normalise(m.Route)).ToHashSet();
        var missing = routes.Where(r => !covered.Contains(Normalise(r)) && !Public.Any(p => r == p || (p.Length > 1 && p.EndsWith('/') && r.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        Assert.True(missing.Count == 0, "Add these endpoints to the authorization matrix: " + string.Join(", ", missing));
    }

    private static string Normalise(string route)
    {
        var path = route.Split('?')[0].TrimEnd('/');
        var parts = path.Split('/').Select(s => s.StartsWith('{') || Guid.TryParse(s, out _) || int.TryParse(s, out _)
            || DateOnly.TryParse(s, out _) || s.Contains('.') ? "*" : s.ToLowerInvariant());
        return string.Join('/', parts).Replace("/index", "");
    }

    private static char Classify(HttpResponseMessage r)
    {
        var location = r.Headers.Location?.ToString() ?? "";
        return r.StatusCode switch
        {
            HttpStatusCode.OK => 'O',
            HttpStatusCode.Unauthorized => 'L',
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => 'D',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => 'L',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => 'D',
            HttpStatusCode.Redirect or HttpStatusCode.Found => 'R',
            _ => '?',
        };
    }
}
