using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Accounts;

/// <summary>人员与邀请: every account with roles and status; resend invitations, disable and enable.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class UsersModel(AppDbContext db, UserManager<AppUser> users, Invitations invitations, AccountAudit audit,
    TimeProvider clock, IUnitNames unitNames) : AppPageModel
{
    public const int PageSize = 50;

    /// <param name="CanManage">Whether the viewer may disable or enable this account (not themselves; office staff not admins).</param>
    public sealed record Row(AppUser User, IReadOnlyList<string> Roles, string? Unit, AccountState State, bool CanManage);

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        await invitations.ResendAsync(user, ct);
        Flash = $"已重新向 {user.Email} 发送邀请邮件。";
        return Back();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var user = await FindAsync(id);
        await EnsureMayManageAsync(user, "停用");
        if (AccountStatus.IsDisabled(user, clock.GetUtcNow())) throw new DomainRuleException($"{user.DisplayName} 的账号已是停用状态。");
        var entry = audit.Record(user, "停用账号");
        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, AccountStatus.DisabledUntil);
        if (!result.Succeeded)
        {
            audit.Discard(entry);
            throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        // A new security stamp ends the person's open sessions at the next validation.
        await users.UpdateSecurityStampAsync(user);
        Flash = $"已停用 {user.DisplayName} 的账号，其将无法登录。";
        return Back();
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var user = await FindAsync(id);
        await EnsureMayManageAsync(user, "恢复");
        var entry = audit.Record(user, "恢复启用账号");
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (!result.Succeeded)
        {
            audit.Discard(entry);
            throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await users.ResetAccessFailedCountAsync(user);
        Flash = $"已恢复 {user.DisplayName} 的账号，其可以重新登录。";
        return Back();
    }

    private async Task<AppUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new DomainRuleException("找不到该用户，可能已被删除，请刷新页面。");

    private async Task EnsureMayManageAsync(AppUser user, string verb)
    {
        if (user.Id == users.GetUserId(User)) throw new DomainRuleException($"不能{verb}自己的账号。");
        var targetRoles = await users.GetRolesAsync(user);
        if (!User.IsInRole(Roles.Admin) && targetRoles.Any(r => r is Roles.Admin or Roles.Office))
            throw new DomainRuleException($"只有系统管理员可以{verb}活动办公室工作人员或系统管理员的账号。");
    }

    private RedirectToPageResult Back() => RedirectToPage(new { role = Role, q = Q, p = PageNumber });

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(Role) && Roles.All.Contains(Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == Role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.DisplayName.Contains(q) || u.Email!.Contains(q));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var orgIds = page.Where(u => u.OrganizationId is not null).Select(u => u.OrganizationId!.Value).Distinct().ToList();
        var bodyIds = page.Where(u => u.RecommendingBodyId is not null).Select(u => u.RecommendingBodyId!.Value).Distinct().ToList();
        var orgs = await unitNames.NamesAsync(orgIds, ct);
        var bodies = await unitNames.NamesAsync(bodyIds, ct);
        var now = clock.GetUtcNow();
        var me = users.GetUserId(User);
        var isAdmin = User.IsInRole(Roles.Admin);
        Rows = page.Select(u =>
        {
            var names = roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList();
            var unit = u.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : u.RecommendingBodyId is { } b ? bodies.GetValueOrDefault(b) : null;
            var canManage = u.Id != me && (isAdmin || !names.Any(n => n is Roles.Admin or Roles.Office));
            return new Row(u, names.Select(Roles.Display).ToList(), unit, AccountStatus.Of(u, now), canManage);
        }).ToList();
    }
}
