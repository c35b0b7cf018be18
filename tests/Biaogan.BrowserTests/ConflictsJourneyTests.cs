using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>利益冲突 in Chromium: the applicant asks for an avoidance, the office scans and decides, a reviewer signs or declares.</summary>
public class ConflictsJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_decides_the_queue_and_reviewers_sign_or_declare_before_seeing_any_material()
    {
        var uscc = Cast.NextUscc();
        var applicant = await Cast.ApplicantAsync(app, "江南智造装备股份有限公司", uscc);
        var appId = await ApplicationsBuilders.SubmittedAsync(app, applicant, await Cast.RecommenderAsync(app, "江苏省质量协会"));
        var (_, formerEmployee) = await ConflictsTestKit.ReviewerAtAsync(app, "周建华", "江南智造装备有限公司", uscc, 2016, 2024);
        await ConflictsTestKit.ReviewerAtAsync(app, "林晓燕", "江苏省质量协会", null, 2018, null);
        var (signer, signerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "陈思远");
        var (decliner, declinerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "黄立群");
        var signerSeat = await ConflictsTestKit.SeatAsync(app, appId, signerId, GroupRole.Leader);
        var declinerSeat = await ConflictsTestKit.SeatAsync(app, appId, declinerId);

        var org = await app.SignedInPageAsync(applicant);
        await org.GotoAsync($"/Applications/Details/{appId}", Nav.Goto);
        await org.Locator("#avoid-link a").ClickAsync();
        await org.FillAsync("#PersonName", "黄立群");
        await org.FillAsync("#Reason", "该人员所在单位与我单位在同一细分市场直接竞争");
        await org.Locator("#avoid-form button[type=submit]").ClickAsync();
        await Assertions.Expect(org.Locator(".alert-success")).ToContainTextAsync("已提交对“黄立群”的回避申请");
        await app.ScreenshotAsync(org, "conflicts-avoid");

        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await office.GotoAsync("/Conflicts", Nav.Goto);
        await office.Locator("#scan-form button[type=submit]").ClickAsync();
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("新发现");
        await Assertions.Expect(office.Locator("#cases")).ToContainTextAsync("周建华");
        await Assertions.Expect(office.Locator("#cases")).ToContainTextAsync("林晓燕");
        await app.ScreenshotAsync(office, "conflicts-queue");
        var row = office.Locator("#cases tr", new() { HasText = "林晓燕" });
        await row.Locator("textarea").FillAsync("已核实：林晓燕 2025 年起已调离协会秘书处，工作经历未及时更新");
        await row.Locator("button", new() { HasText = "排除误报" }).ClickAsync();
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已排除该误报");
        await office.GotoAsync("/Conflicts/Rules", Nav.Goto);
        await Assertions.Expect(office.Locator("#lookback")).ToHaveTextAsync("3 年");
        await app.ScreenshotAsync(office, "conflicts-rules");
        await office.GotoAsync("/Conflicts/Terms", Nav.Goto);
        await Assertions.Expect(office.Locator("#current-label")).ToHaveTextAsync("2026-1");
        await app.ScreenshotAsync(office, "conflicts-terms");

        var mine = await app.SignedInPageAsync(signer);
        await mine.GotoAsync($"/Conflicts/Declare/{signerSeat}", Nav.Goto);
        await Assertions.Expect(mine.Locator("#org-name")).ToHaveTextAsync("江南智造装备股份有限公司");
        await app.ScreenshotAsync(mine, "conflicts-declare");
        await mine.Locator("#sign-form input[name=Accept]").CheckAsync();
        await mine.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(mine.Locator("#declared")).ToContainTextAsync("签署声明和保密承诺");

        await mine.GotoAsync("/Conflicts/Relations", Nav.Goto);
        await mine.Locator("input[name='Input.Kind'][value=Consulting]").CheckAsync();
        await mine.FillAsync("#Input_OrganizationName", "苏州精工检测技术有限公司");
        await mine.FillAsync("#Input_Description", "为该公司提供卓越绩效模式咨询");
        await mine.FillAsync("#Input_FromYear", "2024");
        await mine.Locator("#relation-form button[type=submit]").ClickAsync();
        await Assertions.Expect(mine.Locator("#relations")).ToContainTextAsync("苏州精工检测技术有限公司");
        await app.ScreenshotAsync(mine, "conflicts-relations");

        var other = await app.SignedInPageAsync(decliner);
        await other.GotoAsync($"/Conflicts/Declare/{declinerSeat}", Nav.Goto);
        await Assertions.Expect(other.Locator("#blocked")).ToBeVisibleAsync();
        await other.FillAsync("#Statement", "本人配偶的兄弟在该公司任销售总监");
        await other.Locator("#conflict-form button[type=submit]").ClickAsync();
        await Assertions.Expect(other.Locator("#ended")).ToContainTextAsync("您已不在该专家组中");

        Assert.Equal(MemberStatus.Declared, (await ConflictsTestKit.LoadSeatAsync(app, signerSeat)).Status);
        Assert.Equal(MemberStatus.Removed, (await ConflictsTestKit.LoadSeatAsync(app, declinerSeat)).Status);
        Assert.Contains(await ConflictsTestKit.CasesAsync(app, appId), c => c.ReviewerId == formerEmployee);
    }
}
