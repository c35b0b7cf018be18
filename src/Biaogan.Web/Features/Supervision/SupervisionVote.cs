using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Supervision;

/// <summary>One leading-group member's vote on a case, with the reason; changeable until the decision is recorded.</summary>
public sealed class SupervisionVote : Entity
{
    public Guid CaseId { get; private set; }
    public string VoterUserId { get; private set; } = "";
    public string VoterName { get; private set; } = "";
    public CaseOutcome Outcome { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset VotedAt { get; private set; }

    private SupervisionVote() { }

    public SupervisionVote(Guid caseId, string voterUserId, string voterName, CaseOutcome outcome, string? reason, DateTimeOffset now)
    {
        CaseId = caseId;
        VoterUserId = voterUserId;
        VoterName = voterName;
        Change(outcome, reason, now);
    }

    public override (string Type, Guid Id) AuditSubject => ("SupervisionCase", CaseId);

    public void Change(CaseOutcome outcome, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写投票理由。");
        if (reason.Trim().Length > 2000) throw new DomainRuleException("投票理由请控制在 2000 字以内。");
        Outcome = outcome;
        Reason = reason.Trim();
        VotedAt = now;
        RecordAction($"{VoterName} 投票：{SupervisionCase.OutcomeDisplay(outcome)}（{Reason}）");
    }
}

/// <summary>The count of one case's votes.</summary>
public sealed record Tally(int Cast, IReadOnlyDictionary<CaseOutcome, int> Counts, CaseOutcome? Winner)
{
    public int For(CaseOutcome o) => Counts.TryGetValue(o, out var n) ? n : 0;
}

/// <summary>
/// When the leading group has decided (setting Supervision:Majority): an outcome wins with more than
/// <see cref="Share"/> of the votes cast (default one half: 过半数), and at least <see cref="MinimumVotes"/> votes must be cast.
/// </summary>
public sealed class MajorityRule
{
    /// <summary>The share of the votes cast an outcome must exceed, 0.5 ≤ share &lt; 1.</summary>
    public decimal Share { get; set; } = 0.5m;
    public int MinimumVotes { get; set; } = 1;

    public string Description => Share == 0.5m ? "过半数票" : $"超过 {Share:P0} 的票数";

    public Tally Tally(IReadOnlyCollection<SupervisionVote> votes)
    {
        var counts = votes.GroupBy(v => v.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var cast = votes.Count;
        var share = Math.Clamp(Share, 0.5m, 0.99m);
        CaseOutcome? winner = counts.Where(c => cast > 0 && c.Value > share * cast).Select(c => (CaseOutcome?)c.Key).FirstOrDefault();
        return new Tally(cast, counts, winner);
    }
}
