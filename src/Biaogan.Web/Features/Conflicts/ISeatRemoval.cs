namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// A hook: a confirmed conflict ends the reviewer's seats on the application, but seats belong to Assignment, which
/// uses Conflicts (blocked pairs). So Conflicts asks through this interface and Assignment implements it
/// (<c>Assignment.SeatDeclarations</c>), as Confirmation does for its group seats (<c>Confirmation.ConfirmationSeatRemoval</c>);
/// every registered implementation is asked. Nothing is saved by the hook; the caller saves.
/// </summary>
public interface ISeatRemoval
{
    /// <summary>Ends every active seat of the reviewer on the application, with the reason; returns how many ended.</summary>
    Task<int> EndSeatsAsync(Guid reviewerId, Guid applicationId, string reason, DateTimeOffset now, CancellationToken ct);
}
