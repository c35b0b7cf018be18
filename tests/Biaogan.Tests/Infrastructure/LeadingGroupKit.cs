using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// One approved member per committee, so the committees of the kit's cycle may vote (第七条), and every account that
    /// already holds a committee role as an approved member of its committee: only approved members with an account vote.
    /// </summary>
    public static async Task<List<CommitteeMember>> ApprovedCommitteesAsync(AppDbContext db, Cycle cycle, DateTimeOffset now)
    {
        var members = Enum.GetValues<CommitteeKind>().Select(kind => Member(cycle, kind, "测试委员", null, now)).ToList();
        foreach (var kind in Enum.GetValues<CommitteeKind>())
        {
            var role = kind.Role();
            var accounts = await (from u in db.Users
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where r.Name == role
                                  select new { u.Id, u.DisplayName }).ToListAsync();
            members.AddRange(accounts.Select(a => Member(cycle, kind, a.DisplayName, a.Id, now)));
        }
        return members;
    }

    /// <summary>A new committee account joins its committee, approved, in every cycle that exists (the other half of <see cref="ApprovedCommitteesAsync"/>).</summary>
    public static async Task LinkToEveryCycleAsync(AppDbContext db, string userId, string name, string role, DateTimeOffset now)
    {
        var kinds = Enum.GetValues<CommitteeKind>().Where(k => k.Role() == role).ToList();
        if (kinds.Count == 0) return;
        foreach (var cycle in await db.Set<Cycle>().ToListAsync())
            db.AddRange(kinds.Select(k => Member(cycle, k, name, userId, now)));
        await db.SaveChangesAsync();
    }

    private static CommitteeMember Member(Cycle cycle, CommitteeKind kind, string name, string? userId, DateTimeOffset now)
    {
        var m = new CommitteeMember(cycle.Id, kind, name, "测试单位", "委员", Affiliation.QualityExpert,
            new DateOnly(cycle.Year, 1, 1), new DateOnly(cycle.Year, 12, 31), userId, By, now);
        m.Approve(By, now);
        return m;
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
