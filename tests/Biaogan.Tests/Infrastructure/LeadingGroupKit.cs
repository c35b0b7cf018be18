using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Governance;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// 第七条 for tests that are not about the leading group: the kit's cycle has its rules approved, the expert-group plans
/// delegated to the office and scoring on 待核定 criteria confirmed, as a leading group would have decided before the
/// stages those tests drive. Tests of the leading group's part (GovernanceTests) build their cycles without this.
/// </summary>
public static class LeadingGroupKit
{
    public const string By = "领导小组（测试夹具）";

    public static Cycle ApprovedByLeadingGroup(this Cycle cycle, DateTimeOffset now)
    {
        cycle.ApproveRules(By, now);
        cycle.DelegateExpertGroups(By, now);
        cycle.ConfirmPlaceholderScoring(By, "测试用评价准则的分值按现有数值评分", now);
        return cycle;
    }

    /// <summary>One approved member per committee, so the committees of the kit's cycle may vote (第七条).</summary>
    public static IEnumerable<CommitteeMember> ApprovedCommittees(Cycle cycle, DateTimeOffset now)
    {
        foreach (var kind in Enum.GetValues<CommitteeKind>())
        {
            var m = new CommitteeMember(cycle.Id, kind, "测试委员", "测试单位", "委员", Affiliation.QualityExpert,
                new DateOnly(cycle.Year, 1, 1), new DateOnly(cycle.Year, 12, 31), null, By, now);
            m.Approve(By, now);
            yield return m;
        }
    }
}

/// <summary>The leading group's approval of a cycle's rules through the real workflow (proposed by the office, decided 5:0:0).</summary>
public static class LeadingGroupSteps
{
    public static Task ApproveRulesAsync(AppFactory app, Guid cycleId) =>
        app.WithScopeAsync(async sp =>
        {
            var w = sp.GetRequiredService<GovernanceWorkflow>();
            var d = await w.ProposeAsync(MatterKind.CycleRules, cycleId, null);
            await w.DecideAsync(d.Id, d.Version, approve: true, 5, 0, 0, null);
        });
}
