using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

/// <summary>组织信息: the signed-in applicant's organisation, editable by its users; its users; invite a colleague.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class ProfileModel(AppDbContext db, UserManager<AppUser> users, Invitations invitations, OrganizationWorkflow workflow) : AppPageModel
{
    public OrganizationForm Org { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ColleagueInput Colleague { get; set; } = new();

    public Organization? Organization { get; private set; }
    public IReadOnlyList<AppUser> Members { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (!await LoadAsync()) return;
        Org = OrganizationForm.From(Organization!);
        Version = Organization!.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Page();
        var org = Organization!;
        if (!await TryUpdateModelAsync(Org, nameof(Org))) return Page();
        var code = Uscc.Normalize(Org.Uscc);
        if (code != org.Uscc && await db.Set<Organization>().AnyAsync(o => o.Uscc == code && o.Id != org.Id))
        {
            ModelState.AddModelError($"{nameof(Org)}.{nameof(Org.Uscc)}",
                $"统一社会信用代码 {code} 已被其他组织注册，请核对后重新填写；如该代码确属贵组织，请联系活动办公室。");
            return Page();
        }
        await workflow.SaveProfileAsync(org, Version, Org, HttpContext.RequestAborted);
        Flash = "组织信息已保存。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!await LoadAsync()) return Page();
        Org = OrganizationForm.From(Organization!);
        Version = Organization!.Version;
        if (!await TryUpdateModelAsync(Colleague, nameof(Colleague))) return Page();
        var invited = await Colleagues.InviteToOrganizationAsync(invitations, Organization, Colleague, ct);
        Flash = $"已向 {invited.Email} 发送邀请，对方 7 天内打开邮件中的链接设置密码后即可使用本组织账号。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        if (Organization is not null) Members = await Colleagues.OfOrganizationAsync(db, Organization.Id);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me?.OrganizationId is not { } id) return false;
        Organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id);
        if (Organization is null) return false;
        Members = await Colleagues.OfOrganizationAsync(db, id);
        return true;
    }
}
