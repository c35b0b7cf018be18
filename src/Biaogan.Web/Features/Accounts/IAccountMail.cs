namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// The account e-mails (confirm address, reset password, invitation). A hook: Accounts is the lowest feature and
/// may not use Notifications, so Notifications implements it (<c>Notifications.AccountMail</c>). The mail is only
/// enqueued; the caller's save commits it.
/// </summary>
public interface IAccountMail
{
    Task SendConfirmationAsync(AppUser user, string unitName, CancellationToken ct = default);
    Task SendPasswordResetAsync(AppUser user, CancellationToken ct = default);
    Task SendInvitationAsync(AppUser user, string roleDisplay, CancellationToken ct = default);
}
