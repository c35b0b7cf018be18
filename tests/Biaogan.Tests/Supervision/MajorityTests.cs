using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Supervision;

namespace Biaogan.Tests.Supervision;

/// <summary>The leading group decides when an outcome has more than the set share of the votes cast (default: 过半数).</summary>
[NoDatabase]
public class MajorityTests
{
    private static readonly Guid Case = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    private static List<SupervisionVote> Votes(params CaseOutcome[] outcomes) =>
        outcomes.Select((o, i) => new SupervisionVote(Case, $"u{i}", $"成员{i}", o, "理由", Now)).ToList();

    [Fact]
    public void More_than_half_of_the_votes_cast_decides()
    {
        var tally = new MajorityRule().Tally(Votes(CaseOutcome.Revoke, CaseOutcome.Revoke, CaseOutcome.NoEffect));
        Assert.Equal(CaseOutcome.Revoke, tally.Winner);
        Assert.Equal(2, tally.For(CaseOutcome.Revoke));
        Assert.Equal(3, tally.Cast);
    }

    [Fact]
    public void A_tie_or_a_three_way_split_decides_nothing()
    {
        Assert.Null(new MajorityRule().Tally(Votes(CaseOutcome.Revoke, CaseOutcome.NoEffect)).Winner);
        Assert.Null(new MajorityRule().Tally(Votes(CaseOutcome.Revoke, CaseOutcome.NoEffect, CaseOutcome.Confirmation)).Winner);
        Assert.Null(new MajorityRule().Tally([]).Winner);
    }

    [Fact]
    public void A_two_thirds_setting_needs_more_than_two_thirds()
    {
        var rule = new MajorityRule { Share = 0.6667m };
        Assert.Null(rule.Tally(Votes(CaseOutcome.Revoke, CaseOutcome.Revoke, CaseOutcome.NoEffect)).Winner);
        Assert.Equal(CaseOutcome.Revoke, rule.Tally(Votes(CaseOutcome.Revoke, CaseOutcome.Revoke, CaseOutcome.Revoke, CaseOutcome.NoEffect)).Winner);
    }
}
