using Biaogan.Web.Features.Accounts;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// Tells a committee that a vote waits for it (入围评议 and 综合评价: 评审委员会; 审定: 审定委员会), once per occasion,
/// with the deadline when the stage has one. No stage of the 实施细则 fixes a voting deadline yet, so the text says so
/// and asks for an early vote rather than inventing a date.
/// </summary>
public sealed class CommitteeNotices(NoticeLedger ledger)
{
    public const string NoDeadline = "本轮投票未规定截止日期，请尽早投票，以免影响后续工作安排。";

    public static string DeadlineText(DateOnly? deadline) =>
        deadline is { } d ? $"请在 {d:yyyy年M月d日} 前完成投票。" : NoDeadline;

    /// <param name="members">The committee's voting members of the cycle (Governance.CommitteeVoters: approved by the leading group).</param>
    public async Task<bool> VoteWaitsAsync(IReadOnlyList<AppUser> members, string occasion, string templateKey, Dictionary<string, string> values,
        string link, DateOnly? deadline, CancellationToken ct)
    {
        if (members.Count == 0) return false;
        values["截止说明"] = DeadlineText(deadline);
        return await ledger.NotifyOnceAsync(occasion, templateKey, members, values, link, ct);
    }
}
