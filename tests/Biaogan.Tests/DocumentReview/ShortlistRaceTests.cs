using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.DocumentReview;

/// <summary>
/// Found under load: committee members opening /DocumentReview/Shortlist at once all try to create the category's
/// decision row. The unique index keeps one; the others read it and leave no trace of theirs.
/// </summary>
public class ShortlistRaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Two_members_opening_the_shortlist_at_once_both_get_the_page_and_each_category_has_one_decision()
    {
        // Both categories: each request creates two decision rows, so a lost race is followed by another save.
        await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [70, 65]);
        await RankingBuilders.ScoredAsync(app, AwardCategory.Service, [60]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var members = new[]
        {
            await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app, "吴委员")),
            await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app, "郑委员")),
        };
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            members[i % 2].Http.GetAsync($"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var (decisions, created) = await app.WithDbAsync(async db => (
            await db.Set<ShortlistDecision>().AsNoTracking().Where(d => d.CycleId == cycleId).Select(d => d.Id).ToListAsync(),
            (await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(ShortlistDecision) && a.Action.StartsWith("开始"))
                .Select(a => a.EntityId).ToListAsync()).Select(Guid.Parse).ToList()));
        Assert.Equal(decisions.Count, decisions.Distinct().Count());
        // The request that lost the race left no record of a decision that was never saved.
        Assert.Equal(decisions.OrderBy(x => x), created.OrderBy(x => x));
    }

}
