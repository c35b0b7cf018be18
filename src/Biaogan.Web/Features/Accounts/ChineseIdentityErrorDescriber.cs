using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Features.Accounts;

/// <summary>ASP.NET Core Identity's error messages in Chinese, each saying what to do.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作未能完成，请稍后重试；如仍有问题，请联系活动办公室。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "账号信息已被他人修改，请刷新页面后重试。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确，请重新输入。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "链接无效或已过期，请重新申请。");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "恢复码无效或已使用，请核对后重试。");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "该外部登录已关联其他账号。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"用户名“{userName}”无效。");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"电子邮箱“{email}”格式不正确，请检查后重新填写。");
    // The user name is the e-mail address, so both duplicates read the same and are shown once.
    public override IdentityError DuplicateUserName(string userName) => Duplicate(userName);
    public override IdentityError DuplicateEmail(string email) => Duplicate(email);
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"角色名“{role}”无效。");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"角色“{role}”已存在。");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "该账号已设置密码，请直接登录；忘记密码可使用“找回密码”。");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "该账号未启用锁定功能。");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"该用户已具有“{Roles.Display(role)}”角色。");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"该用户不具有“{Roles.Display(role)}”角色。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要{length}个字符。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"密码至少需要包含{uniqueChars}个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码至少需要包含一个符号（如 ! @ # $）。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码至少需要包含一个数字（0-9）。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码至少需要包含一个小写字母（a-z）。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码至少需要包含一个大写字母（A-Z）。");

    private static IdentityError Duplicate(string email) =>
        E("DuplicateEmail", $"电子邮箱 {email} 已注册过账号。如忘记密码，请使用“找回密码”；如需加入本组织已有的账号，请联系已注册的同事在系统中邀请您。");
}
