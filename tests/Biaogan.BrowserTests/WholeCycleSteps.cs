using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// The click-only steps of <see cref="WholeCycleJourneyTests"/>: each starts where the person already is (usually 我的待办
/// or a page reached from it) and moves on by links, menus and buttons only.
/// </summary>
public partial class WholeCycleJourneyTests
{
    /// <summary>Signs in through the real login page and checks that the person lands on 我的待办.</summary>
    private async Task<IPage> SignInAsync(Persona who)
    {
        var page = await app.SignedInPageAsync(who);
        await Nav.ToAsync(page, "**/Progress/Todo");
        return page;
    }

    /// <summary>The registered organisation's user as a persona, for signing in again after the clock moved.</summary>
    private static Persona AccountsPersona(string email) => new("", Org, email, AccountsTestKit.NewPassword, null, null, null);

    /// <summary>From the home page: 注册, fill in, confirm the e-mail by its link, 登录; returns the e-mail. Ends on 我的待办.</summary>
    private async Task<string> RegisterAsync(IPage page)
    {
        await page.GotoAsync("/", Nav.Goto);
        await page.ClickAsync("header a:text-is('注册')");
        await Nav.ToAsync(page, "**/Account/Register**");
        var email = AccountsTestKit.NewEmail("cycle");
        foreach (var (field, value) in AccountsTestKit.OrganizationRegistration(Cast.NextUscc(), email, Org))
        {
            var id = "#" + field.Replace('.', '_');
            if (await page.Locator($"select{id}").CountAsync() > 0) await page.SelectOptionAsync(id, value ?? "");
            else await page.FillAsync(id, value ?? "");
        }
        await app.ScreenshotAsync(page, "journey-01-register");
        await page.ClickAsync("main button[type=submit].btn");
        await Nav.ToAsync(page, "**/Account/CheckEmail**");
        // The person opens the link in the confirmation e-mail.
        await page.GotoAsync(Messages.LinkIn(await Messages.LatestMailAsync(app, email, DefaultTemplates.ConfirmEmail)), Nav.Goto);
        await page.ClickAsync("header a:text-is('登录')");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", AccountsTestKit.NewPassword);
        await page.ClickAsync("main button[type=submit].btn");
        await Nav.ToAsync(page, "**/Progress/Todo");
        return email;
    }

