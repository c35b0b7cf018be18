using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Features.Organizations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Demo;

/// <summary>The app as a developer starts it: demo data switched on, in the Development environment.</summary>
public sealed class DemoAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>
/// One demo world for every class that only reads it: seeding the demo (its people, applications and an applied
/// assignment plan) is one of the most expensive app starts of the suite, and these classes add people at most.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoAppFactory>
{
    public const string Name = "演示数据（只读共享）";
}

/// <summary>The same settings in production: demo data must never appear.</summary>
public sealed class ProductionDemoAppFactory : AppFactory
{
    // Production does not start without its public address.
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "true"), new("App:PublicBaseUrl", "http://localhost")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

[Collection(DemoCollection.Name)]
public class DemoDataTests(DemoAppFactory app)
{
    [Fact]
    public async Task First_start_in_development_fills_an_empty_database_with_organisations_at_every_stage()
    {
        // The 2026 cycle; the closed 2025 cycle holds only the demo benchmarks (DemoAwardsTests).
        var statuses = await app.WithDbAsync(db => db.Set<Application>()
            .Where(a => db.Set<Biaogan.Web.Features.Cycles.Cycle>().Any(c => c.Id == a.CycleId && c.Year == 2026)).Select(a => a.Status).ToListAsync());
        Assert.Equal(
            [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.AwaitingQualification,
                ApplicationStatus.SupplementRequested, ApplicationStatus.Qualified, ApplicationStatus.Qualified, ApplicationStatus.Qualified],
            statuses.Order().ToList());
        var bodies = await app.WithDbAsync(db => db.Set<RecommendingBody>().CountAsync());
        Assert.Equal(3, bodies);
    }

    [Fact]
    public async Task The_home_page_lists_the_demo_logins_and_they_work()
    {
        var home = PageClient.Text(await Cast.Anonymous(app).GetAsync("/"));
        Assert.Contains("演示账号", home);
        Assert.Contains("office@demo.biaogan.cn", home);
        var client = await Cast.SignInAsync(app, new Persona("", "唐敏", "jincheng@demo.biaogan.cn", "Demo2026pass", null, null, null));
        var list = PageClient.Text(await client.GetAsync("/Applications"));
        // qualified, its expert group formed and its consensus agreed: the derived status is 资料评审中 (Progress/StandingRules)
        Assert.Contains("资料评审中", list);
    }
}

[Collection(DemoCollection.Name)]
public class DemoDocumentReviewTests(DemoAppFactory app)
{
    [Fact]
    public async Task The_qualified_applications_have_expert_groups_of_the_demo_size_formed_by_an_applied_plan()
    {
        var (groups, seats, plans, appointed, leaders) = await app.WithDbAsync(async db => (
            await db.Set<ExpertGroup>().CountAsync(g => g.Stage == ReviewStage.Document && g.PlanId != null),
            await db.Set<GroupMember>().CountAsync(m => m.Status != MemberStatus.Removed && m.Status != MemberStatus.Declined),
            await db.Set<AssignmentPlan>().CountAsync(p => p.Status == PlanStatus.Applied),
            await db.Set<ReviewerProfile>().CountAsync(p => p.Status == ReviewerStatus.Appointed && p.UserId != null),
            await db.Set<LeaderQualification>().CountAsync(q => q.Eligible)));
        Assert.Equal(3, groups);
        Assert.Equal(9, seats);
        Assert.Equal(1, plans);
        Assert.Equal(6, appointed);
        Assert.Equal(4, leaders);
        var sheets = await app.WithDbAsync(db => db.Set<ScoreSheet>().Select(s => s.Status).ToListAsync());
        Assert.Equal(4, sheets.Count(s => s == SheetStatus.Submitted));
        Assert.Equal(1, sheets.Count(s => s == SheetStatus.Draft));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ConsensusSheet>().CountAsync(c => c.Status == ConsensusStatus.Agreed)));
    }

    [Fact]
    public async Task The_demo_committee_has_deliberated_the_document_review_report_on_the_recorded_shortlist()
    {
        // Committee members sign in with two-step verification; another member reads the demo member's 审议.
        var member = await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app, "演示审阅委员"));
        var report = await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.StageReports.StageReport>().AsNoTracking().SingleAsync());
        Assert.Equal("吴国栋", Assert.Single(report.Responses).MemberName);
        var page = PageClient.Text(await member.GetAsync($"/StageReports?cycleId={report.CycleId}&kind=DocumentReview"));
        // Other tests of the collection may invite more committee members; the demo's own member has agreed.
        Assert.Contains("资料评审阶段工作报告（第 1 稿）", page);
        Assert.Matches("吴国栋\\s*同意", page);
        Assert.Contains("锦程通信服务有限公司", page);
        Assert.Contains("同意所列入围建议", page);
    }

    [Fact]
    public async Task Reviewer1_sees_a_seat_to_declare_and_a_draft_sheet_on_the_task_list()
    {
        var client = await Cast.SignInAsync(app, new Persona("", "钱学军", "reviewer1@demo.biaogan.cn", "Demo2026pass", null, null, null));
        var mine = PageClient.Text(await client.GetAsync("/Assignment/Mine"));
        Assert.Contains("润泽燃气服务有限公司", mine);
        Assert.Contains("明德医疗器械股份有限公司", mine);
        Assert.DoesNotContain("锦程通信服务有限公司", mine);
        var appId = await app.WithDbAsync(db => (from a in db.Set<Application>()
                                                 join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                                                 where o.Name == "明德医疗器械股份有限公司" select a.Id).FirstAsync());
        var sheet = await client.GetAsync($"/DocumentReview/Sheet/{appId}");
        Assert.Contains("明德医疗器械股份有限公司", PageClient.Text(sheet));
    }

    [Fact]
    public async Task The_office_ranking_and_the_committee_shortlist_show_the_scored_application()
    {
        var office = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "马主任", Roles.Office));
        Assert.Contains("锦程通信服务有限公司", PageClient.Text(await office.GetAsync("/DocumentReview/Ranking")));
        Assert.Contains("锦程通信服务有限公司", PageClient.Text(await office.GetAsync("/DocumentReview")));
        var committee = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "吴委员", Roles.ReviewCommittee));
        // Names stay hidden from the committee while it deliberates: the scored application appears under its alias.
        var shortlist = PageClient.Text(await committee.GetAsync("/DocumentReview/Shortlist"));
        Assert.Matches("申报 [0-9A-F]{6}", shortlist);
    }
}

public class ProductionDemoDataTests(ProductionDemoAppFactory app) : IClassFixture<ProductionDemoAppFactory>
{
    [Fact]
    public async Task Production_never_creates_demo_data_even_when_configured()
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Organization>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@demo.biaogan.cn"))));
        Assert.DoesNotContain("演示账号", PageClient.Text(await Cast.Anonymous(app).GetAsync("/")));
    }
}
