namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// A hook (第二十八条): a suspended or revoked reviewer must not keep open expert-group seats, but seats belong to
/// Assignment, a higher feature. The reviewer pool calls every registered implementation before it saves the change
/// (Discipline's <c>ReviewerSeatRelease</c> ends the seats and asks the office to refill them). Nothing is saved by the hook.
/// </summary>
public interface IReviewerStandDown
{
    /// <param name="change">What happened, in Chinese (“暂停” / “撤销”).</param>
    Task StoodDownAsync(ReviewerProfile reviewer, string change, string reason, DateTimeOffset now, CancellationToken ct);
}
