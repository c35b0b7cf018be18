using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Approval;

/// <summary>The approval committee's decisions (第二十二条) as rules of the round itself.</summary>
[NoDatabase]
public class ApprovalRoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static ApprovalRound Round(out Guid a, out Guid b)
    {
        a = Guid.NewGuid();
        b = Guid.NewGuid();
        return new ApprovalRound(Guid.NewGuid(), Guid.NewGuid(),
        [
            new ApprovalItem { ApplicationId = b, OrganizationName = "乙", Category = AwardCategory.Service, Order = 2 },
            new ApprovalItem { ApplicationId = a, OrganizationName = "甲", Category = AwardCategory.Enterprise, Order = 1 },
        ], Now);
    }

    [Fact]
    public void A_conflicted_member_stands_aside_and_a_changed_vote_replaces_the_earlier_one()
    {
        var round = Round(out var a, out _);
        round.CastVote("m1", "委员一", a, ApprovalChoice.NotApprove, "材料存疑", Now);
        round.CastVote("m1", "委员一", a, ApprovalChoice.Approve, "", Now);
        round.CastVote("m2", "委员二", a, ApprovalChoice.Recused, "曾任该组织顾问", Now);
        Assert.Equal((1, 0, 1), round.Tally(a));
        Assert.Contains("理由", Assert.Throws<DomainRuleException>(() => round.CastVote("m3", "委员三", a, ApprovalChoice.NotApprove, "", Now)).Message);
        Assert.Contains("利益关系", Assert.Throws<DomainRuleException>(() => round.CastVote("m3", "委员三", a, ApprovalChoice.Recused, " ", Now)).Message);
    }

    [Fact]
    public void Finalising_needs_every_decision_and_returns_the_approved_in_list_order()
    {
        var round = Round(out var a, out var b);
        round.Decide(b, true, "通过");
        Assert.Contains("甲", Assert.Throws<DomainRuleException>(() => round.Finalise("office", Now)).Message);
        Assert.Contains("理由", Assert.Throws<DomainRuleException>(() => round.Decide(a, true, "")).Message);
        round.Decide(a, true, "通过");
        Assert.Equal([a, b], round.Finalise("office", Now));
        Assert.Throws<DomainRuleException>(() => round.Decide(a, false, "改变主意"));
    }
}
