using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Demo;
using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// One governed process (issue 11): a single cycle from 申报 to the certificate in Chromium. Every person signs in, lands on
/// 我的待办 and reaches each action by clicking links and buttons only — no typed address after sign-in; the public visitor
/// starts from the site's home page. After every stage the application's status is read where the organisation, its
/// recommending body and the office see it. Only what is not part of the cycle is built (the open cycle and its rules,
/// the appointed reviewers, the committee members). Screenshots: cycle-NN-….
/// </summary>
public partial class WholeCycleJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Org = "明远智能制造有限公司";
    private const string GroupStrength = "建立了覆盖产品全生命周期的顾客之声收集渠道";
    private static readonly byte[] Pdf = DemoPdf.Create("Biaogan whole-cycle journey");

    [Fact(Timeout = 600_000)]
    public async Task Every_role_works_one_cycle_from_its_todo_page_from_application_to_a_verified_certificate()
    {
        await AssignmentTestKit.CycleAsync(app, groupSize: 2);
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.OnSiteGroupSize = 2);
        var recommenderPersona = await Cast.RecommenderAsync(app, "华东地区质量协会（旅程）");
        var officePersona = await Cast.OfficeAsync(app);
        var leaderReviewer = await AssignmentTestKit.ReviewerAsync(app, "陈思远", "北京卓越质量咨询有限公司", "11", leader: true);
        var memberReviewer = await AssignmentTestKit.ReviewerAsync(app, "黄立群", "上海质量技术研究院", "31");
        var committeePersona = await RankingBuilders.CommitteeAsync(app, "吴振华");
        var approverPersona = await PublicNoticeKit.CommitteeMemberAsync(app, "周审定");

        // 1. 申报：从网站首页注册，确认邮箱，登录后从“我的待办”新建、填写并提交
        var org = await app.NewPageAsync();
        var email = await RegisterAsync(org);
        await app.ScreenshotAsync(org, "cycle-01-applicant-todo");
        var appId = await ApplyAsync(org, recommenderPersona.RecommendingBodyId!.Value);
        Assert.Equal("已提交", await OwnStatusAsync(org));

        // 2. 推荐
        var body = await SignInAsync(recommenderPersona);
        Assert.Equal("已提交", await StatusOnTodoAsync(body, "#todo-recommender"));
        await app.ScreenshotAsync(body, "cycle-02-recommender-todo");
        await body.ClickAsync("#todo-recommender a:has-text('待出具推荐意见的申报')");
        await app.ScreenshotAsync(body, "journey-05-recommendation-queue");
        await body.ClickAsync($"a[href='/Recommendations/Review/{appId}']");
        await body.FillAsync("#Opinion", "该组织长期践行以用户为中心的经营理念，用户满意度持续提升，同意推荐。");
        await body.SetInputFilesAsync("#Letter", File("推荐函.pdf"));
        await body.ClickAsync("#recommend-form button[type=submit]");
        await Assertions.Expect(body.Locator(".alert-success")).ToBeVisibleAsync();
        Assert.Equal("资格审查中", await StatusOnTodoAsync(body, "#todo-recommender"));

        // 3. 资格审查
        var office = await SignInAsync(officePersona);
        await app.ScreenshotAsync(office, "cycle-03-office-todo");
        await office.ClickAsync("#todo-office a:has-text('待资格审查的申报')");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync(Org);
        await app.ScreenshotAsync(office, "journey-07-qualification-queue");
        await office.Locator("tr", new() { HasText = Org }).Locator("a:has-text('审查')").ClickAsync();
        await app.ScreenshotAsync(office, "journey-08-qualification-review");
        await office.CheckAsync("input[name='Outcome'][value='Pass']");
        await office.ClickAsync("main form button:has-text('提交审查结论')");
        await Assertions.Expect(office.Locator(".alert-success")).ToBeVisibleAsync();
        await ExpectStatusAsync("资格审查通过", org, body, office);
        await org.ClickAsync($"#todo-applicant a[href='/Applications/Details/{appId}']");
        await Assertions.Expect(org.Locator("#standing")).ToHaveTextAsync("资格审查通过");
        await app.ScreenshotAsync(org, "journey-09-applicant-sees-result");

        // 4. 资料评审：办公室组建专家组；组员、组长从待办签署声明并评分；组长确认一致性评审结果
        await OfficeTodoAsync(office, "资格审查通过、待组建资料评审专家组的申报");
        await SolveAndApplyAsync(office);
        await ExpectStatusAsync("资料评审中", org, body, office);
        await ScoreFromTodoAsync(memberReviewer, appId, i => 60 + i % 3 * 5);
        var leader = await ScoreFromTodoAsync(leaderReviewer, appId, i => i == 0 ? 90 : 55 + i % 4 * 5);
        await leader.ClickAsync("main a:has-text('一致性评审')");
        await Nav.ToAsync(leader, $"**/DocumentReview/Consensus/{appId}");
        foreach (var box in await leader.Locator("input[type=checkbox][name$='.PickedStrengths'], input[type=checkbox][name$='.PickedOpportunities']").AllAsync())
            await box.CheckAsync();
        await leader.FillAsync("#c-s-0", GroupStrength);
        await leader.FillAsync("#summary", "专家组认为该组织顾客导向明确，测评结果的应用有待加强。");
        await leader.ClickAsync("button:has-text('确认一致性评审结果')");
        await Assertions.Expect(leader.Locator(".badge", new() { HasText = "已确认" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(leader, "cycle-04-consensus-agreed");

        // 5. 入围评议：办公室公开名称；委员从待办投票；办公室记录结果，生成资料评审阶段工作报告；委员审议；确定入围名单
        await MenuAsync(office, "评审", "入围评议");
        await office.ClickAsync("button:has-text('向评审委员会公开申报组织名称')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已向评审委员会公开");
        var committee = await SignInAsync(committeePersona);
        await committee.ClickAsync("#todo-committee a:has-text('入围评议待投票')");
        var row = committee.Locator("tr", new() { HasText = Org });
        await row.Locator("input[name=Select][value=true]").CheckAsync();
        await row.Locator("input[name=Reason]").FillAsync("一致性总分高，顾客导向明确，进入现场评审。");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(committee.Locator(".alert-success")).ToContainTextAsync("入围");
        await MenuAsync(office, "评审", "入围评议");
        var ours = office.Locator("#outcome-h ~ form tr", new() { HasText = Org });
        await Assertions.Expect(ours.Locator("input[type=checkbox]")).ToBeCheckedAsync();
        await ours.Locator("textarea").FillAsync("委员一致同意入围。");
        await office.ClickAsync("button:has-text('保存评议结果')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已保存评审委员会的评议结果");
        await DeliberateStageReportAsync(office, committee, "资料评审");
        await MenuAsync(office, "评审", "入围评议");
        await office.ClickAsync("button:has-text('确定入围名单')");
        await Assertions.Expect(office.Locator("#shortlist-status")).ToHaveTextAsync("入围名单已确定");
        await app.ScreenshotAsync(office, "cycle-05-shortlist-final");
        await ExpectStatusAsync("入围现场评审", org, body, office);

        // 6. 现场评审
        await OfficeTodoAsync(office, "入围现场评审、待组建现场评审专家组并建立现场评审记录的申报");
        await office.ClickAsync("a:has-text('进入专家组分配（现场评审）')");
        await SolveAndApplyAsync(office);
        await OfficeTodoAsync(office, "入围现场评审、待组建现场评审专家组并建立现场评审记录的申报");
        await office.ClickAsync("button:has-text('建立现场评审记录')");
        await Assertions.Expect(office.Locator(".alert-success, .alert-info").First).ToContainTextAsync("新建现场评审记录");
        var member = await app.SignedInPageAsync(memberReviewer.Persona);
        await DeclareOnSiteFromTodoAsync(leader);
        await DeclareOnSiteFromTodoAsync(member);
        await ProposeScheduleAsync(leader);
        await org.ClickAsync("nav a[href='/Progress/Todo']");
        await org.ClickAsync($"#todo-applicant a[href='/Applications/Details/{appId}']");
        await org.ClickAsync("#onsite-notice a");
        await Nav.ToAsync(org, $"**/OnSite/Schedule/{appId}");
        await org.ClickAsync("button:has-text('确认日程')");
        await Assertions.Expect(org.Locator("main .badge").First).ToHaveTextAsync("已确认");
        await app.ScreenshotAsync(org, "cycle-06-schedule-agreed");
        await ExpectStatusAsync("现场评审中", org, body, office);
        await OpenVisitFromTodoAsync(leader);
        await leader.ClickAsync("#doubts summary");
        await leader.Locator("#doubts form button:has-text('列为待核实问题')").First.ClickAsync();
        await Assertions.Expect(leader.Locator("#issues article")).Not.ToHaveCountAsync(0);
        await OpenVisitFromTodoAsync(member);
        var issue = member.Locator("#issues article:has(details)").First;
        await issue.Locator("summary").ClickAsync();
        await issue.Locator("input[name=Outcome][value=Verified]").CheckAsync();
        await issue.Locator("textarea[name=InterviewNotes]").FillAsync("访谈用户服务中心主任：投诉闭环流程与申报一致。");
        await issue.Locator("textarea[name=DocumentNotes]").FillAsync("查阅2025年投诉台账。");
        await issue.Locator("button:has-text('关闭该问题')").ClickAsync();
        await Assertions.Expect(member.Locator(".alert-success")).ToContainTextAsync("已记录核实结果");
        await OpenVisitFromTodoAsync(leader);
        await leader.FillAsync("#ProblemsText", "售后回访记录个别缺失");
        await leader.FillAsync("#Opinion", "以用户为中心的理念落实到位，现场核实情况与申报材料一致。");
        await leader.ClickAsync("button:has-text('保存现场评分和意见')");
        await Assertions.Expect(leader.Locator(".alert-success")).ToContainTextAsync("已保存");
        await leader.ClickAsync("button:has-text('组长确认现场评审报告')");
        await Assertions.Expect(leader.Locator("h1 .badge")).ToHaveTextAsync("组长已确认");
        await office.ClickAsync("nav a[href='/Progress/Todo']");
        await office.ClickAsync("#todo-office a:has-text('组长已确认、待办公室确认的现场评审报告')");
        await office.Locator("tr", new() { HasText = Org }).Locator("a:has-text('进入')").ClickAsync();
        await office.ClickAsync("button:has-text('活动办公室确认报告')");
        await Assertions.Expect(office.Locator("h1 .badge")).ToHaveTextAsync("办公室已确认");
        await office.ClickAsync("button:has-text('发送给申报组织')");
        await Assertions.Expect(office.Locator("h1 .badge")).ToHaveTextAsync("已发送组织");
        await app.ScreenshotAsync(office, "cycle-07-onsite-released");
        await ExpectStatusAsync("综合评价中", org, body, office);

        // 7. 双向反馈
        await RateAsync(org, leaderReviewer.Name, "组长提问专业，严守评审纪律。");
        await RateAsync(leader, Org, "组织配合积极，材料真实，未安排宴请。");

        // 8. 综合评价：委员从待办投票；办公室记录两个类别（服务类无推荐），委员审议现场评审阶段工作报告，确定推荐名单
        await committee.ClickAsync("nav a[href='/Progress/Todo']");
        await committee.ClickAsync("#todo-committee a:has-text('综合评价待投票')");
        var vote = committee.Locator("#evaluation-table tbody tr", new() { HasText = Org });
        await vote.Locator("input[name=Recommend][value=true]").CheckAsync();
        await vote.Locator("input[name=Reason]").FillAsync("资料评审与现场评审结果均优秀");
        await vote.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(committee.Locator(".alert-success")).ToContainTextAsync("已保存您的投票");
        await OfficeTodoAsync(office, "现场评审报告已确认、待记录综合评价结果的申报");
        await office.ClickAsync("main a:text-is('企业类')");
        var line = office.Locator("#evaluation-table tbody tr", new() { HasText = Org });
        await line.Locator("input[type=checkbox]").CheckAsync();
        await line.Locator("input[type=number]").FillAsync("1");
        await line.Locator("textarea").FillAsync("委员一致推荐");
        await office.ClickAsync("button:has-text('保存综合评价结果')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已保存综合评价结果");
        await office.ClickAsync("main a:text-is('服务类')");
        await office.FillAsync("#NoneReason", "本年度服务类无申报进入现场评审");
        await office.ClickAsync("button:has-text('保存综合评价结果')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已保存综合评价结果");
        await DeliberateStageReportAsync(office, committee, "现场评审");
        foreach (var category in new[] { "企业类", "服务类" })
        {
            await MenuAsync(office, "评审", "综合评价");
            await office.ClickAsync($"main a:text-is('{category}')");
            await office.ClickAsync("button:has-text('确定推荐名单')");
            await Assertions.Expect(office.Locator("#evaluation-status")).ToHaveTextAsync("推荐名单已确定");
        }
        await app.ScreenshotAsync(office, "cycle-08-evaluation-final");
        await ExpectStatusAsync("综合评价中", org, body, office);

        // 9. 公示：办公室发布；公众从首页进入公示、在手机上提出异议；办公室从待办办结
        await OfficeTodoAsync(office, "已列入推荐名单、待发布公示的申报");
        await PublishNoticeAsync(office);
        await ExpectStatusAsync("公示中", org, body, office);
        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/", Nav.Goto);
        await phone.ClickAsync("nav a:text-is('公示')");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(Org);
        var receipt = await LodgeObjectionAsync(phone);
        Assert.True(await AwardsSteps.FitsWidthAsync(phone), "异议回执在手机上出现横向滚动");
        await app.ScreenshotAsync(phone, "cycle-09-objection-phone");
        await office.ClickAsync("nav a[href='/Progress/Todo']");
        await office.ClickAsync("#todo-office a:has-text('未办结的公示异议')");
        await office.ClickAsync($"text={receipt}");
        await office.CheckAsync("input[name=Conclusion][value=Dismissed]");
        await office.FillAsync("#Finding", "经调阅相关记录并听取被异议组织答复，核实反映的投诉已按规定处理完毕。");
        await office.FillAsync("#Reason", "经核查，反映的投诉已按规定处理完毕，异议不成立。");
        await office.Locator("form[action*='handler=Conclude'] button").ClickAsync();
        await office.Locator(".alert-success").WaitForAsync();

        // 10. 审定（公示期满后）：办公室提交审定；审定委员会委员从待办投票；办公室记录并完成审定
        PublicNoticeKit.SetChinaTime(app, 2026, 12, 8, 9, 0);
        office = await SignInAsync(officePersona);
        org = await SignInAsync(AccountsPersona(email));
        body = await SignInAsync(recommenderPersona);
        await ExpectStatusAsync("公示期满", org, body, office);
        await OfficeTodoAsync(office, "公示期满、待提交审定委员会审定的申报");
        await office.Locator("form[action*='handler=Start'] button").ClickAsync();
        await office.Locator("text=评议中").WaitForAsync();
        await ExpectStatusAsync("审定中", org, body, office);
        var approver = await SignInAsync(approverPersona);
        await approver.ClickAsync("#todo-approval a:has-text('审定待投票的组织')");
        var item = approver.Locator("table tbody tr", new() { HasTextString = Org });
        await item.Locator("select[name=Choice]").SelectOptionAsync("Approve");
        await item.Locator("button").ClickAsync();
        await approver.Locator(".alert-success").WaitForAsync();
        await OfficeTodoAsync(office, "审定中、待记录审定结论的申报");
        var sets = office.Locator("form[action*='handler=Decide'] fieldset");
        for (var i = 0; i < await sets.CountAsync(); i++)
        {
            await sets.Nth(i).Locator("input[value=true]").CheckAsync();
            await sets.Nth(i).Locator("input[id^=reason-d]").FillAsync("审定委员会表决通过");
        }
        await office.Locator("form[action*='handler=Decide'] button").ClickAsync();
        await office.Locator(".alert-success").WaitForAsync();
        await office.Locator("form[action*='handler=Finalise'] button").ClickAsync();
        await Assertions.Expect(office.Locator(".alert-success", new() { HasTextString = "审定完成" })).ToContainTextAsync("YHMYBG-2026-001");
        await app.ScreenshotAsync(office, "cycle-10-approved");
        await office.ClickAsync("a:has-text('查看获奖名单公告')");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync(Org);
        await ExpectStatusAsync("已获奖", org, body, office);

        // 11. 证书：获奖组织从导航进入“标杆称号”下载；公众在手机上从首页进入证书核验
        await org.ClickAsync("nav a:text-is('标杆称号')");
        await Assertions.Expect(org.Locator("main")).ToContainTextAsync("第三十二条");
        Assert.Equal("%PDF-"u8.ToArray(), (await AwardsSteps.DownloadCertificateAsync(org))[..5]);
        await app.ScreenshotAsync(org, "cycle-11-certificate");
        var award = await app.WithDbAsync(db => db.Set<Award>().AsNoTracking().SingleAsync(a => a.ApplicationId == appId));
        await phone.GotoAsync("/", Nav.Goto);
        await phone.ClickAsync("nav a:text-is('证书核验')");
        await phone.FillAsync("#number", award.CertificateNumber);
        await phone.FillAsync("#code", award.VerificationCode);
        await phone.ClickAsync("button:has-text('核验')");
        Assert.Equal("证书真实有效", (await phone.Locator("#result-h").InnerTextAsync()).Trim());
        Assert.True(await AwardsSteps.FitsWidthAsync(phone));
        await app.ScreenshotAsync(phone, "cycle-12-verified-phone");
    }
}
