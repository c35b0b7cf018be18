using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Accounts;

/// <summary>A password to set, typed twice (registration, reset, invitation).</summary>
public abstract class PasswordPair
{
    [Display(Name = "密码")]
    [Required(ErrorMessage = "请设置密码。")]
    [StringLength(100, MinimumLength = 10, ErrorMessage = "密码长度应为10至100个字符。")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "确认密码")]
    [Required(ErrorMessage = "请再次输入密码。")]
    [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致，请重新输入。")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>The person who registers: name, e-mail (the login) and password.</summary>
public sealed class PersonInput : PasswordPair
{
    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请填写您的姓名。")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
    public string Name { get; set; } = "";

    [Display(Name = "电子邮箱")]
    [Required(ErrorMessage = "请填写电子邮箱，它将作为登录账号。")]
    [EmailAddress(ErrorMessage = "电子邮箱格式不正确，例如 name@example.com。")]
    [StringLength(256, ErrorMessage = "电子邮箱不能超过256个字符。")]
    public string Email { get; set; } = "";
}

/// <summary>A new password with its confirmation (reset, invitation).</summary>
public sealed class NewPasswordInput : PasswordPair;

public static class PasswordRules
{
    public const string Hint = "至少10个字符，须包含数字和小写字母。";
}
