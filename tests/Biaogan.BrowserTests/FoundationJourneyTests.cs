using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Demo;
using Biaogan.Web.Features.Notifications;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// The whole foundation journey in Chromium: an organisation registers, fills in and uploads, submits; its
/// recommending body recommends with a stamped letter; the office passes the qualification review; the
/// organisation sees the result. Screenshots of every step are kept as test artifacts.
/// </summary>
public partial class FoundationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = DemoPdf.Create("Biaogan browser journey");

    [Fact(Timeout = 300_000)]
    public async Task An_organisation_registers_applies_is_recommended_and_passes_qualification()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var recommender = await Cast.RecommenderAsync(app, "华东地区质量协会（旅程）");
        var office = await Cast.OfficeAsync(app);

        // 1. 注册并确认邮箱
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        var email = AccountsTestKit.NewEmail("journey");
        foreach (var (field, value) in AccountsTestKit.OrganizationRegistration(Cast.NextUscc(), email, "明远智能制造有限公司"))
        {
            var id = "#" + field.Replace('.', '_');
            if (await page.Locator($"select{id}").CountAsync() > 0) await page.SelectOptionAsync(id, value ?? "");
            else await page.FillAsync(id, value ?? "");
        }
        await app.ScreenshotAsync(page, "journey-01-register");
        await page.ClickAsync("main button[type=submit].btn");
        await page.WaitForURLAsync("**/Account/CheckEmail**");
        await page.GotoAsync(Messages.LinkIn(await Messages.LatestMailAsync(app, email, DefaultTemplates.ConfirmEmail)));
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", AccountsTestKit.NewPassword);
        await page.ClickAsync("main button[type=submit].btn");
        await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/Account/Login')");

        // 2. 新建申报并填写各部分
        await page.GotoAsync("/Applications");
        await page.ClickAsync("main form button:has-text('新建申报')");
        await page.WaitForURLAsync(new Regex("/Applications/Edit/[0-9a-f-]{36}$"));
        var applicationId = new Uri(page.Url).Segments.Last();
        await page.CheckAsync($"input[name='Input.Category'][value='Enterprise']");
        await SaveAsync(page);

        await page.GotoAsync($"/Applications/Edit/{applicationId}/Conditions");
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

        await page.GotoAsync($"/Applications/Edit/{applicationId}/SelfEvaluation");
        var sections = await page.Locator("textarea[id^='section-']").CountAsync();
        Assert.Equal(6, sections);
        for (var i = 0; i < sections; i++) await page.FillAsync($"#section-{i}", SelfEvaluationText(i));
        await SaveAsync(page);
        await app.ScreenshotAsync(page, "journey-03-self-evaluation");

        await page.GotoAsync($"/Applications/Edit/{applicationId}/Evidence");
        await page.FillAsync("#title-0", "用户投诉处理制度");
        await page.SetInputFilesAsync("#evidence-0", File("用户投诉处理制度.pdf"));
        await page.ClickAsync("#upload-form button[type=submit]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("用户投诉处理制度.pdf");

        await page.GotoAsync($"/Applications/Edit/{applicationId}/Recommender");
        await page.CheckAsync($"#body-{recommender.RecommendingBodyId}");
        await SaveAsync(page);

        await page.GotoAsync($"/Applications/Details/{applicationId}");
        await page.ClickAsync("#submit-form button");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("申报已提交");
        await app.ScreenshotAsync(page, "journey-04-submitted");

        // 3. 推荐单位出具推荐意见并上传盖章推荐函
        var body = await app.SignedInPageAsync(recommender);
        await body.GotoAsync("/Recommendations");
        await app.ScreenshotAsync(body, "journey-05-recommendation-queue");
        await body.ClickAsync($"a[href='/Recommendations/Review/{applicationId}']");
        await body.FillAsync("#Opinion", "该组织长期践行以用户为中心的经营理念，用户满意度持续提升，同意推荐。");
        await body.SetInputFilesAsync("#Letter", File("推荐函.pdf"));
        await body.ClickAsync("#recommend-form button[type=submit]");
        await Assertions.Expect(body.Locator(".alert-success")).ToBeVisibleAsync();
        await app.ScreenshotAsync(body, "journey-06-recommended");

        // 4. 活动办公室资格审查：自动预检均通过，结论为通过
        var staff = await app.SignedInPageAsync(office);
        await staff.GotoAsync("/Qualification");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("明远智能制造有限公司");
        await app.ScreenshotAsync(staff, "journey-07-qualification-queue");
        await staff.GotoAsync($"/Qualification/Review/{applicationId}");
        await app.ScreenshotAsync(staff, "journey-08-qualification-review");
        await staff.CheckAsync("input[name='Outcome'][value='Pass']");
        await staff.ClickAsync("main form button:has-text('提交审查结论')");
        await Assertions.Expect(staff.Locator(".alert-success")).ToBeVisibleAsync();

        // 5. 申报组织看到结果
        await page.GotoAsync($"/Applications/Details/{applicationId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("资格审查通过");
        await app.ScreenshotAsync(page, "journey-09-applicant-sees-result");
    }

    private static FilePayload File(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = Pdf };

    private static async Task SaveAsync(IPage page)
    {
        await page.ClickAsync("main form button.btn:text-is('保存')");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("已保存");
    }

    private static string SelfEvaluationText(int section) =>
        $"第{section + 1}部分：本组织坚持以用户为中心的经营理念，建立了覆盖售前、售中、售后的用户满意管理体系。"
        + "高层领导每季度主持用户满意专题会议，逐项审视投诉和测评结果，并将用户满意指标纳入各级管理者考核。"
        + "近三年用户满意度指数持续上升，投诉率下降三成以上，改进项目均已闭环，相关数据见证实性材料。";
}
