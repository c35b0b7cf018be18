using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Accounts;

/// <summary>人员与邀请: every account with roles and status; resend invitations, disable and enable (<see cref="UserAdministration"/>).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class UsersModel(UserAdministration administration) : AppPageModel
{
    public const int PageSize = UserAdministration.PageSize;

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<UserAdministration.Row> Rows { get; private set; } = [];
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
        var user = await administration.ResendInvitationAsync(id, ct);
        Flash = $"已重新向 {user.Email} 发送邀请邮件。";
        return Back();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var user = await administration.DisableAsync(User, id);
        Flash = $"已停用 {user.DisplayName} 的账号，其将无法登录。";
        return Back();
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var user = await administration.EnableAsync(User, id);
        Flash = $"已恢复 {user.DisplayName} 的账号，其可以重新登录。";
        return Back();
    }

    private RedirectToPageResult Back() => RedirectToPage(new { role = Role, q = Q, p = PageNumber });

    private async Task LoadAsync(CancellationToken ct)
    {
        var listing = await administration.ListAsync(User, Role, Q, PageNumber, ct);
        (Rows, Total, PageNumber) = (listing.Rows, listing.Total, listing.Page);
    }
}
