using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Lists;

/// <summary>评审员库 renders one page of the filtered pool with the shared pager, keeping the filters in its links.</summary>
public class ReviewerListPagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_pool_shows_one_page_of_the_filtered_profiles_and_the_pager_keeps_the_filter()
    {
        foreach (var name in new[] { "翻页评审甲", "翻页评审乙", "翻页评审丙" })
            await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Candidate(name));
        await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Appointed("翻页评审丁"));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var first = await office.GetAsync("/Reviewers?Status=Candidate&size=2");
        Assert.Equal(2, first.QuerySelectorAll("#reviewers tbody tr").Length);
        Assert.Contains("符合筛选条件 3 人", first.QuerySelector("#count")!.TextContent);
        var next = first.QuerySelector("nav.pager a[rel=next]")!;
        Assert.Contains("Status=Candidate", next.GetAttribute("href"));
        var second = await office.GetAsync(next.GetAttribute("href")!);
        var rows = second.QuerySelectorAll("#reviewers tbody tr");
        Assert.Single(rows);
        Assert.DoesNotContain("翻页评审丁", second.QuerySelector("#reviewers")!.TextContent);
    }
}
