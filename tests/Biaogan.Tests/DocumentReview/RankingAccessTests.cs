using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.Tests.DocumentReview;

/// <summary>
/// The committee persona (评审委员会委员) is not a column of the shared authorization matrix: what it reaches among the
/// ranking, shortlist and feedback endpoints is checked here, with an application that has a released-less report state.
/// </summary>
public class RankingAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_committee_member_reaches_the_ranking_and_the_shortlist_but_nothing_of_the_office_or_the_applicants()
    {
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [70, 60, 50]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var member = (await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app))).NoRedirects;
        var expected = new (string Url, bool Allowed)[]
        {
            ("/DocumentReview/Ranking", true),
            ($"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise", true),
            ($"/api/document-review/ranking/{cycleId}", true),
            ("/DocumentReview/Feedback", false),
            ($"/DocumentReview/Feedback/Edit/{apps[0].Id}", false),
            ($"/DocumentReview/Feedback/View/{apps[0].Id}", false),
            ($"/DocumentReview/Feedback/Download/{apps[0].Id}", false),
            ($"/api/document-review/shortlist/{cycleId}", false),
            ($"/api/document-review/shortlist/{cycleId}/selected", false),
            ($"/api/document-review/feedback/{apps[0].Id}", false),
            ($"/DocumentReview/Ranking?handler=Excel&cycleId={cycleId}", false),
            ($"/Applications/Details/{apps[0].Id}", false),
        };
        var wrong = new List<string>();
        foreach (var (url, allowed) in expected)
        {
            var r = await member.GetAsync(url);
            var ok = r.StatusCode == System.Net.HttpStatusCode.OK;
            if (ok != allowed) wrong.Add($"{url}: {(int)r.StatusCode}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
