using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Awards;

/// <summary>The applicant's menu offers 标杆称号, 获奖后承诺 and 获奖后监督 only to an organisation that has a 标杆称号.</summary>
public class ApplicantMenuTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] AwardLinks = ["/Awards/Mine", "/Commitments/Mine", "/Supervision/Mine"];

    private static List<string> NavLinks(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("nav.nav a").Select(a => a.GetAttribute("href") ?? "").ToList();

    [Fact]
    public async Task An_organisation_that_has_not_won_sees_no_award_pages_in_its_menu_and_a_winner_sees_all_three()
    {
        var applicant = await Cast.ApplicantAsync(app, "尚未获奖菜单测试有限公司");
        var links = NavLinks(await (await Cast.SignInAsync(app, applicant)).GetAsync("/Applications"));
        Assert.Contains("/Applications", links);
        Assert.Contains("/Sharing/Mine", links);
        Assert.DoesNotContain(links, AwardLinks.Contains);

        var winner = await AwardsTestKit.WinnerAsync(app, "已获奖菜单测试有限公司");
        var winnerLinks = NavLinks(await (await Cast.SignInAsync(app, winner.Contact)).GetAsync("/Applications"));
        Assert.All(AwardLinks, link => Assert.Contains(link, winnerLinks));
    }
}
