using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// 找回密码 and 重新发送确认邮件: the e-mail goes out only when the account is in the state the link is for, and the
/// page says the same either way (no account enumeration). Saves the queued e-mail (docs/decisions/0028).
/// </summary>
public sealed class AccountRecovery(UserManager<AppUser> users, AppDbContext db, IAccountMail mail, IUnitNames unitNames)
{
    public async Task SendPasswordResetAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { EmailConfirmed: true, PasswordHash: not null }) return;
        await mail.SendPasswordResetAsync(user, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task ResendConfirmationAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { EmailConfirmed: false, PasswordHash: not null }) return;
        await mail.SendConfirmationAsync(user, await unitNames.NameOfAsync(user, ct) ?? user.DisplayName, ct);
        await db.SaveChangesAsync(ct);
    }
}
