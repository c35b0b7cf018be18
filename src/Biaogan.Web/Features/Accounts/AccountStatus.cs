namespace Biaogan.Web.Features.Accounts;

/// <summary>What state an account is in, as the office sees it.</summary>
public enum AccountState { Invited, Unconfirmed, Active, LockedOut, Disabled }

public static class AccountStatus
{
    /// <summary>Disabling sets the lockout end this far ahead; anything beyond a century counts as disabled.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(AppUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now.AddYears(100);

    public static AccountState Of(AppUser user, DateTimeOffset now)
    {
        if (IsDisabled(user, now)) return AccountState.Disabled;
        if (user.PasswordHash is null) return AccountState.Invited;
        if (!user.EmailConfirmed) return AccountState.Unconfirmed;
        if (user.LockoutEnd is { } end && end > now) return AccountState.LockedOut;
        return AccountState.Active;
    }

    public static string Display(AccountState state) => state switch
    {
        AccountState.Invited => "已邀请，待激活",
        AccountState.Unconfirmed => "待确认邮箱",
        AccountState.LockedOut => "暂时锁定",
        AccountState.Disabled => "已停用",
        _ => "正常",
    };

    public static string Badge(AccountState state) => state switch
    {
        AccountState.Active => "badge-ok",
        AccountState.Disabled => "badge-err",
        AccountState.LockedOut => "badge-warn",
        _ => "badge-info",
    };
}