    /// <summary>From 我的待办: 我的申报 → 新建申报, every tab of the form, 查看与提交 → 提交. Returns the application's id.</summary>
    private async Task<Guid> ApplyAsync(IPage page, Guid recommendingBodyId)
    {
        await page.ClickAsync("#todo-applicant a:has-text('我的申报')");
        await page.ClickAsync("main form button:has-text('新建申报')");
        await Nav.ToAsync(page, new Regex("/Applications/Edit/[0-9a-f-]{36}$"));
        var id = Guid.Parse(new Uri(page.Url).Segments.Last());
        await page.CheckAsync("input[name='Input.Category'][value='Enterprise']");
        await SaveAsync(page);

        await TabAsync(page, "申报条件");
        await page.FillAsync("#Input_QmsCertificateNumber", "00126Q30001R3L");
        await page.FillAsync("#Input_QmsCertificationBody", "中国质量认证中心");
        await page.FillAsync("#Input_QmsScope", "智能装备的设计、生产和服务");
        await page.FillAsync("#Input_QmsExpiry", "2028-12-31");
        string[] indices = ["82.4", "84.0", "86.1"];
        for (var i = 0; i < 3; i++)
        {
            await page.FillAsync($"#Input_Measurements_{i}__Body", "华信满意度测评中心");
            await page.FillAsync($"#Input_Measurements_{i}__BodyQualification", "CAQ-测评-2019-016");
            await page.FillAsync($"#Input_Measurements_{i}__Method", "GB/T 19038-2009、GB/T 19039-2009");
            await page.FillAsync($"#Input_Measurements_{i}__SampleSize", "1500");
            await page.FillAsync($"#Input_Measurements_{i}__Index", indices[i]);
            await page.SetInputFilesAsync($"#report-{i}", File($"测评报告{i + 1}.pdf"));
        }
        await page.CheckAsync("#Input_DeclaresNoMajorAccident");
        await page.CheckAsync("#Input_DeclaresNoMajorComplaint");
        await page.CheckAsync("#Input_DeclaresNoSeriousViolation");
        await page.SetInputFilesAsync("#declaration-file", File("声明书.pdf"));
        await SaveAsync(page);
        await app.ScreenshotAsync(page, "journey-02-conditions");

        await TabAsync(page, "自我评价报告");
        var sections = await page.Locator("textarea[id^='section-']").CountAsync();
        Assert.Equal(6, sections);
        for (var i = 0; i < sections; i++) await page.FillAsync($"#section-{i}", SelfEvaluationText(i));
        await SaveAsync(page);

        await TabAsync(page, "证实性材料");
        await page.FillAsync("#title-0", "用户投诉处理制度");
        await page.SetInputFilesAsync("#evidence-0", File("用户投诉处理制度.pdf"));
        await page.ClickAsync("#upload-form button[type=submit]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("用户投诉处理制度.pdf");

        await TabAsync(page, "推荐单位");
        await page.CheckAsync($"#body-{recommendingBodyId}");
        await SaveAsync(page);

        await TabAsync(page, "查看与提交");
        await page.ClickAsync("#submit-form button");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("申报已提交");
        await app.ScreenshotAsync(page, "journey-04-submitted");
        return id;
    }

    private static async Task TabAsync(IPage page, string title)
    {
        await page.ClickAsync($"nav.tabs a:text-is('{title}')");
        await Assertions.Expect(page.Locator("nav.tabs a.active, main h1").First).ToBeVisibleAsync();
    }

    private static async Task SaveAsync(IPage page)
    {
        await page.ClickAsync("main form button.btn:text-is('保存')");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("已保存");
    }

    /// <summary>An office menu of the top bar (grouped by stage): opens <paramref name="group"/> and clicks <paramref name="link"/>.</summary>
    private static async Task MenuAsync(IPage office, string group, string link)
    {
        var menu = office.Locator("details.nav-more", new() { Has = office.Locator($"summary:text-is('{group}')") });
        await menu.Locator("summary").ClickAsync();
        await FollowAsync(office, menu.Locator($"a:text-is('{link}')"));
    }

    /// <summary>Clicks a link and waits until the browser's address is the link's (see <see cref="Nav"/> for why not a load event).</summary>
    private static async Task FollowAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("链接没有 href。");
        await link.ClickAsync();
        await Nav.ToPathAsync(page, href);
    }

    /// <summary>The office goes back to 我的待办 and opens the item titled <paramref name="item"/>.</summary>
    private static async Task OfficeTodoAsync(IPage office, string item)
    {
        await office.ClickAsync("nav a[href='/Progress/Todo']");
        await FollowAsync(office, office.Locator($"#todo-office a:has-text('{item}')").First);
    }

    /// <summary>The application's status in the 我的待办 table of <paramref name="section"/> (申报组织 or 推荐单位).</summary>
    private static async Task<string> StatusOnTodoAsync(IPage page, string section)
    {
        await page.ClickAsync("nav a[href='/Progress/Todo']");
        await Nav.ToAsync(page, "**/Progress/Todo");
        return (await page.Locator($"{section} tbody tr", new() { HasText = Org }).Locator(".badge").InnerTextAsync()).Trim();
    }

    private static Task<string> OwnStatusAsync(IPage org) => StatusOnTodoAsync(org, "#todo-applicant");

    /// <summary>The status on the office's 全部申报 list.</summary>
    private static async Task<string> OfficeStatusAsync(IPage office)
    {
        await MenuAsync(office, "申报与资格", "全部申报");
        return (await office.Locator("main tbody tr", new() { HasText = Org }).Locator(".badge").First.InnerTextAsync()).Trim();
    }

