using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Governance;

/// <summary>
/// Who votes for a committee in a cycle (第七、八、九条): the members whose composition the leading group approved, not removed,
/// whose record names a system account that still holds the committee's role. Holding the role alone is not enough: a
/// committee is the people the leading group approved for the year, so every vote, 审议, member count and committee notice
/// reads this list.
/// </summary>
public static class CommitteeVoters
{
    public static string Role(this CommitteeKind committee) =>
        committee == CommitteeKind.Review ? Roles.ReviewCommittee : Roles.ApprovalCommittee;

    /// <summary>The voting accounts, by display name.</summary>
    public static async Task<List<AppUser>> VotersAsync(AppDbContext db, Guid cycleId, CommitteeKind committee, CancellationToken ct = default)
    {
        var role = committee.Role();
        var ids = await db.Set<CommitteeMember>().AsNoTracking()
            .Where(m => m.CycleId == cycleId && m.Committee == committee && m.ApprovedAt != null && m.RemovedAt == null && m.UserId != null)
            .Select(m => m.UserId!).Distinct().ToListAsync(ct);
        if (ids.Count == 0) return [];
        var users = await (from u in db.Users.AsNoTracking()
                           where ids.Contains(u.Id)
                                 && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role))
                           select u).ToListAsync(ct);
        return [.. users.OrderBy(u => u.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>Refuses a vote (or 审议) by an account that is not an approved member of the committee for the cycle.</summary>
    public static async Task EnsureVoterAsync(AppDbContext db, Guid cycleId, CommitteeKind committee, string userId, CancellationToken ct = default)
    {
        if ((await VotersAsync(db, cycleId, committee, ct)).Any(u => u.Id == userId)) return;
        // Not a voter: say why — no approved composition at all, or this account is not on it.
        await CommitteeRoster.EnsureApprovedAsync(db, cycleId, committee, ct);
        throw new DomainRuleException($"您的账号不是本年度{committee.Display()}经领导小组批准的委员（第七条），不能投票或审议。" +
            "如您已受聘为委员，请联系活动办公室在“委员会组成”页面将您的账号关联到委员名单。");
    }
}
