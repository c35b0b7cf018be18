using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Evaluation;

/// <summary>The hand-offs after 资料评审 keep their rules: quota across categories, “none” with a reason, unique certificate numbers.</summary>
public class AwardPipelineContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Approved_visits_finalised_lists_and_awards_reach_the_next_stage()
    {
        var e1 = await AwardPipelineKit.QualifiedAsync(app, "契约甲制造有限公司", AwardCategory.Enterprise);
        var s1 = await AwardPipelineKit.QualifiedAsync(app, "契约乙服务有限公司", AwardCategory.Service);
        await AwardPipelineKit.ApprovedVisitAsync(app, e1, 612.5m, 640m);
        await AwardPipelineKit.RecommendAsync(app, [e1, s1]);

        var (results, recommended) = await app.WithDbAsync(async db =>
        {
            var cycle = db.Set<Cycle>().First(c => c.Status == CycleStatus.Open);
            return (await OnSiteResults.ApprovedAsync(db, cycle.Id), await EvaluationQueries.RecommendedAsync(db, cycle.Id));
        });
        Assert.Equal(640m, results[e1].OnSiteScore);
        Assert.Equal([e1, s1], recommended.Select(r => r.ApplicationId));

        var issued = await AwardPipelineKit.AwardAsync(app, [e1, s1]);
        Assert.Equal(2, issued.Select(a => a.CertificateNumber).Distinct().Count());
        Assert.All(issued, a => Assert.Matches("^YHMYBG-\\d{4}-\\d{3}$", a.CertificateNumber));
        Assert.Empty(await AwardPipelineKit.AwardAsync(app, [e1]));
    }

    [Fact]
    public void A_category_list_over_the_quota_cannot_be_finalised_and_none_needs_a_reason()
    {
        var now = DateTimeOffset.UnixEpoch;
        var d = new EvaluationDecision(Guid.NewGuid(), AwardCategory.Service, now);
        var none = Assert.Throws<DomainRuleException>(() => d.Record([], "", now));
        Assert.Contains("无推荐", none.Message);
        d.Record([new EvaluationEntry { ApplicationId = Guid.NewGuid(), Recommended = true, Reason = "优" },
                  new EvaluationEntry { ApplicationId = Guid.NewGuid(), Recommended = true, Reason = "优" }], "", now);
        var over = Assert.Throws<DomainRuleException>(() => d.Finalise("office", 9, 10, now));
        Assert.Contains("超出 1 个", over.Message);
        d.Finalise("office", 8, 10, now);
        Assert.True(d.IsFinal);
    }
}
