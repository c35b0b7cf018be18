using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// Notifications' side of the <see cref="IAccountMail"/> hook of Accounts: the account e-mails (confirm address,
/// reset password, invitation), each with an absolute token link.
/// They only enqueue through <see cref="Notifier"/>; the caller's SaveChanges commits them.
/// </summary>
public sealed class AccountMail(UserManager<AppUser> users, Notifier notifier, PublicLinks links) : IAccountMail
{
    public async Task SendConfirmationAsync(AppUser user, string unitName, CancellationToken ct = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await notifier.NotifyAsync(DefaultTemplates.ConfirmEmail, [user],
            new Dictionary<string, string> { ["单位名称"] = unitName, ["链接"] = links.ConfirmEmail(user, token) }, ct: ct);
    }

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken ct = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await notifier.NotifyAsync(DefaultTemplates.ResetPassword, [user],
            new Dictionary<string, string> { ["链接"] = links.ResetPassword(user, token) }, ct: ct);
    }

    public async Task SendInvitationAsync(AppUser user, string roleDisplay, CancellationToken ct = default)
    {
        var token = await users.GenerateUserTokenAsync(user, Invitations.TokenProvider, Invitations.Purpose);
        await notifier.NotifyAsync(DefaultTemplates.Invitation, [user],
            new Dictionary<string, string> { ["角色"] = roleDisplay, ["链接"] = links.AcceptInvitation(user, token) }, ct: ct);
    }
}
