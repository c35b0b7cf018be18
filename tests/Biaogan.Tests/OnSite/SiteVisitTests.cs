using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.DocumentReview;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.OnSite;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.OnSite;

/// <summary>现场评审 over HTTP: the visit from the consensus, the schedule, 待核实问题, approvals, the report and who may see it.</summary>
public class SiteVisitTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_creates_the_visit_from_the_agreed_document_consensus()
    {
        var world = await OnSiteTestKit.VisitAsync(app, "甲", percent: 60);
        var visit = await OnSiteTestKit.LoadAsync(app, world.ApplicationId);
        var items = await ItemsAsync();
        Assert.Equal(SiteVisitStatus.Planning, visit.Status);
        Assert.Equal(items.Select(i => i.Code), visit.Items.Select(i => i.ItemCode));
        Assert.All(visit.Items, i => Assert.Equal((60, (int?)null), (i.DocumentPercent!.Value, i.Percent)));
        var page = await world.Office.GetAsync($"/OnSite?cycleId={world.CycleId}");
        Assert.Contains(world.Organization, PageClient.Text(page));
        Assert.Contains("筹备中", PageClient.Text(page));
    }

    [Fact]
    public async Task The_leader_proposes_the_schedule_the_organisation_asks_for_a_change_then_agrees_and_the_visit_starts()
    {
        var world = await OnSiteTestKit.VisitAsync(app, "乙");
        var leader = await Cast.SignInAsync(app, world.Leader.Persona);
        var proposed = await leader.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>
        {
            ["StartDate"] = "2027-04-12", ["EndDate"] = "2027-04-13", ["SitesText"] = "北京市海淀区中关村大街1号\n天津市滨海新区第二工厂",
            ["Agenda[0].Time"] = "第一天 09:00—09:30", ["Agenda[0].Activity"] = "首次会议", ["Agenda[0].Participants"] = "专家组全体、组织高层领导",
            ["Agenda[1].Time"] = "第二天 15:00—16:00", ["Agenda[1].Activity"] = "末次会议", ["Agenda[1].Participants"] = "专家组全体",
        }, formSelector: "form[action*='handler=Schedule']");
        Assert.Empty(proposed.Errors);
        Assert.Equal(1, await OutboxAsync(DefaultTemplates.OnSiteScheduleProposed, world.Applicant.Email));

        var org = await Cast.SignInAsync(app, world.Applicant);
        var details = PageClient.Text(await org.GetAsync($"/Applications/Details/{world.ApplicationId}"));
        Assert.Contains("查看并确认日程", details);
        var changed = await org.SubmitAsync($"/OnSite/Schedule/{world.ApplicationId}", new Dictionary<string, string?>
        {
            ["Comment"] = "4月12日公司有股东大会，请改到4月14日至15日。",
        }, formSelector: "form[action*='handler=Change']");
        Assert.Empty(changed.Errors);
        var visit = await OnSiteTestKit.LoadAsync(app, world.ApplicationId);
        Assert.Equal((ScheduleStatus.ChangeRequested, SiteVisitStatus.Planning), (visit.ScheduleStatus, visit.Status));
        Assert.Equal(1, await OutboxAsync(DefaultTemplates.OnSiteScheduleChangeRequested, world.Leader.Persona.Email));

        var again = await leader.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>
        {
            ["StartDate"] = "2027-04-14", ["EndDate"] = "2027-04-15",
        }, formSelector: "form[action*='handler=Schedule']");
        Assert.Empty(again.Errors);
        var agreed = await org.SubmitAsync($"/OnSite/Schedule/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=Agree']");
        Assert.Empty(agreed.Errors);
        visit = await OnSiteTestKit.LoadAsync(app, world.ApplicationId);
        Assert.Equal((ScheduleStatus.Agreed, SiteVisitStatus.InProgress), (visit.ScheduleStatus, visit.Status));
        Assert.Equal((new DateOnly(2027, 4, 14), 2, 2), (visit.StartDate!.Value, visit.Sites.Count, visit.Agenda.Count));
        Assert.Equal(1, await OutboxAsync(DefaultTemplates.OnSiteScheduleAgreed, world.Member.Persona.Email));
        Assert.Equal(1, await OutboxAsync(DefaultTemplates.OnSiteScheduleAgreed, world.Applicant.Email));
    }

    [Fact]
    public async Task Closing_an_issue_with_a_score_change_updates_the_item_and_the_leader_cannot_approve_while_an_issue_is_open()
    {
        var world = await OnSiteTestKit.VisitAsync(app, "丙", percent: 60);
        var items = await ItemsAsync();
        var (first, second) = (items[0].Code, items[1].Code);
        foreach (var code in new[] { first, second })
        {
            var raised = await world.Office.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>
            {
                ["ItemCode"] = code, ["Question"] = $"核实条目{code}顾客投诉处理闭环的实际运行记录。",
            }, formSelector: "form[action*='handler=Raise']:not(.card)");
            Assert.Empty(raised.Errors);
        }
        await OnSiteTestKit.StartAsync(app, world);
        var issues = (await OnSiteTestKit.LoadAsync(app, world.ApplicationId)).Issues;

        var member = await Cast.SignInAsync(app, world.Member.Persona);
        var closed = await member.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>
        {
            ["Outcome"] = "ScoreChanged", ["ToPercent"] = "80", ["InterviewNotes"] = "访谈客服中心主任，投诉48小时闭环率98%。",
            ["DocumentNotes"] = "查阅2025年投诉台账及回访记录。",
        }, formSelector: $"#issue-{issues[0].Id} form[action*='handler=Close']");
        Assert.Empty(closed.Errors);
        var visit = await OnSiteTestKit.LoadAsync(app, world.ApplicationId);
        Assert.Equal((IssueOutcome.ScoreChanged, 60, 80), (visit.Issues[0].Outcome!.Value, visit.Issues[0].FromPercent!.Value, visit.Issues[0].ToPercent!.Value));
        Assert.Equal(80, visit.Item(first)!.Percent);

        var leader = await Cast.SignInAsync(app, world.Leader.Persona);
        var saved = await leader.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>
        {
            ["Opinion"] = "该组织以用户为中心的理念在各层级得到落实。", ["ProblemsText"] = "部分门店回访记录不完整\n满意度测评样本覆盖不足",
        }, formSelector: "form[action*='handler=Record']");
        Assert.Empty(saved.Errors);
        var refused = await leader.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=LeaderApprove']");
        Assert.Contains(refused.Errors, e => e.Contains("待核实问题"));
        Assert.Equal(SiteVisitStatus.InProgress, (await OnSiteTestKit.LoadAsync(app, world.ApplicationId)).Status);

        var verified = await leader.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>
        {
            ["Outcome"] = "Verified", ["InterviewNotes"] = "访谈分管副总经理，说明与申报材料一致。",
        }, formSelector: $"#issue-{issues[1].Id} form[action*='handler=Close']");
        Assert.Empty(verified.Errors);
        var approved = await leader.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=LeaderApprove']");
        Assert.Empty(approved.Errors);
        visit = await OnSiteTestKit.LoadAsync(app, world.ApplicationId);
        Assert.Equal(SiteVisitStatus.LeaderApproved, visit.Status);
        Assert.Equal(2, visit.ProblemList.Count);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>()
            .AnyAsync(m => m.TemplateKey == DefaultTemplates.OnSiteLeaderApproved && m.Subject.Contains(world.Organization))));
    }

    [Fact]
    public async Task The_office_approval_computes_both_scores_and_the_organisation_gets_the_report_only_after_release()
    {
        var world = await OnSiteTestKit.VisitAsync(app, "丁", percent: 60);
        await OnSiteTestKit.StartAsync(app, world);
        var items = await ItemsAsync();
        var leader = await Cast.SignInAsync(app, world.Leader.Persona);
        var api = await leader.ApiAsync();
        var recorded = await api.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/record", new
        {
            items = items.Select((i, n) => new { itemCode = i.Code, percent = (int?)(n == 0 ? 40 : 60), reason = n == 0 ? "现场查看未见投诉分析改进的记录。" : "" }),
            opinion = "现场核实情况与申报材料总体一致。", problems = new[] { "投诉分析未形成改进闭环" },
        });
        recorded.EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/leader-approval", new { })).EnsureSuccessStatusCode();

        var org = await Cast.SignInAsync(app, world.Applicant);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Http.GetAsync($"/OnSite/Report/{world.ApplicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Http.GetAsync($"/api/onsite/visits/{world.ApplicationId}/report")).StatusCode);

        var approved = await world.Office.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=OfficeApprove']");
        Assert.Empty(approved.Errors);
        var visit = await OnSiteTestKit.LoadAsync(app, world.ApplicationId);
        var document = items.Sum(i => i.Points * 60m / 100m);
        var onSite = document - items[0].Points * 20m / 100m;
        Assert.Equal((document, onSite), (visit.DocumentScore!.Value, visit.OnSiteScore!.Value));
        var results = await app.WithDbAsync(db => OnSiteResults.ApprovedAsync(db, world.CycleId));
        Assert.Equal(onSite, results[world.ApplicationId].OnSiteScore);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Http.GetAsync($"/OnSite/Report/{world.ApplicationId}")).StatusCode);

        var released = await world.Office.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=Release']");
        Assert.Empty(released.Errors);
        Assert.Equal(1, await OutboxAsync(DefaultTemplates.OnSiteReportReleased, world.Applicant.Email));
        var pdf = await org.Http.GetAsync($"/OnSite/Report/{world.ApplicationId}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfWriterTests.PdfToText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("现场评审报告", text);
        Assert.Contains(world.Organization, text);
        Assert.Contains("投诉分析未形成改进闭环", text);
        Assert.Contains(world.Leader.Name, text);
        Assert.Contains("下载现场评审报告", PageClient.Text(await org.GetAsync($"/Applications/Details/{world.ApplicationId}")));
    }

    [Fact]
    public async Task The_office_returns_an_approved_report_with_a_reason_and_the_team_is_told()
    {
        var world = await OnSiteTestKit.VisitAsync(app, "戊", percent: 50);
        await OnSiteTestKit.StartAsync(app, world);
        var leader = await (await Cast.SignInAsync(app, world.Leader.Persona)).ApiAsync();
        (await leader.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/record", new
        {
            items = (await ItemsAsync()).Select(i => new { itemCode = i.Code, percent = (int?)50, reason = "" }), opinion = "总体符合。",
        })).EnsureSuccessStatusCode();
        (await leader.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/leader-approval", new { })).EnsureSuccessStatusCode();
        var returned = await world.Office.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>
        {
            ["Reason"] = "请补充存在的问题。",
        }, formSelector: "form[action*='handler=Return']");
        Assert.Empty(returned.Errors);
        Assert.Equal(SiteVisitStatus.InProgress, (await OnSiteTestKit.LoadAsync(app, world.ApplicationId)).Status);
        Assert.Equal(1, await OutboxAsync(DefaultTemplates.OnSiteReturned, world.Member.Persona.Email));
    }

    [Fact]
    public async Task A_reviewer_outside_the_team_an_undeclared_member_and_another_organisation_get_404()
    {
        var world = await OnSiteTestKit.VisitAsync(app, "己");
        var outsider = await AssignmentTestKit.ReviewerAsync(app, "己局外评审员", "己局外单位");
        var undeclared = await AssignmentTestKit.ReviewerAsync(app, "己待声明评审员", "己待声明单位");
        await app.WithDbAsync(async db =>
        {
            var group = await db.Set<Web.Features.Assignment.ExpertGroup>()
                .FirstAsync(g => g.ApplicationId == world.ApplicationId && g.Stage == Web.Features.Assignment.ReviewStage.OnSite);
            db.Add(group.Seat(undeclared.ProfileId, Web.Features.Assignment.GroupRole.Member, null, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var other = await Cast.ApplicantAsync(app, "己其他申报组织");
        foreach (var persona in new[] { outsider.Persona, undeclared.Persona, other })
        {
            var client = await Cast.SignInAsync(app, persona);
            foreach (var url in new[] { $"/OnSite/Visit/{world.ApplicationId}", $"/OnSite/Schedule/{world.ApplicationId}", $"/OnSite/Report/{world.ApplicationId}",
                         $"/api/onsite/visits/{world.ApplicationId}", $"/api/onsite/visits/{world.ApplicationId}/schedule" })
                Assert.True((await client.Http.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"{persona.Name} {url}");
        }
        var member = await Cast.SignInAsync(app, world.Member.Persona);
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync($"/OnSite/Report/{world.ApplicationId}")).StatusCode);
        var tasks = PageClient.Text(await member.GetAsync("/Assignment/Mine"));
        Assert.Contains("现场评审", tasks);
        var org = await (await Cast.SignInAsync(app, world.Applicant)).ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await org.GetAsync($"/api/onsite/visits/{world.ApplicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await org.GetAsync($"/api/onsite/visits/{world.ApplicationId}/schedule")).StatusCode);
    }

    private Task<List<ItemNode>> ItemsAsync() => app.WithDbAsync(async db =>
    {
        var cycle = await db.Set<Web.Features.Cycles.Cycle>().FirstAsync(c => c.Status == Web.Features.Cycles.CycleStatus.Open);
        return (await db.Set<CriteriaVersion>().FirstAsync(v => v.Key == cycle.StandardCode)).Document.Items.ToList();
    });

    private Task<int> OutboxAsync(string template, string email) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.TemplateKey == template && m.ToAddress == email));
}