    /// <summary>The status is <paramref name="expected"/> for the organisation, its recommending body and the office alike.</summary>
    private static async Task ExpectStatusAsync(string expected, IPage org, IPage body, IPage office)
    {
        Assert.Equal(expected, await OwnStatusAsync(org));
        Assert.Equal(expected, await StatusOnTodoAsync(body, "#todo-recommender"));
        Assert.Equal(expected, await OfficeStatusAsync(office));
    }

    /// <summary>On 专家组分配 (either stage): solve, open the plan, apply it.</summary>
    private static async Task SolveAndApplyAsync(IPage office)
    {
        await office.CheckAsync("input[name=Kind][value=Full]");
        await office.FillAsync("#TimeLimitSeconds", "5");
        await office.ClickAsync("button:has-text('开始求解')");
        await Nav.ToAsync(office, new Regex("/Assignment/Jobs/[0-9a-f-]{36}$"));
        await office.Locator("#job-actions a").WaitForAsync(new() { Timeout = 120_000 });
        await office.ClickAsync("#job-actions a");
        await Nav.ToAsync(office, new Regex("/Assignment/Plans/[0-9a-f-]{36}$"));
        if (await office.Locator("#Reason").CountAsync() > 0) await office.FillAsync("#Reason", "评审员人数有限，按现有人员组建专家组。");
        await office.ClickAsync("button:has-text('执行方案')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("方案已执行");
    }

    /// <summary>A reviewer signs in, signs the declaration from 我的待办, reads the application and submits the score sheet.</summary>
    private async Task<IPage> ScoreFromTodoAsync(TestReviewer reviewer, Guid appId, Func<int, int> percent)
    {
        var page = await SignInAsync(reviewer.Persona);
        await page.ClickAsync("#todo-reviewer a:has-text('签署承诺与利益冲突声明')");
        await Nav.ToAsync(page, "**/Conflicts/Declare/**");
        await Assertions.Expect(page.Locator("#org-name")).ToHaveTextAsync(Org);
        await page.Locator("#sign-form input[name=Accept]").CheckAsync();
        await page.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#declared")).ToContainTextAsync("签署声明和保密承诺");
        await page.ClickAsync("a:has-text('查阅申报材料并评分')");
        await Nav.ToAsync(page, $"**/DocumentReview/Sheet/{appId}");
        await page.ClickAsync("a:has-text('查看申报材料')");
        await Nav.ToAsync(page, $"**/DocumentReview/Application/{appId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Org);
        await page.ClickAsync("main a:has-text('填写独立评分表')");
        await Nav.ToAsync(page, $"**/DocumentReview/Sheet/{appId}");
        var selects = await page.Locator("select[id^='pct-']").AllAsync();
        Assert.NotEmpty(selects);
        for (var i = 0; i < selects.Count; i++) await selects[i].SelectOptionAsync(percent(i).ToString());
        await page.ClickAsync("button[data-add-row='Strengths-0']");
        var last = page.Locator("#Strengths-0 tbody tr").Last;
        await last.Locator("textarea").FillAsync(GroupStrength);
        await last.Locator("select").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await last.Locator("input").FillAsync("3-5");
        await page.ClickAsync("button:has-text('提交评分表')");
        await Assertions.Expect(page.Locator(".badge", new() { HasText = "已提交" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// 第九条: the office follows the link under the list to the stage work report and generates it; the committee member
    /// finds it on 我的待办 and agrees.
    /// </summary>
    private async Task DeliberateStageReportAsync(IPage office, IPage member, string stage)
    {
        await office.ClickAsync("#stage-report-link a");
        await Nav.ToAsync(office, "**/StageReports**");
        await office.Locator("form[action*='handler=Generate'] button").ClickAsync();
        await Assertions.Expect(office.Locator("#report-status")).ToContainTextAsync("审议中");
        await member.ClickAsync("nav a[href='/Progress/Todo']");
        await member.ClickAsync($"#todo-committee a:has-text('待审议：{stage}')");
        await member.Locator("input[name=Agreed][value=true]").CheckAsync();
        await member.ClickAsync("button:has-text('提交审议意见')");
        await Assertions.Expect(member.Locator("#report-status")).ToContainTextAsync("审议已完成");
        await app.ScreenshotAsync(member, $"cycle-stage-report-{(stage == "资料评审" ? "document" : "onsite")}");
    }

    /// <summary>A reviewer signs the on-site declaration from 我的待办 and enters the visit.</summary>
    private static async Task DeclareOnSiteFromTodoAsync(IPage reviewer)
    {
        await reviewer.ClickAsync("nav a[href='/Progress/Todo']");
        await reviewer.ClickAsync("#todo-reviewer a:has-text('签署承诺与利益冲突声明')");
        await Nav.ToAsync(reviewer, "**/Conflicts/Declare/**");
        await reviewer.Locator("#sign-form input[name=Accept]").CheckAsync();
        await reviewer.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(reviewer.Locator("#declared")).ToBeVisibleAsync();
        await reviewer.ClickAsync("a:has-text('进入现场评审')");
        await Nav.ToAsync(reviewer, "**/OnSite/Visit/**");
    }

    private static async Task OpenVisitFromTodoAsync(IPage reviewer)
    {
        await reviewer.ClickAsync("nav a[href='/Progress/Todo']");
        await reviewer.ClickAsync("#todo-reviewer a:has-text('现场评审：')");
        await Nav.ToAsync(reviewer, "**/OnSite/Visit/**");
    }

    /// <summary>The 组长, on the visit's page, proposes two days, the site and a two-line agenda.</summary>
    private static Task ProposeScheduleAsync(IPage leader) =>
        OnSiteSteps.ProposeScheduleHereAsync(leader, "2026-11-24", "2026-11-25", "浙江省宁波市鄞州区明远路8号 公司总部");

    /// <summary>双向反馈 from the top bar's menu: rates the row naming <paramref name="whom"/> 5 on every question.</summary>
    private static async Task RateAsync(IPage page, string whom, string comments)
    {
        await page.ClickAsync("nav a:text-is('双向反馈')");
        await page.Locator("tr", new() { HasText = whom }).Locator("a:has-text('评价')").ClickAsync();
        foreach (var fieldset in await page.Locator("fieldset.rating").AllAsync())
            await fieldset.Locator("input[type=radio][value='5']").CheckAsync();
        await page.FillAsync("#Comments", comments);
        await page.ClickAsync("button:has-text('提交评价')");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("评价已反馈给活动办公室并锁定");
    }

    /// <summary>On 公示与异议: drafts the notice from the recommended list starting today, previews and publishes.</summary>
    private static Task PublishNoticeAsync(IPage office) => PublicNoticeSteps.PublishNoticeHereAsync(office, new DateOnly(2026, 11, 27));

    /// <summary>On the public notice page: 在线提出异议 against the organisation; returns the receipt number.</summary>
    private async Task<string> LodgeObjectionAsync(IPage page)
    {
        await page.ClickAsync("text=在线提出异议");
        var value = await page.Locator("#Input_ApplicationId option", new() { HasTextString = Org }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#Input_ApplicationId", value!);
        await page.CheckAsync("#kind-individual");
        await page.FillAsync("#Input_Name", "陈建华");
        await page.FillAsync("#Input_IdLast4", "123X");
        await page.FillAsync("#Input_Phone", "13812345678");
        await page.FillAsync("#Input_Grounds", PublicNoticeKit.DefaultGrounds);
        await page.CheckAsync("input[name='Input.Declaration']");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.ClickAsync("form.public-form button.btn");
        await Nav.ToAsync(page, "**/Public/Notice/Lodged");
        return (await page.InnerTextAsync(".receipt-number")).Trim();
    }

    private static FilePayload File(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = Pdf };

    private static string SelfEvaluationText(int section) =>
        $"第{section + 1}部分：本组织坚持以用户为中心的经营理念，建立了覆盖售前、售中、售后的用户满意管理体系。"
        + "高层领导每季度主持用户满意专题会议，逐项审视投诉和测评结果，并将用户满意指标纳入各级管理者考核。"
        + "近三年用户满意度指数持续上升，投诉率下降三成以上，改进项目均已闭环，相关数据见证实性材料。";
}
