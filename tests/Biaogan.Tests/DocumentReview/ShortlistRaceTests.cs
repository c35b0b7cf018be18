using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
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
        var subject = cycleId.ToString();
        var (decisions, created) = await app.WithDbAsync(async db => (
            await db.Set<ShortlistDecision>().AsNoTracking().Where(d => d.CycleId == cycleId).Select(d => d.Id).ToListAsync(),
            (await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(ShortlistDecision) && a.SubjectId == subject && a.Action.StartsWith("开始"))
                .Select(a => a.EntityId).ToListAsync()).Select(Guid.Parse).ToList()));
        Assert.Equal(decisions.Count, decisions.Distinct().Count());
        // The request that lost the race left no record of a decision that was never saved.
        Assert.Equal(decisions.OrderBy(x => x), created.OrderBy(x => x));
    }


    [Fact]
    public async Task The_request_that_loses_the_race_for_a_decision_row_reads_the_winners_and_leaves_no_record_of_its_own()
    {
        // A cycle id of its own (the decision has no foreign key), so the other test's rows do not meet this one.
        var cycleId = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        Guid? winner = null;
        await app.WithScopeAsync(async loserScope =>
        {
            var loser = loserScope.GetRequiredService<AppDbContext>();
            // The loser finds no row; before it inserts its own, another request creates and saves the row.
            var read = await loser.GetOrCreateAsync<ShortlistDecision>(d => d.CycleId == cycleId && d.Category == AwardCategory.Enterprise, () =>
            {
                app.WithScopeAsync(async winnerScope =>
                {
                    var db = winnerScope.GetRequiredService<AppDbContext>();
                    var row = new ShortlistDecision(cycleId, AwardCategory.Enterprise, now);
                    db.Add(row);
                    await db.SaveChangesAsync();
                    winner = row.Id;
                }).GetAwaiter().GetResult();
                return new ShortlistDecision(cycleId, AwardCategory.Enterprise, now);
            }, default);
            Assert.Equal(winner, read.Id);
            // The same request goes on to save something else.
            await loser.GetOrCreateAsync<ShortlistDecision>(d => d.CycleId == cycleId && d.Category == AwardCategory.Service,
                () => new ShortlistDecision(cycleId, AwardCategory.Service, now), default);
        });
        var subject = cycleId.ToString();
        var (decisions, created) = await app.WithDbAsync(async db => (
            await db.Set<ShortlistDecision>().AsNoTracking().Where(d => d.CycleId == cycleId).Select(d => d.Id).ToListAsync(),
            (await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(ShortlistDecision) && a.SubjectId == subject && a.Action.StartsWith("开始"))
                .Select(a => a.EntityId).ToListAsync()).Select(Guid.Parse).ToList()));
        Assert.Equal(2, decisions.Count);
        Assert.Equal(decisions.OrderBy(x => x), created.OrderBy(x => x));
    }
}
