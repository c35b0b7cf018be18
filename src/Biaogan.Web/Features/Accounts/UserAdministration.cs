using System.Security.Claims;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// 人员与邀请 for the office and administrators — the one place both the pages (Users, Invite) and the JSON API
/// (UsersApi) call: list accounts, invite, disable and enable, change the invited roles, reset two-factor sign-in,
/// resend an invitation. Every change that should end the person's sessions renews the security stamp, which
/// each session re-checks within a minute (Security:SessionCheckSeconds).
/// </summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, Invitations invitations, AccountAudit audit,
    TimeProvider clock, IUnitNames unitNames)
{
    public const int PageSize = 50;

    /// <param name="CanManage">Whether the viewer may disable or enable this account (not themselves; office staff not admins).</param>
    public sealed record Row(AppUser User, IReadOnlyList<string> RoleNames, IReadOnlyList<string> Roles, string? Unit, AccountState State, bool CanManage);

    public sealed record Listing(IReadOnlyList<Row> Rows, int Total, int Page)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>The roles the viewer may invite or grant: only an administrator grants administrator or office.</summary>
    public static IReadOnlyList<string> GrantableRoles(ClaimsPrincipal viewer) => viewer.IsInRole(Roles.Admin)
        ? Roles.Invited
        : Roles.Invited.Where(r => r is not (Roles.Admin or Roles.Office)).ToList();

    public async Task<AppUser> InviteAsync(ClaimsPrincipal viewer, string name, string email, IReadOnlyList<string> roles, CancellationToken ct = default)
    {
        var chosen = roles.Distinct().ToList();
        if (chosen.Count == 0) throw new DomainRuleException("请至少选择一个角色。");
        if (chosen.Any(r => !Roles.Invited.Contains(r))) throw new DomainRuleException("所选角色不能通过邀请授予，请重新选择。");
        if (chosen.Any(r => !GrantableRoles(viewer).Contains(r)))
            throw new DomainRuleException("只有系统管理员可以邀请活动办公室工作人员或系统管理员。");
        var display = string.Join("、", chosen.Select(Roles.Display));
        return await invitations.InviteAsync(new Invitations.Request(email, name, chosen, display), ct);
    }

    public async Task<AppUser> ResendInvitationAsync(string id, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        await invitations.ResendAsync(user, ct);
        return user;
    }

    public async Task<AppUser> DisableAsync(ClaimsPrincipal viewer, string id)
    {
        var user = await FindAsync(id);
        await EnsureMayManageAsync(viewer, user, "停用");
        if (AccountStatus.IsDisabled(user, clock.GetUtcNow())) throw new DomainRuleException($"{user.DisplayName} 的账号已是停用状态。");
        var entry = audit.Record(user, "停用账号");
        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, AccountStatus.DisabledUntil);
        // A new security stamp ends the person's open sessions at the next validation.
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        Check(result, entry);
        return user;
    }

    public async Task<AppUser> EnableAsync(ClaimsPrincipal viewer, string id)
    {
        var user = await FindAsync(id);
        await EnsureMayManageAsync(viewer, user, "恢复");
        var entry = audit.Record(user, "恢复启用账号");
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        Check(result, entry);
        return user;
    }

    /// <summary>Sets the invited roles (staff, reviewer, committees); an organisation's or body's role stays as it is.</summary>
    public async Task<AppUser> ChangeRolesAsync(ClaimsPrincipal viewer, string id, IReadOnlyList<string> roles)
    {
        var user = await FindAsync(id);
        await EnsureMayManageAsync(viewer, user, "调整角色");
        var wanted = roles.Distinct().ToList();
        if (wanted.Any(r => !Roles.Invited.Contains(r))) throw new DomainRuleException("所选角色不能由活动办公室授予，请重新选择。");
        if (wanted.Any(r => !GrantableRoles(viewer).Contains(r)))
            throw new DomainRuleException("只有系统管理员可以授予活动办公室工作人员或系统管理员角色。");
        var current = await users.GetRolesAsync(user);
        var add = wanted.Except(current).ToList();
        var remove = current.Where(r => Roles.Invited.Contains(r)).Except(wanted).ToList();
        if (current.Except(remove).Concat(add).Distinct().Count() == 0)
            throw new DomainRuleException("账号至少要保留一个角色；如不再需要该账号，请停用它。");
        if (add.Count == 0 && remove.Count == 0) return user;
        var entries = add.Select(r => audit.Record(user, $"授予角色：{Roles.Display(r)}"))
            .Concat(remove.Select(r => audit.Record(user, $"撤销角色：{Roles.Display(r)}"))).ToList();
        var result = remove.Count > 0 ? await users.RemoveFromRolesAsync(user, remove) : IdentityResult.Success;
        if (result.Succeeded && add.Count > 0) result = await users.AddToRolesAsync(user, add);
        // Roles are claims in the session cookie: a new stamp makes every session pick up the change (or end).
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) entries.ForEach(audit.Discard);
        Check(result, null);
        return user;
    }

    /// <summary>Unbinds a lost authenticator: the person sets up a new one at the next sign-in (staff must).</summary>
    public async Task<AppUser> ResetTwoFactorAsync(ClaimsPrincipal viewer, string id)
    {
        var user = await FindAsync(id);
        await EnsureMayManageAsync(viewer, user, "重置两步验证");
        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            throw new DomainRuleException($"{user.DisplayName} 尚未绑定身份验证器，无需重置。");
        var entry = audit.Record(user, "重置两步验证");
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded) result = await users.ResetAuthenticatorKeyAsync(user);
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        Check(result, entry);
        return user;
    }

    public async Task<Listing> ListAsync(ClaimsPrincipal viewer, string? role, string? q, int page, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(role) && Roles.All.Contains(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(u => u.DisplayName.Contains(text) || u.Email!.Contains(text));
        }
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var users = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var orgIds = users.Where(u => u.OrganizationId is not null).Select(u => u.OrganizationId!.Value).Distinct().ToList();
        var bodyIds = users.Where(u => u.RecommendingBodyId is not null).Select(u => u.RecommendingBodyId!.Value).Distinct().ToList();
        var orgs = await unitNames.NamesAsync(orgIds, ct);
        var bodies = await unitNames.NamesAsync(bodyIds, ct);
        var now = clock.GetUtcNow();
        var me = viewer.UserId();
        var isAdmin = viewer.IsInRole(Roles.Admin);
        var rows = users.Select(u =>
        {
            var names = roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList();
            var unit = u.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : u.RecommendingBodyId is { } b ? bodies.GetValueOrDefault(b) : null;
            var canManage = u.Id != me && (isAdmin || !names.Any(n => n is Roles.Admin or Roles.Office));
            return new Row(u, names, names.Select(Roles.Display).ToList(), unit, AccountStatus.Of(u, now), canManage);
        }).ToList();
        return new Listing(rows, total, page);
    }

    private async Task<AppUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new DomainRuleException("找不到该用户，可能已被删除，请刷新页面。");

    private async Task EnsureMayManageAsync(ClaimsPrincipal viewer, AppUser user, string verb)
    {
        if (user.Id == viewer.UserId()) throw new DomainRuleException($"不能{verb}自己的账号。");
        var targetRoles = await users.GetRolesAsync(user);
        if (!viewer.IsInRole(Roles.Admin) && targetRoles.Any(r => r is Roles.Admin or Roles.Office))
            throw new DomainRuleException($"只有系统管理员可以{verb}活动办公室工作人员或系统管理员的账号。");
    }

    private void Check(IdentityResult result, Infrastructure.Audit.AuditEntry? entry)
    {
        if (result.Succeeded) return;
        if (entry is not null) audit.Discard(entry);
        throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
    }
}
