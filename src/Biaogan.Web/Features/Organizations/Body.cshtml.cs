using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

/// <summary>本单位信息 for a 推荐单位's users: status of the office's review, contacts, users, invite a colleague.</summary>
[Authorize(Policy = Policies.Recommender)]
public sealed class BodyModel(AppDbContext db, UserManager<AppUser> users, Invitations invitations, OrganizationWorkflow workflow) : AppPageModel
{
    public sealed class ContactInput : ContactFields;

    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ColleagueInput Colleague { get; set; } = new();

    public RecommendingBody? Body { get; private set; }
    public IReadOnlyList<AppUser> Members { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (!await LoadAsync()) return;
        FillContact();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Page();
        if (!await TryUpdateModelAsync(Contact, nameof(Contact))) return Page();
        await workflow.SaveContactAsync(Body!, Version, Contact.ContactName, Contact.ContactPhone, Contact.ContactEmail, HttpContext.RequestAborted);
        Flash = "联系人信息已保存。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!await LoadAsync()) return Page();
        FillContact();
        if (!await TryUpdateModelAsync(Colleague, nameof(Colleague))) return Page();
        var invited = await Colleagues.InviteToBodyAsync(invitations, Body!, Colleague, ct);
        Flash = $"已向 {invited.Email} 发送邀请，对方 7 天内打开邮件中的链接设置密码后即可使用本单位账号。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        if (Body is not null) Members = await Colleagues.OfBodyAsync(db, Body.Id);
        return Page();
    }

    private void FillContact()
    {
        Contact = new ContactInput { ContactName = Body!.ContactName, ContactPhone = Body.ContactPhone, ContactEmail = Body.ContactEmail };
        Version = Body.Version;
    }

    private async Task<bool> LoadAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me?.RecommendingBodyId is not { } id) return false;
        Body = await db.Set<RecommendingBody>().FirstOrDefaultAsync(b => b.Id == id);
        if (Body is null) return false;
        Members = await Colleagues.OfBodyAsync(db, id);
        return true;
    }
}
