using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Reviewers;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>评审员库 in Chromium: the office judges and 提请, the leading group appoints, the reviewer sees the result.</summary>
public class ReviewersJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_prepares_the_leading_group_appoints_and_the_reviewer_sees_the_appointment()
    {
        var (reviewer, id) = await ReviewersTestKit.ReviewerAsync(app, "钱学军",
            (n, e, u) => ReviewersBuilders.Eligible(n, e, u, conductJudged: false));
        await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Candidate("周雅琴"));
        var appointed = await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Appointed("孙立新"));

        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await office.GotoAsync("/Reviewers", Nav.Goto);
        await Assertions.Expect(office.Locator("#reviewers")).ToContainTextAsync("钱学军");
        await app.ScreenshotAsync(office, "reviewers-list");

        await office.GotoAsync($"/Reviewers/Details/{id}", Nav.Goto);
        await Assertions.Expect(office.Locator("#eligibility-summary")).ToHaveTextAsync("1项待判定");
        var judge = office.Locator("#judge-Conduct");
        await judge.Locator("input[value=true]").CheckAsync();
        await judge.Locator("textarea").FillAsync("经所在单位出具意见，认真贯彻执行方针政策，熟悉质量法规。");
        await judge.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(office.Locator("#eligibility-summary")).ToHaveTextAsync("符合全部6项");
        await office.Locator("#nominate-form button[type=submit]").ClickAsync();
        await Assertions.Expect(office.Locator("#standing")).ToContainTextAsync("已提请领导小组审议");
        await app.ScreenshotAsync(office, "reviewers-details");

        await office.GotoAsync($"/Reviewers/Records/{id}", Nav.Goto);
        await Assertions.Expect(office.Locator("#experience-years")).ToContainTextAsync("8 年");
        await app.ScreenshotAsync(office, "reviewers-records");
        await office.GotoAsync($"/Reviewers/Edit/{id}", Nav.Goto);
        await Assertions.Expect(office.Locator("#Background_Institution")).ToHaveValueAsync("清华大学");
        await app.ScreenshotAsync(office, "reviewers-edit");
        await office.GotoAsync($"/Reviewers/Sanctions/{appointed}", Nav.Goto);
        await Assertions.Expect(office.Locator("#sanction-form")).ToBeVisibleAsync();
        await app.ScreenshotAsync(office, "reviewers-sanctions");

        var leader = await app.SignedInPageAsync(await Cast.PersonAsync(app, "王海峰", Roles.LeadingGroup));
        await leader.GotoAsync("/Reviewers/Decisions", Nav.Goto);
        await app.ScreenshotAsync(leader, "reviewers-decisions");
        await leader.Locator($"#appoint-{id} button[type=submit]").ClickAsync();
        await Assertions.Expect(leader.Locator(".alert-success")).ToContainTextAsync("已聘用 钱学军 为评审员");

        var mine = await app.SignedInPageAsync(reviewer);
        await mine.GotoAsync("/Reviewers/Me", Nav.Goto);
        await Assertions.Expect(mine.Locator("#standing")).ToContainTextAsync("已聘用（任期至2029年11月26日）");
        await Assertions.Expect(mine.Locator("#no-tasks")).ToHaveTextAsync("暂无评审任务。");
        await app.ScreenshotAsync(mine, "reviewers-me");
        Assert.Equal(ReviewerStatus.Appointed, (await ReviewersTestKit.LoadAsync(app, id)).Status);
    }
}
