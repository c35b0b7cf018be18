using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Errors;
using static Biaogan.Tests.Infrastructure.ReviewersBuilders;

namespace Biaogan.Tests.Reviewers;

/// <summary>候选 → 已聘用 ⇄ 暂停 → 撤销资格: every move in the table works, every other move is refused.</summary>
[NoDatabase]
public class ReviewerLifecycleTests
{
    private static ReviewerProfile InStatus(ReviewerStatus status) => status switch
    {
        // An eligible candidate with an account, so that only the status table can refuse a move.
        ReviewerStatus.Candidate => Eligible(userId: Guid.NewGuid().ToString()),
        ReviewerStatus.Appointed => Appointed(),
        ReviewerStatus.Suspended => Suspended(),
        _ => Revoked(),
    };

    private static void Do(ReviewerProfile p, ReviewerAction action)
    {
        var end = Today.AddYears(3).AddDays(-1);
        switch (action)
        {
            case ReviewerAction.Nominate: p.Nominate(Settings(), "赵丙", "推荐", Now); break;
            case ReviewerAction.Appoint: p.Appoint(Settings(), Today, end, "周领导", null, Now); break;
            case ReviewerAction.Decline: p.Decline("本年度名额已满", "周领导", Now); break;
            case ReviewerAction.Renew: p.Renew(Settings(), Today, end.AddYears(1), "周领导", null, Now); break;
            case ReviewerAction.Suspend: p.Suspend("正在核实投诉", Now); break;
            case ReviewerAction.Reinstate: p.Reinstate(); break;
            case ReviewerAction.Reprimand: p.Sanction(SanctionKind.Warning, Today, "未按时提交评审意见", "赵丙", Today, Now); break;
            default: p.Sanction(SanctionKind.Revocation, Today, "泄露评审信息", "赵丙", Today, Now); break;
        }
    }

    public static TheoryData<ReviewerStatus, ReviewerAction> IllegalMoves()
    {
        var data = new TheoryData<ReviewerStatus, ReviewerAction>();
        foreach (var s in Enum.GetValues<ReviewerStatus>())
            foreach (var a in Enum.GetValues<ReviewerAction>())
                if (!ReviewerProfile.Transitions.Contains((s, a))) data.Add(s, a);
        return data;
    }

    public static TheoryData<ReviewerStatus, ReviewerAction> LegalMoves()
    {
        var data = new TheoryData<ReviewerStatus, ReviewerAction>();
        foreach (var (s, a) in ReviewerProfile.Transitions) data.Add(s, a);
        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Every_move_outside_the_table_is_refused(ReviewerStatus status, ReviewerAction action)
    {
        var p = InStatus(status);
        var sanctions = p.Sanctions.Count;
        var ex = Assert.Throws<DomainRuleException>(() => Do(p, action));
        Assert.Contains($"当前状态为“{status.Display()}”，不能", ex.Message);
        Assert.Equal(status, p.Status);
        Assert.Equal(sanctions, p.Sanctions.Count);
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Every_move_in_the_table_is_allowed(ReviewerStatus status, ReviewerAction action)
    {
        var p = InStatus(status);
        Do(p, action);
        var expected = action switch
        {
            ReviewerAction.Appoint or ReviewerAction.Reinstate => ReviewerStatus.Appointed,
            ReviewerAction.Suspend => ReviewerStatus.Suspended,
            ReviewerAction.Revoke => ReviewerStatus.Revoked,
            _ => status,
        };
        Assert.Equal(expected, p.Status);
    }

    [Fact]
    public void A_candidate_who_does_not_meet_every_condition_cannot_be_appointed_or_nominated()
    {
        var p = Candidate();
        p.LinkAccount(Guid.NewGuid().ToString());
        var ex = Assert.Throws<DomainRuleException>(() => p.Appoint(Settings(), Today, Today.AddYears(3), "周领导", null, Now));
        Assert.Contains("第十二条", ex.Message);
        Assert.Contains("（二）教育水平不符合", ex.Message);
        Assert.Contains("（一）政治与法规待活动办公室判定", ex.Message);
        Assert.Throws<DomainRuleException>(() => p.Nominate(Settings(), "赵丙", null, Now));
        Assert.Equal(ReviewerStatus.Candidate, p.Status);
        Assert.Null(p.NominatedAt);
    }

    [Fact]
    public void A_candidate_without_an_account_cannot_be_appointed()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Eligible().Appoint(Settings(), Today, Today.AddYears(3), "周领导", null, Now));
        Assert.Contains("尚未开通评审员账号", ex.Message);
    }

