using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>Whether the person of a profile can sign in yet.</summary>
public enum ReviewerAccountState
{
    /// <summary>未开通</summary>
    None,
    /// <summary>已邀请，待本人激活</summary>
    Invited,
    /// <summary>已激活</summary>
    Active,
}

/// <summary>
/// The reviewer's account: the office invites the candidate through the Accounts feature's
/// <see cref="Invitations"/> (role 评审员) and the profile is linked to the invited account at once; the
/// person activates it by setting a password from the e-mail. An existing 评审员 account with the same
/// e-mail is linked instead of invited twice.
/// </summary>
public sealed class ReviewerAccounts(AppDbContext db, UserManager<AppUser> users, Invitations invitations)
{
    public async Task<(AppUser User, bool Invited)> InviteOrLinkAsync(ReviewerProfile profile, CancellationToken ct = default)
    {
        profile.EnsureEditable();
        if (profile.UserId is not null) throw new DomainRuleException("该评审员档案已关联账号，无需再次邀请。");
        var existing = await users.FindByEmailAsync(profile.Email);
        if (existing is not null)
        {
            if (!await users.IsInRoleAsync(existing, Roles.Reviewer))
                throw new DomainRuleException($"电子邮箱 {profile.Email} 已有账号，但不是评审员角色。请系统管理员在“人员与邀请”中核实该账号后再关联，或在档案中改用其他邮箱。");
            if (await db.Set<ReviewerProfile>().AnyAsync(p => p.UserId == existing.Id && p.Id != profile.Id, ct))
                throw new DomainRuleException($"电子邮箱 {profile.Email} 的账号已关联到另一份评审员档案，请核对是否重复建档。");
            profile.LinkAccount(existing.Id);
            return (existing, false);
        }
        var user = await invitations.InviteAsync(new Invitations.Request(profile.Email, profile.Name, [Roles.Reviewer], "评审员"), ct);
        profile.LinkAccount(user.Id);
        return (user, true);
    }

    public async Task<ReviewerAccountState> StateAsync(ReviewerProfile profile, CancellationToken ct = default)
    {
        if (profile.UserId is null) return ReviewerAccountState.None;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == profile.UserId, ct);
        return user is null ? ReviewerAccountState.None : Invitations.IsPending(user) ? ReviewerAccountState.Invited : ReviewerAccountState.Active;
    }

    /// <summary>The accounts of many profiles at once (for lists): user id → state.</summary>
    public async Task<Dictionary<string, ReviewerAccountState>> StatesAsync(IEnumerable<ReviewerProfile> profiles, CancellationToken ct = default)
    {
        var ids = profiles.Select(p => p.UserId).OfType<string>().Distinct().ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.PasswordHash }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.PasswordHash is null ? ReviewerAccountState.Invited : ReviewerAccountState.Active);
    }

    public static string Display(ReviewerAccountState s) => s switch
    {
        ReviewerAccountState.None => "未开通账号",
        ReviewerAccountState.Invited => "已邀请，待本人激活",
        _ => "账号已激活",
    };
}

/// <summary>Who may see and change which profile (per resource, not per page).</summary>
public static class ReviewerProfileAccess
{
    /// <summary>The people who run the pool (<see cref="Policies.ReviewerPoolStaff"/>): office, administrator, leading group.</summary>
    public static bool IsStaff(ClaimsPrincipal u) => u.IsOffice() || u.IsLeadingGroup();

    public static bool IsOwn(ClaimsPrincipal u, ReviewerProfile p) =>
        p.UserId is not null && p.UserId == u.UserId() && u.IsReviewer();

    public static bool CanView(ClaimsPrincipal u, ReviewerProfile p) => IsStaff(u) || IsOwn(u, p);

    /// <summary>The office edits any profile; a reviewer edits their own.</summary>
    public static bool CanEdit(ClaimsPrincipal u, ReviewerProfile p) => u.IsOffice() || IsOwn(u, p);
}
