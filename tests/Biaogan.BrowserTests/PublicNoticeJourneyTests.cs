using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.BrowserTests;

public class PublicNoticeJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 300_000)]
    public async Task An_objection_lodged_on_a_phone_removes_an_organisation_and_the_rest_are_approved_and_announced()
    {
        await PublicNoticeKit.RecommendedAsync(app, ("旅程甲家电股份有限公司", AwardCategory.Enterprise), ("旅程乙乳业有限公司", AwardCategory.Enterprise),
            ("旅程丙通信有限公司", AwardCategory.Service));
        var officePersona = await Cast.OfficeAsync(app);
        var office = await app.SignedInPageAsync(officePersona);
        await PublicNoticeSteps.PublishNoticeAsync(office, new DateOnly(2026, 11, 27));
        await app.ScreenshotAsync(office, "public-notice-office");

        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/Public/Notice", Nav.Goto);
        Assert.Contains("公示期：2026年11月27日至2026年12月7日", await phone.InnerTextAsync("main"));
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "公示页面在手机上出现横向滚动");
        await app.ScreenshotAsync(phone, "public-notice-phone");
        await phone.ClickAsync("text=在线提出异议");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "异议表单在手机上出现横向滚动");
        await app.ScreenshotAsync(phone, "objection-form-phone");
        var receipt = await PublicNoticeSteps.LodgeObjectionAsync(phone, app, "旅程乙乳业有限公司");
        Assert.Equal("YY-2026-0001", receipt);
        await app.ScreenshotAsync(phone, "objection-lodged-phone");

        await PublicNoticeSteps.ConcludeObjectionAsync(office, receipt, sustained: true, "申报时隐瞒重大用户投诉", "经核查，异议成立，已撤销该组织的推荐。");
        await app.ScreenshotAsync(office, "objection-concluded");
        Assert.Contains("已办结", await PublicNoticeSteps.LookUpReceiptAsync(phone, receipt));
        await app.ScreenshotAsync(phone, "objection-receipt-phone");

        // after the deadline (2026-12-07 17:00): 审定
        PublicNoticeKit.SetChinaTime(app, 2026, 12, 8, 9, 0);
        office = await app.SignedInPageAsync(officePersona);
        await ApprovalSteps.StartApprovalAsync(office);
        var member = await app.SignedInPageAsync(await PublicNoticeKit.CommitteeMemberAsync(app, "周审定"));
        await ApprovalSteps.VoteAsync(member, "旅程甲家电股份有限公司", "Approve");
        await ApprovalSteps.VoteAsync(member, "旅程丙通信有限公司", "Recused", "本人担任该组织独立董事");
        await app.ScreenshotAsync(member, "approval-committee");
        var done = await ApprovalSteps.ApproveAllAndFinaliseAsync(office);
        Assert.Contains("YHMYBG-2026-001", done);
        await app.ScreenshotAsync(office, "approval-finalised");

        await phone.GotoAsync("/Public/Results/2026", Nav.Goto);
        var results = await phone.InnerTextAsync("main");
        Assert.Contains("旅程丙通信有限公司", results);
        Assert.DoesNotContain("旅程乙乳业", results);
        await app.ScreenshotAsync(phone, "results-phone");
    }
}
