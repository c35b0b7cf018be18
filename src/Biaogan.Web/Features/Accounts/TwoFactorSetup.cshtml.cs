using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// 两步验证设置: shows the authenticator key (grouped) and a QR code, checks one code, enables 2FA and
/// shows ten recovery codes once. Staff and committee members are sent here until they have done it.
/// </summary>
public sealed class TwoFactorSetupModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountAudit audit) : AppPageModel
{
    public const string Issuer = "全国用户满意标杆";

    public sealed class InputModel
    {
        [Display(Name = "验证码")]
        [Required(ErrorMessage = "请输入身份验证器上显示的6位验证码。")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "验证码应为6位数字。")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool AlreadyEnabled { get; private set; }
    public bool Required => Roles.RequireTwoFactor.Any(User.IsInRole);
    public string GroupedKey { get; private set; } = "";
    public HtmlString QrSvg { get; private set; } = HtmlString.Empty;
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("当前用户不存在。");
        AlreadyEnabled = user.TwoFactorEnabled;
        if (!AlreadyEnabled) await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("当前用户不存在。");
        if (user.TwoFactorEnabled)
        {
            AlreadyEnabled = true;
            return Page();
        }
        if (!ModelState.IsValid) return await RedisplayAsync();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}",
                "验证码不正确。请确认已扫描本页的二维码（或输入了本页的密钥），并输入身份验证器当前显示的6位数字；如手机时间不准，请校准后再试。");
            return await RedisplayAsync();
        }
        var entry = audit.Record(user, "启用两步验证（身份验证器）");
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            audit.Discard(entry);
            foreach (var e in enabled.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return await RedisplayAsync();
        }
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("当前用户不存在。");
        await LoadKeyAsync(user);
        return Page();
    }

    public string ContinueUrl => LoginModel.SafeReturnUrl(Url, ReturnUrl);

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        GroupedKey = string.Join(" ", key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new HtmlString(new SvgQRCode(data).GetGraphic(5, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute));
    }
}
