using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Assignment;

[NoDatabase]
public class PlanEditAndDiffTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();
    private static readonly Guid R1 = Guid.NewGuid(), R2 = Guid.NewGuid(), R3 = Guid.NewGuid(), R4 = Guid.NewGuid();

    private static AssignmentInput Input()
    {
        var apps = new[] { (A, "甲公司"), (B, "乙公司") }.ToDictionary(x => x.Item1, x => new PlanApplication(x.Item1, "BG-" + x.Item2, x.Item2, "C", "北京市"));
        var reviewers = new[] { (R1, "一"), (R2, "二"), (R3, "三"), (R4, "四") }
            .ToDictionary(x => x.Item1, x => new PlanReviewer(x.Item1, x.Item2, x.Item2 + "@test.cn", "单位" + x.Item2, "北京市", true, 5));
        var problem = new AssignmentProblem(
            apps.Values.Select(a => new AssignmentApplication(a.Id, a.Name, new IndustryCode("C"))).ToList(),
            reviewers.Values.Select(r => new AssignmentReviewer(r.Id, r.Name, 5, [new IndustryCode("C")], r.Employer, "", true)).ToList(), [])
        { GroupSize = 2 };
        var current = new AssignmentSolution([new AssignmentGroup(A, [R1, R2], R1), new AssignmentGroup(B, [R3, R4], R3)]);
        return new AssignmentInput(new Cycle(2026, DateTimeOffset.UnixEpoch), ReviewStage.Document, problem, apps, reviewers, current, PlanBaseline.Fingerprint(current));
    }

    private static List<PlannedGroup> Groups(AssignmentInput input) => AssignmentPlans.ToPlanned(input.Current).ToList();

    [Fact]
    public void Swapping_two_reviewers_moves_each_to_the_other_group_and_hands_over_the_lead()
    {
        var input = Input();
        var after = PlanEdits.Apply(Groups(input), new PlanEdit(EditKind.Swap, A, R1, B, R3), input);
        var a = after.Single(g => g.ApplicationId == A);
        var b = after.Single(g => g.ApplicationId == B);
        Assert.Contains(R3, a.ReviewerIds);
        Assert.DoesNotContain(R1, a.ReviewerIds);
        Assert.Equal(R3, a.LeaderId);
        Assert.Equal(R1, b.LeaderId);
        Assert.Contains(R1, b.ReviewerIds);
    }

    [Fact]
    public void Moving_a_leader_away_leaves_the_group_without_one_and_the_diff_shows_both_groups()
    {
        var input = Input();
        var after = PlanEdits.Apply(Groups(input), new PlanEdit(EditKind.Move, A, R1, B), input);
        Assert.Null(after.Single(g => g.ApplicationId == A).LeaderId);
        var diff = PlanPreview.Diff(input.Current, new AssignmentSolution(after.Select(g => new AssignmentGroup(g.ApplicationId, g.ReviewerIds, g.LeaderId)).ToList()));
        Assert.Equal(2, diff.Count);
        Assert.Equal([R1], diff.Single(d => d.ApplicationId == A).Removed);
        Assert.Equal([R1], diff.Single(d => d.ApplicationId == B).Added);
        Assert.True(diff.Single(d => d.ApplicationId == A).LeaderChanged);
    }

    [Fact]
    public void Edits_that_do_not_fit_the_groups_are_refused_in_Chinese()
    {
        var input = Input();
        Assert.Contains("已在", Assert.Throws<DomainRuleException>(() => PlanEdits.Apply(Groups(input), new PlanEdit(EditKind.Add, A, R1), input)).Message);
        Assert.Contains("不在", Assert.Throws<DomainRuleException>(() => PlanEdits.Apply(Groups(input), new PlanEdit(EditKind.SetLeader, A, R3), input)).Message);
        Assert.Contains("不是当前可参加评审的评审员", Assert.Throws<DomainRuleException>(() => PlanEdits.Apply(Groups(input), new PlanEdit(EditKind.Add, A, Guid.NewGuid()), input)).Message);
    }

    [Fact]
    public void A_plan_made_against_other_groups_is_stale_and_a_conflicted_seat_may_never_be_applied()
    {
        var input = Input();
        var plan = new AssignmentPlan(Guid.NewGuid(), ReviewStage.Document, PlanSource.Manual, Groups(input), "OLD", "", "赵丙", DateTimeOffset.UnixEpoch);
        Assert.True(PlanPreview.Review(input, plan).Stale);
        Assert.Equal(RuleWeight.Forbidden, PlanPreview.Weigh(ViolationKind.ConflictOfInterest));
        Assert.Equal(RuleWeight.NeedsReason, PlanPreview.Weigh(ViolationKind.OverLoad));
        Assert.Equal(RuleWeight.Warning, PlanPreview.Weigh(ViolationKind.WrongGroupSize));
    }

    [Fact]
    public void The_employer_key_is_the_credit_code_when_known_and_otherwise_the_name_without_spaces_or_bracket_widths()
    {
        var p = new ReviewerProfile("测试", "t@test.cn", "1", DateTimeOffset.UnixEpoch);
        var named = p.AddWorkPeriod("北京 标杆（集团）公司", null, 2015, null, "总监", WorkField.QualityManagement, 2026);
        Assert.Equal(AssignmentInputs.NormalizeName("北京标杆(集团)公司"), AssignmentInputs.EmployerKey(named));
        Assert.Equal("", AssignmentInputs.EmployerKey(null));
    }
}
