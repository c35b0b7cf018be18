using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.OnSite;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Progress;

/// <summary>
/// 我的待办 is where everyone lands after signing in; each role sees only its own section, each item linking to the
/// page that does the work.
/// </summary>
public class TodoPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Signing_in_lands_on_the_to_do_page_and_visitors_keep_the_home_page()
    {
        var office = await PublicNoticeKit.OfficeAsync(app);
        var landing = await office.Http.GetAsync("/");
        Assert.Equal("/Progress/Todo", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("高标准、少而精、树标杆", PageClient.Text(await Cast.Anonymous(app).GetAsync("/")));
        var anonymous = await Cast.Anonymous(app).Http.GetAsync("/Progress/Todo");
        Assert.Equal("/Account/Login", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Each_role_sees_only_its_own_section_with_what_waits_for_it()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "待办甲有限公司");
        var recommender = await Cast.RecommenderAsync(app, "推荐单位待办（上海市质量协会）");
        var submitted = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        await AssignmentTestKit.QualifiedAsync(app, "待办乙有限公司");
        var queued = await AssignmentTestKit.QualifiedAsync(app, "待办丙有限公司");
        await app.WithDbAsync(async db =>
        {
            // One application waits for 资格审查: back to the office's queue as after a 补正.
            var a = await db.Set<Application>().FindAsync(queued);
            db.Entry(a!).Property(nameof(Application.Status)).CurrentValue = ApplicationStatus.AwaitingQualification;
            await db.SaveChangesAsync();
        });
        var reviewer = await AssignmentTestKit.ReviewerAsync(app, "待办评审员", "待办评审员单位");
        await OnSiteTestKit.TeamAsync(app, queued, [reviewer.ProfileId], declared: false);
        var leading = await Cast.PersonAsync(app, "待办领导", Roles.LeadingGroup);
        await app.WithDbAsync(async db => { db.Add(ReviewersBuilders.Candidate("待办候选人")); await db.SaveChangesAsync(); });

        var officePage = await (await PublicNoticeKit.OfficeAsync(app)).GetAsync("/Progress/Todo");
        var officeText = officePage.QuerySelector("#todo-office")?.TextContent ?? "";
        Assert.Contains("待资格审查的申报", officeText);
        Assert.NotNull(officePage.QuerySelector("#todo-office a[href='/Qualification']"));
        Assert.Contains("资格审查", officePage.QuerySelector("#stage-counts")?.TextContent ?? "");
        // 待办乙 passed 资格审查 and has no expert group yet: the office's next step is to form one.
        Assert.Contains("资格审查通过、待组建资料评审专家组的申报", officeText);
        Assert.NotNull(officePage.QuerySelector("#todo-office a[href='/Assignment']"));
        Assert.Null(officePage.QuerySelector("#todo-reviewer"));

        var org = await (await Cast.SignInAsync(app, applicant)).GetAsync("/Progress/Todo");
        Assert.Contains("已提交", org.QuerySelector("#todo-applicant")?.TextContent ?? "");
        Assert.Contains("等待推荐单位出具推荐意见", org.QuerySelector("#todo-applicant")?.TextContent ?? "");
        Assert.DoesNotContain("待办乙有限公司", PageClient.Text(org));
        Assert.Null(org.QuerySelector("#todo-office"));

        var body = await (await Cast.SignInAsync(app, recommender)).GetAsync("/Progress/Todo");
        Assert.Contains("待出具推荐意见的申报", body.QuerySelector("#todo-recommender")?.TextContent ?? "");
        Assert.NotNull(body.QuerySelector($"#todo-recommender a[href='/Applications/Details/{submitted}']"));
        Assert.Null(body.QuerySelector("#todo-office"));
        Assert.Null(body.QuerySelector("#todo-applicant"));

        var rev = await (await Cast.SignInAsync(app, reviewer.Persona)).GetAsync("/Progress/Todo");
        Assert.Contains("签署承诺与利益冲突声明", rev.QuerySelector("#todo-reviewer")?.TextContent ?? "");
        Assert.NotNull(rev.QuerySelector("#todo-reviewer a[href^='/Conflicts/Declare/']"));
        Assert.Null(rev.QuerySelector("#todo-office"));

        var lg = await (await Cast.SignInAsync(app, leading)).GetAsync("/Progress/Todo");
        Assert.Contains("待决定聘用的评审员候选人", lg.QuerySelector("#todo-leading")?.TextContent ?? "");
        Assert.Null(lg.QuerySelector("#todo-office"));
        Assert.Null(lg.QuerySelector("#todo-reviewer"));
    }

    [Fact]
    public async Task A_committee_member_finds_the_evaluation_vote_as_soon_as_the_office_confirmed_an_on_site_result()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var member = await RankingBuilders.CommitteeAsync(app, "待办评价委员");
        var world = await OnSiteTestKit.VisitAsync(app, "待办评价");
        var client = await Cast.SignInAsync(app, member);
        Assert.DoesNotContain("综合评价待投票", (await client.GetAsync("/Progress/Todo")).QuerySelector("#todo-committee")?.TextContent ?? "");

        // The office confirmed the report; nobody has voted or recorded anything yet, so the category has no decision record.
        await app.WithDbAsync(async db =>
        {
            var visit = await db.Set<SiteVisit>().FirstAsync(v => v.ApplicationId == world.ApplicationId);
            db.Entry(visit).Property(nameof(SiteVisit.Status)).CurrentValue = SiteVisitStatus.OfficeApproved;
            await db.SaveChangesAsync();
        });
        var todo = await client.GetAsync("/Progress/Todo");
        Assert.Contains("综合评价待投票", todo.QuerySelector("#todo-committee")?.TextContent ?? "");
        Assert.NotNull(todo.QuerySelector("#todo-committee a[href='/Evaluation']"));
    }
}
