using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.OnSite;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// The hand-offs between the stages after 资料评审, built through the entities' own methods: an approved 现场评审
/// result (for 综合评价), a finalised recommended list (for 公示), and issued awards (for certificates and the registry).
/// Each stage's own tests drive its pages; these only give the next stage its starting point.
/// </summary>
public static class AwardPipelineKit
{
    /// <summary>A qualified application of a new organisation in the open cycle, in <paramref name="category"/>.</summary>
    public static async Task<Guid> QualifiedAsync(AppFactory app, string orgName, AwardCategory category)
    {
        var id = await AssignmentTestKit.QualifiedAsync(app, orgName);
        if (category != AwardCategory.Enterprise)
            await app.WithDbAsync(async db =>
            {
                var a = await db.Set<Web.Features.Applications.Application>().FirstAsync(x => x.Id == id);
                a.Category = category;
                a.ServiceName = orgName + "客户服务";
                await db.SaveChangesAsync();
            });
        return id;
    }

    /// <summary>The on-site review of <paramref name="applicationId"/>, scored at <paramref name="percent"/> on every item and approved by the 组长 and the office.</summary>
    public static Task<SiteVisit> ApprovedVisitAsync(AppFactory app, Guid applicationId, decimal documentScore, decimal onSiteScore,
        int percent = 60) => app.WithDbAsync(async db =>
    {
        var a = await db.Set<Web.Features.Applications.Application>().AsNoTracking().FirstAsync(x => x.Id == applicationId);
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == a.CycleId);
        var criteria = await db.Set<CriteriaVersion>().AsNoTracking().FirstAsync(v => v.Key == cycle.StandardCode);
        var now = app.Clock.GetUtcNow();
        var visit = new SiteVisit(cycle.Id, applicationId, criteria.Id, criteria.Document.Items.Select(i => (i.Code, (int?)percent)), now);
        visit.Start();
        foreach (var item in visit.Items) visit.ScoreItem(item.ItemCode, percent, "");
        visit.Opinion = "现场核实情况与申报材料基本一致。";
        visit.ApproveAsLeader("leader", now);
        visit.ApproveByOffice("office", documentScore, onSiteScore, now);
        db.Add(visit);
        await db.SaveChangesAsync();
        return visit;
    });

    /// <summary>
    /// Finalised 综合评价 decisions for every category: <paramref name="recommended"/> in order (each with its category
    /// taken from the application); a category without any is finalised as “本类别无推荐”.
    /// </summary>
    public static Task RecommendAsync(AppFactory app, IReadOnlyList<Guid> recommended) => app.WithDbAsync(async db =>
    {
        var cycle = await db.Set<Cycle>().FirstAsync(c => c.Status == CycleStatus.Open);
        var apps = await db.Set<Web.Features.Applications.Application>().AsNoTracking()
            .Where(a => recommended.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var now = app.Clock.GetUtcNow();
        var others = 0;
        foreach (var category in Enum.GetValues<AwardCategory>())
        {
            var decision = await db.Set<EvaluationDecision>().FirstOrDefaultAsync(d => d.CycleId == cycle.Id && d.Category == category);
            if (decision is null) db.Add(decision = new EvaluationDecision(cycle.Id, category, now));
            var entries = recommended.Where(id => apps[id].Category == category)
                .Select(id => new EvaluationEntry { ApplicationId = id, Recommended = true, VotesFor = 5, Reason = "综合评价优秀，推荐。" }).ToList();
            decision.Record(entries, entries.Count == 0 ? "本类别申报组织综合评价均未达到标杆水平。" : "", now);
            decision.Finalise("office", others, cycle.Quota, now);
            others += decision.RecommendedCount;
        }
        await db.SaveChangesAsync();
    });

    /// <summary>Awards issued for <paramref name="approved"/> in order, as the approval committee's final decision does.</summary>
    public static Task<IReadOnlyList<Award>> AwardAsync(AppFactory app, IReadOnlyList<Guid> approved) => app.WithDbAsync(async db =>
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Status == CycleStatus.Open);
        var awards = await AwardIssuer.IssueAsync(db, cycle.Id, approved, app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return awards;
    });
}