    [Fact]
    public void The_term_must_end_after_it_starts_and_not_already_be_over()
    {
        var p = Eligible(userId: "u1");
        Assert.Contains("应晚于聘用日期", Assert.Throws<DomainRuleException>(() => p.Appoint(Settings(), Today, Today, "周领导", null, Now)).Message);
        Assert.Contains("已经过去", Assert.Throws<DomainRuleException>(() =>
            p.Appoint(Settings(), Today.AddYears(-4), Today.AddDays(-1), "周领导", null, Now)).Message);
        Assert.Equal(ReviewerStatus.Candidate, p.Status);
    }

    [Fact]
    public void A_nomination_is_made_once_and_a_decision_not_to_appoint_clears_it_with_a_reason()
    {
        var p = Eligible(userId: "u2");
        p.Nominate(Settings(), "赵丙", "拟安排制造业评审", Now);
        Assert.True(p.IsNominated);
        Assert.Contains("已提请", Assert.Throws<DomainRuleException>(() => p.Nominate(Settings(), "赵丙", null, Now)).Message);
        Assert.Contains("理由", Assert.Throws<DomainRuleException>(() => p.Decline(" ", "周领导", Now)).Message);
        p.Decline("本年度制造业评审员已足额", "周领导", Now);
        Assert.False(p.IsNominated);
        Assert.Equal("本年度制造业评审员已足额", p.DeclineReason);
        Assert.Equal(ReviewerStatus.Candidate, p.Status);
    }

    [Fact]
    public void The_term_is_available_from_its_first_to_its_last_day()
    {
        var p = Appointed(from: Today, termYears: 3);
        Assert.Equal(new DateOnly(2029, 11, 26), p.TermEndsOn);
        Assert.False(p.IsAvailableOn(Today.AddDays(-1)));
        Assert.True(p.IsAvailableOn(Today));
        Assert.True(p.IsAvailableOn(new DateOnly(2029, 11, 26)));
        Assert.False(p.IsAvailableOn(new DateOnly(2029, 11, 27)));
        Assert.True(p.TermExpiredOn(new DateOnly(2029, 11, 27)));
    }

    [Fact]
    public void Suspension_and_reinstatement_move_availability_and_need_a_reason()
    {
        var p = Appointed();
        Assert.Throws<DomainRuleException>(() => p.Suspend("", Now));
        p.Suspend("正在核实投诉", Now);
        Assert.False(p.IsAvailableOn(Today));
        p.Reinstate();
        Assert.True(p.IsAvailableOn(Today));
        Assert.Null(p.SuspensionReason);
    }

    [Fact]
    public void A_sanction_needs_a_reason_and_a_date_within_the_appointment()
    {
        var p = Appointed(from: Today.AddDays(-10));
        Assert.Contains("理由", Assert.Throws<DomainRuleException>(() => p.Sanction(SanctionKind.Criticism, Today, "", "赵丙", Today, Now)).Message);
        Assert.Contains("不能晚于今天", Assert.Throws<DomainRuleException>(() =>
            p.Sanction(SanctionKind.Criticism, Today.AddDays(1), "迟到", "赵丙", Today, Now)).Message);
        Assert.Contains("不能早于聘用日期", Assert.Throws<DomainRuleException>(() =>
            p.Sanction(SanctionKind.Criticism, Today.AddDays(-11), "迟到", "赵丙", Today, Now)).Message);
        p.Sanction(SanctionKind.Criticism, Today, "评审会议无故迟到", "赵丙", Today, Now);
        Assert.Equal(ReviewerStatus.Appointed, p.Status);
        Assert.Single(p.Sanctions);
    }

    [Fact]
    public void A_revoked_profile_is_kept_for_the_record_and_can_no_longer_be_edited()
    {
        var p = Revoked();
        Assert.NotNull(p.RevokedAt);
        Assert.False(p.IsAvailableOn(Today));
        Assert.Throws<DomainRuleException>(() => p.UpdateBackground(new ReviewerBackground(null, null, null, null, [], null, false, false), Today.Year));
        Assert.Throws<DomainRuleException>(() => p.AddWorkPeriod("甲公司", null, 2010, 2015, "经理", WorkField.Sales, Today.Year));
        Assert.Throws<DomainRuleException>(() => p.AddTraining(TrainingKind.ReviewMethod, Today, "中国质量协会", null, null, Today));
        Assert.Throws<DomainRuleException>(() => p.UpdateContact("新名字", p.Email, ""));
    }

    [Fact]
    public void The_email_of_a_linked_profile_cannot_be_changed_in_the_profile()
    {
        var p = Eligible(userId: "u3");
        Assert.Contains("登录账号", Assert.Throws<DomainRuleException>(() => p.UpdateContact(p.Name, "other@example.cn", "")).Message);
        p.UpdateContact("钱丁丁", p.Email.ToUpperInvariant(), "010-12345678");
        Assert.Equal("钱丁丁", p.Name);
    }
}
