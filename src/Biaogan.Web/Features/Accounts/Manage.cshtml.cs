using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Accounts;

/// <summary>账号设置: name, password, two-factor status and recovery codes.</summary>
public sealed class ManageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountAudit audit,
    IUnitNames unitNames) : AppPageModel
{
    public sealed class ProfileInput
    {
        [Display(Name = "姓名")]
        [Required(ErrorMessage = "请填写姓名。")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
        public string DisplayName { get; set; } = "";
    }

    public sealed class PasswordInput
    {
        [Display(Name = "当前密码")]
        [Required(ErrorMessage = "请填写当前密码。")]
        [DataType(DataType.Password)]
        public string OldPassword { get; set; } = "";

        [Display(Name = "新密码")]
        [Required(ErrorMessage = "请填写新密码。")]
        [StringLength(100, MinimumLength = 10, ErrorMessage = "新密码长度应为10至100个字符。")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Display(Name = "确认新密码")]
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }

    public ProfileInput Profile { get; set; } = new();
    public PasswordInput ChangePassword { get; set; } = new();

    public AppUser Me { get; private set; } = null!;
    public IList<string> RoleNames { get; private set; } = [];
    public string? UnitName { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Profile.DisplayName = Me.DisplayName;
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        await LoadAsync();
        if (!await TryUpdateModelAsync(Profile, nameof(Profile))) return Page();
        Me.DisplayName = Profile.DisplayName.Trim();
        var result = await users.UpdateAsync(Me);
        if (!AddErrors(result)) return Page();
        await signIn.RefreshSignInAsync(Me);
        Flash = "姓名已保存。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        await LoadAsync();
        Profile.DisplayName = Me.DisplayName;
        if (!await TryUpdateModelAsync(ChangePassword, nameof(ChangePassword))) return Page();
        var result = await users.ChangePasswordAsync(Me, ChangePassword.OldPassword, ChangePassword.NewPassword);
        if (!AddErrors(result)) return Page();
        await signIn.RefreshSignInAsync(Me);
        Flash = "密码已修改，下次登录请使用新密码。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        await LoadAsync();
        Profile.DisplayName = Me.DisplayName;
        if (!Me.TwoFactorEnabled)
        {
            ModelState.AddModelError(string.Empty, "您尚未启用两步验证，请先完成两步验证设置。");
            return Page();
        }
        audit.Record(Me, "重新生成两步验证恢复码");
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(Me, 10))?.ToList() ?? [];
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    private bool AddErrors(IdentityResult result)
    {
        foreach (var e in result.Errors.Select(e => e.Description).Distinct()) ModelState.AddModelError(string.Empty, e);
        return result.Succeeded;
    }

    private async Task LoadAsync()
    {
        Me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("当前用户不存在。");
        RoleNames = (await users.GetRolesAsync(Me)).Select(Roles.Display).ToList();
        RecoveryCodesLeft = Me.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(Me) : 0;
        UnitName = await unitNames.NameOfAsync(Me);
    }
}
