using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Progress;

/// <summary>
/// One application driven from submission to the award: at every stage the organisation, its recommending body and the
/// office see the same status on the details page and in their lists, with the dated steps behind it.
/// </summary>
public class ApplicationStatusTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Viewers(Guid Id, PageClient Organisation, PageClient Body, PageClient Office);

    [Fact]
    public async Task The_status_follows_the_application_through_every_stage_the_same_for_the_organisation_its_body_and_the_office()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "进度甲制造有限公司");
        var recommender = await Cast.RecommenderAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var v = new Viewers(id, await Cast.SignInAsync(app, applicant), await Cast.SignInAsync(app, recommender),
            await PublicNoticeKit.OfficeAsync(app));
        await SeesAsync(v, "已提交", "等待推荐单位出具推荐意见");

        await ChangeAsync(id, a => a.Recommend("同意推荐。", Guid.NewGuid(), "recommender", app.Clock.GetUtcNow()));
        await SeesAsync(v, "资格审查中");
        await ChangeAsync(id, a => a.PassQualification(app.Clock.GetUtcNow()));
        await SeesAsync(v, "资格审查通过", "等待资料评审");
        var details = PageClient.Text(await v.Organisation.GetAsync($"/Applications/Details/{id}"));
        Assert.Contains("资格审查结论", details);
        Assert.DoesNotContain("撤回申报", details);

        await app.WithDbAsync(async db =>
        {
            db.Add(new ExpertGroup(await CycleIdAsync(db), id, ReviewStage.Document, null, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await SeesAsync(v, "资料评审中");

        var other = await AssignmentTestKit.QualifiedAsync(app, "进度乙未入围有限公司");
        await ShortlistAsync([(id, true), (other, false)]);
        await SeesAsync(v, "入围现场评审");
        Assert.Contains("未入围", PageClient.Text(await v.Office.GetAsync($"/Applications/Details/{other}")));

        await AwardPipelineKit.ApprovedVisitAsync(app, id, 600m, 620m);
        await SeesAsync(v, "综合评价中", "等待评审委员会综合评价");
        await AwardPipelineKit.RecommendAsync(app, [id]);
        await SeesAsync(v, "综合评价中", "等待公示");
        // Not shortlisted stays 未入围 when the recommended list of its category is final: it never reached 综合评价.
        Assert.Equal("未入围", (await v.Office.GetAsync($"/Applications/Details/{other}")).QuerySelector("#standing")?.TextContent);

        var noticeId = await PublicNoticeKit.PublishAsync(app, v.Office, new DateOnly(2026, 12, 1));
        await SeesAsync(v, "公示中", "公示期：2026年12月1日至2026年12月9日");
        PublicNoticeKit.SetChinaTime(app, 2026, 12, 10, 9, 0);
        // The sessions of two weeks ago have expired: everyone signs in again.
        v = new Viewers(id, await Cast.SignInAsync(app, applicant), await Cast.SignInAsync(app, recommender),
            await PublicNoticeKit.OfficeAsync(app));
        await SeesAsync(v, "公示期满", "等待提交审定委员会审定");

        await app.WithDbAsync(async db =>
        {
            db.Add(new ApprovalRound(await CycleIdAsync(db), noticeId,
                [new ApprovalItem { ApplicationId = id, OrganizationName = "进度甲制造有限公司", Category = AwardCategory.Enterprise }],
                app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await SeesAsync(v, "审定中");

        await AwardPipelineKit.AwardAsync(app, [id]);
        await SeesAsync(v, "已获奖");
        details = PageClient.Text(await v.Organisation.GetAsync($"/Applications/Details/{id}"));
        foreach (var step in new[] { "提交申报", "推荐单位出具推荐意见", "资料评审开始", "入围评议结果确定", "现场评审报告确认", "综合评价结果确定", "公示", "授予全国用户满意标杆" })
            Assert.Contains(step, details);
        Assert.DoesNotContain("撤回申报", details);
        Assert.DoesNotContain("如需重新申报", PageClient.Text(await v.Organisation.GetAsync("/Applications")));
    }

    [Fact]
    public async Task A_qualified_application_cannot_be_withdrawn_and_the_refusal_says_why_in_chinese()
    {
        var id = await AssignmentTestKit.QualifiedAsync(app, "进度丙撤回有限公司");
        var error = await Assert.ThrowsAsync<Biaogan.Web.Infrastructure.Errors.DomainRuleException>(() => app.WithDbAsync(async db =>
        {
            var a = await db.Set<Application>().FirstAsync(x => x.Id == id);
            a.Withdraw("不想参加了", app.Clock.GetUtcNow());
        }));
        Assert.Contains("资格审查已结束", error.Message);
        Assert.Contains("活动办公室", error.Message);
    }

    private async Task SeesAsync(Viewers v, string status, string? next = null)
    {
        foreach (var (who, client) in new[] { ("组织", v.Organisation), ("推荐单位", v.Body), ("办公室", v.Office) })
        {
            var page = await client.GetAsync($"/Applications/Details/{v.Id}");
            Assert.True(page.QuerySelector("#standing")?.TextContent == status,
                $"{who}看到的状态是“{page.QuerySelector("#standing")?.TextContent}”，应为“{status}”");
            if (next is not null) Assert.Contains(next, page.QuerySelector("#next-step")?.TextContent ?? "");
        }
        Assert.Contains(status, RowText(await v.Organisation.GetAsync("/Applications"), v.Id));
        Assert.Contains(status, RowText(await v.Office.GetAsync("/Applications"), v.Id));
        Assert.Contains(status, RowText(await v.Body.GetAsync("/Recommendations"), v.Id));
    }

    private static string RowText(AngleSharp.Dom.IDocument page, Guid id) =>
        page.QuerySelectorAll("tr").FirstOrDefault(r => r.InnerHtml.Contains(id.ToString()))?.TextContent ?? "（列表中没有该申报）";

    private Task ChangeAsync(Guid id, Action<Application> change) => app.WithDbAsync(async db =>
    {
        change(await db.Set<Application>().FirstAsync(a => a.Id == id));
        await db.SaveChangesAsync();
    });

    private static Task<Guid> CycleIdAsync(Biaogan.Web.Infrastructure.Data.AppDbContext db) =>
        db.Set<Cycle>().Where(c => c.Status == CycleStatus.Open).Select(c => c.Id).FirstAsync();

    private Task ShortlistAsync(IReadOnlyList<(Guid Id, bool Selected)> entries) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        var decision = new ShortlistDecision(await CycleIdAsync(db), AwardCategory.Enterprise, now);
        decision.Record(entries.Select(e => new ShortlistEntry
        {
            ApplicationId = e.Id, Selected = e.Selected, VotesFor = e.Selected ? 5 : 1, VotesAgainst = e.Selected ? 0 : 4,
            Reason = e.Selected ? "资料评审成绩优秀，进入现场评审。" : "资料评审成绩未达到入围水平。",
        }).ToList(), now);
        decision.Finalise("office", now);
        db.Add(decision);
        await db.SaveChangesAsync();
    });
}
