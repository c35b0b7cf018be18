using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Confirmation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 获奖三年后确认 (第二十四条) end to end in Chromium: the office opens a round for a benchmark due, the organisation submits its
/// three years, the engine forms the confirmation group and the office applies it, the 组长 signs the declaration and gives
/// the group's opinion, two members of the leading group vote 确认有效 beside that opinion, the office records the decision
/// and publishes, and the public announcement lists the benchmark. Screenshots: confirmation-journey-NN-….
/// </summary>
public class ConfirmationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Organization = "澄江热力服务有限公司";

    [Fact(Timeout = 480_000)]
    public async Task A_confirmation_round_runs_from_opening_to_the_public_announcement()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, Organization);
        var lead = await AssignmentTestKit.ReviewerAsync(app, "林思确", "北京卓越质量咨询有限公司", "11", leader: true);
        await AssignmentTestKit.ReviewerAsync(app, "许立成", "上海质量技术研究院", "31");
        await AssignmentTestKit.ReviewerAsync(app, "何静仪", "广州标准化研究院", "44");
        app.Clock.SetUtcNow(new DateTimeOffset(2029, 1, 5, 1, 0, 0, TimeSpan.Zero)); // 2029: the 2026 benchmark is due
        var officePersona = await Cast.OfficeAsync(app);

        // 1. the office opens the round
        var office = await app.SignedInPageAsync(officePersona);
        await office.GotoAsync("/Confirmation", Nav.Goto);
        await office.GetByLabel($"纳入 {Organization}").CheckAsync();
        await office.Locator("input[name=SubmitBy]").FillAsync("2029-03-31");
        await office.GetByRole(AriaRole.Button, new() { Name = "开启确认批次" }).ClickAsync();
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("2029年获奖三年确认（第1批）");
        await app.ScreenshotAsync(office, "confirmation-journey-01-round-opened");
        var entry = await app.WithDbAsync(db => db.Set<ConfirmationEntry>().AsNoTracking().SingleAsync(e => e.AwardId == winner.Award.Id));

        // 2. the organisation submits its three years
        var org = await app.SignedInPageAsync(winner.Contact);
        await org.GotoAsync($"/Confirmation/Entry/{entry.Id}", Nav.Goto);
        await org.Locator("textarea[name=ManagementChanges]").FillAsync("新设客户体验部，推行供热服务标准化。");
        string[][] figures = [["120000", "8000", "86.5"], ["131000", "8900", "87.2"], ["140500", "9400", "88.0"]];
        for (var i = 0; i < 3; i++)
        {
            await org.Locator($"input[name='Figures[{i}].Revenue']").FillAsync(figures[i][0]);
            await org.Locator($"input[name='Figures[{i}].Profit']").FillAsync(figures[i][1]);
            await org.Locator($"input[name='Figures[{i}].Satisfaction']").FillAsync(figures[i][2]);
        }
        await org.Locator("textarea[name=Statement]").FillAsync("本组织承诺所填内容真实、准确。");
        await org.GetByRole(AriaRole.Button, new() { Name = "提交确认材料" }).ClickAsync();
        await Assertions.Expect(org.Locator("main")).ToContainTextAsync("确认材料已提交活动办公室");

        // 3. the engine proposes the group, the office applies it
        await office.GotoAsync($"/Confirmation/Groups/{entry.RoundId}", Nav.Goto);
        await office.GetByRole(AriaRole.Button, new() { Name = "生成确认组建议" }).ClickAsync();
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("林思确");
        await office.GetByRole(AriaRole.Button, new() { Name = "确定组成并通知评审员" }).ClickAsync();
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("已通知 3 位评审员");
        await app.ScreenshotAsync(office, "confirmation-journey-02-group");

        // 4. the 组长 signs and gives the group's opinion
        var seatId = await app.WithDbAsync(db => db.Set<ConfirmationSeat>().Where(s => s.EntryId == entry.Id && s.ReviewerId == lead.ProfileId).Select(s => s.Id).SingleAsync());
        var reviewer = await app.SignedInPageAsync(lead.Persona);
        await reviewer.GotoAsync("/Confirmation/Seats", Nav.Goto);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = Organization }).ClickAsync();
        await reviewer.GetByLabel("本人确认与该获奖组织不存在利益冲突，并遵守保密承诺").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "签署声明" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("main")).ToContainTextAsync("新设客户体验部");
        string[] trends = ["Stable", "Improving", "Improving", "Stable", "Stable"];
        for (var i = 0; i < trends.Length; i++)
        {
            await reviewer.Locator($"select[name='Ratings[{i}].Trend']").SelectOptionAsync(trends[i]);
            await reviewer.Locator($"textarea[name='Ratings[{i}].Reason']").FillAsync($"三年数据表明该方面{(trends[i] == "Stable" ? "保持稳定" : "持续提升")}。");
        }
        await reviewer.Locator("input[name=Proposal][value=Confirm]").CheckAsync();
        await reviewer.Locator("textarea[name=ProposalReason]").FillAsync("经营管理和综合绩效稳定向好，建议确认有效。");
        await app.ScreenshotAsync(reviewer, "confirmation-journey-03-opinion");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("main")).ToContainTextAsync("已提交的确认组意见");
        Assert.Contains($"/Confirmation/Seat/{seatId}", reviewer.Url);

        // 5. forwarded; two members of the leading group vote 确认有效 beside the group's opinion
        await office.GotoAsync($"/Confirmation/Entry/{entry.Id}", Nav.Goto);
        await office.GetByRole(AriaRole.Button, new() { Name = "提交领导小组审议" }).ClickAsync();
        foreach (var name in new[] { "王海峰", "李秋实" })
        {
            var member = await app.SignedInPageAsync(await Cast.PersonAsync(app, name, Roles.LeadingGroup));
            await member.GotoAsync($"/Supervision/Case/{entry.CaseId}", Nav.Goto);
            await Assertions.Expect(member.Locator("main")).ToContainTextAsync("建议确认有效");
            await member.Locator("form[action*='handler=Vote'] input[name=Outcome][value=NoEffect]").CheckAsync();
            await member.Locator("form[action*='handler=Vote'] textarea[name=Reason]").FillAsync("确认组意见充分，三年数据稳定向好。");
            await member.GetByRole(AriaRole.Button, new() { Name = "提交投票" }).ClickAsync();
            if (name == "李秋实") await app.ScreenshotAsync(member, "confirmation-journey-04-vote-beside-opinion");
        }

        // 6. the office records the decision and publishes; the public announcement lists the benchmark
        await office.GotoAsync($"/Supervision/Case/{entry.CaseId}", Nav.Goto);
        await office.Locator("form[action*='handler=Decide'] input[name=Outcome][value=NoEffect]").CheckAsync();
        await office.Locator("form[action*='handler=Decide'] textarea[name=Reason]").FillAsync("领导小组投票决定确认有效。");
        await office.GetByRole(AriaRole.Button, new() { Name = "记录决定" }).ClickAsync();
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("已记录决定：确认有效");
        await office.GotoAsync($"/Confirmation/Round/{entry.RoundId}", Nav.Goto);
        await office.GetByRole(AriaRole.Button, new() { Name = "公布确认结果" }).ClickAsync();
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("确认结果已公布");

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/Confirmation/Announcement/{entry.RoundId}", Nav.Goto);
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(Organization);
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("确认有效");
        await app.ScreenshotAsync(visitor, "confirmation-journey-05-announcement");
    }
}
