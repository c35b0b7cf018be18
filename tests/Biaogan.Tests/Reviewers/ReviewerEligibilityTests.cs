using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Errors;
using static Biaogan.Tests.Infrastructure.ReviewersBuilders;

namespace Biaogan.Tests.Reviewers;

/// <summary>第十一条, item by item, as the pure <see cref="ReviewerEligibility.Evaluate"/> sees a profile.</summary>
[NoDatabase]
public class ReviewerEligibilityTests
{
    private static EligibilityItem Item(ReviewerProfile p, EligibilityCondition c, int minimumYears = 5) =>
        ReviewerEligibility.Evaluate(p, Settings(minimumYears))[c];

    [Fact]
    public void A_fully_documented_candidate_meets_all_six_conditions()
    {
        var report = ReviewerEligibility.Evaluate(Eligible(), Settings());
        Assert.Equal(EligibilityOutcome.Met, report.Overall);
        Assert.Equal(6, report.Items.Count);
        Assert.All(report.Items, i => Assert.Equal(EligibilityOutcome.Met, i.Outcome));
        Assert.Equal("符合全部6项", report.Summary);
        Assert.Equal(8, report.ExperienceYears);
        Assert.Contains("在企业负责用户满意工程推进工作", report.Preferences);
    }

    [Fact]
    public void Item_one_needs_the_office_judgement_until_it_is_recorded()
    {
        var p = Candidate();
        var open = Item(p, EligibilityCondition.Conduct);
        Assert.Equal(EligibilityOutcome.NeedsJudgement, open.Outcome);
        Assert.Contains("活动办公室", open.Explanation);

        p.RecordJudgement(EligibilityCondition.Conduct, false, "所在单位反映其曾违反有关规定。", "赵丙", Now);
        var judged = Item(p, EligibilityCondition.Conduct);
        Assert.Equal(EligibilityOutcome.NotMet, judged.Outcome);
        Assert.Contains("赵丙", judged.Explanation);
        Assert.Contains("所在单位反映其曾违反有关规定。", judged.Explanation);
    }

    [Fact]
    public void A_judgement_without_a_note_is_refused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Candidate().RecordJudgement(EligibilityCondition.Conduct, true, " ", "赵丙", Now));
        Assert.Contains("判定说明", ex.Message);
        Assert.Throws<DomainRuleException>(() => Candidate().RecordJudgement(EligibilityCondition.Education, true, "说明", "赵丙", Now));
    }

    [Theory]
    [InlineData(null, EligibilityOutcome.NotMet)]
    [InlineData(EducationLevel.CollegeOrBelow, EligibilityOutcome.NotMet)]
    [InlineData(EducationLevel.Bachelor, EligibilityOutcome.Met)]
    [InlineData(EducationLevel.Master, EligibilityOutcome.Met)]
    [InlineData(EducationLevel.Doctorate, EligibilityOutcome.Met)]
    public void Item_two_asks_for_a_university_degree_or_higher(EducationLevel? level, EligibilityOutcome expected)
    {
        var p = Candidate();
        p.UpdateBackground(new ReviewerBackground(level, "某大学", "质量管理工程", 2000, [], null, false, false), Today.Year);
        var item = Item(p, EligibilityCondition.Education);
        Assert.Equal(expected, item.Outcome);
        if (level is { } l) Assert.Contains(l.Display(), item.Explanation);
    }

    [Fact]
    public void Item_three_needs_both_trainings_and_counts_none_dated_in_the_future()
    {
        var p = Candidate();
        Assert.Equal(EligibilityOutcome.NotMet, Item(p, EligibilityCondition.Training).Outcome);

        p.AddTraining(TrainingKind.EvaluationStandard, new DateOnly(2023, 3, 1), "中国质量协会", null, null, Today);
        var one = Item(p, EligibilityCondition.Training);
        Assert.Equal(EligibilityOutcome.NotMet, one.Outcome);
        Assert.Contains("缺少评审方法培训", one.Explanation);
        Assert.Contains("未上传证书", one.Explanation);

        p.AddTraining(TrainingKind.ReviewMethod, new DateOnly(2023, 4, 1), "中国质量协会", "RM-1", null, Today);
        Assert.Equal(EligibilityOutcome.Met, Item(p, EligibilityCondition.Training).Outcome);

        // Evaluated as of a day before the second training, it does not count yet.
        var earlier = ReviewerEligibility.Evaluate(p, new EligibilitySettings(5, new DateOnly(2023, 3, 15)));
        Assert.Equal(EligibilityOutcome.NotMet, earlier[EligibilityCondition.Training].Outcome);
    }

    [Fact]
    public void A_training_dated_after_today_is_refused()
    {
        var ex = Assert.Throws<DomainRuleException>(() =>
            Candidate().AddTraining(TrainingKind.ReviewMethod, Today.AddDays(1), "中国质量协会", null, null, Today));
        Assert.Contains("培训日期不能晚于今天", ex.Message);
    }

    [Fact]
    public void Exactly_five_years_meets_item_four_and_four_years_do_not()
    {
        var five = Candidate();
        five.AddWorkPeriod("甲公司", null, 2015, 2020, "销售经理", WorkField.Sales, Today.Year);
        var met = Item(five, EligibilityCondition.Experience);
        Assert.Equal(EligibilityOutcome.Met, met.Outcome);
        Assert.Contains("合计 5 年", met.Explanation);

        var four = Candidate();
        four.AddWorkPeriod("甲公司", null, 2016, 2020, "销售经理", WorkField.Sales, Today.Year);
        var notMet = Item(four, EligibilityCondition.Experience);
        Assert.Equal(EligibilityOutcome.NotMet, notMet.Outcome);
        Assert.Contains("不足5年", notMet.Explanation);
    }

    [Fact]
    public void Overlapping_periods_count_once()
    {
        var p = Candidate();
        p.AddWorkPeriod("甲公司", null, 2010, 2014, "质量工程师", WorkField.QualityManagement, Today.Year);
        p.AddWorkPeriod("乙协会", null, 2012, 2016, "兼职专家", WorkField.Technology, Today.Year);
        p.AddWorkPeriod("丙公司", null, 2013, 2015, "顾问", WorkField.CustomerRelations, Today.Year);
        // 2010–2016 merged: 6 years, not 4 + 4 + 2 = 10.
        Assert.Equal(6, ReviewerEligibility.Evaluate(p, Settings()).ExperienceYears);
    }

    [Fact]
    public void Separate_periods_add_up_and_a_gap_is_not_counted()
    {
        var p = Candidate();
        p.AddWorkPeriod("甲公司", null, 2001, 2003, "销售代表", WorkField.Sales, Today.Year);
        p.AddWorkPeriod("乙公司", null, 2008, 2011, "经营计划主管", WorkField.Management, Today.Year);
        Assert.Equal(5, ReviewerEligibility.Evaluate(p, Settings()).ExperienceYears);
    }

    [Fact]
    public void Work_in_other_fields_is_not_counted_and_an_ongoing_period_runs_to_this_year()
    {
        var p = Candidate();
        p.AddWorkPeriod("某中学", null, 2000, 2015, "教师", WorkField.Other, Today.Year);
        Assert.Equal(0, ReviewerEligibility.Evaluate(p, Settings()).ExperienceYears);
        Assert.Contains("尚未填写", Item(p, EligibilityCondition.Experience).Explanation);

        p.AddWorkPeriod("丁公司", null, 2023, null, "客户服务总监", WorkField.CustomerRelations, Today.Year);
        Assert.Equal(3, ReviewerEligibility.Evaluate(p, Settings()).ExperienceYears);
    }

    [Fact]
    public void The_required_years_are_a_setting()
    {
        var p = Candidate();
        p.AddWorkPeriod("甲公司", null, 2020, 2023, "技术主管", WorkField.Technology, Today.Year);
        Assert.Equal(EligibilityOutcome.NotMet, Item(p, EligibilityCondition.Experience).Outcome);
        Assert.Equal(EligibilityOutcome.Met, Item(p, EligibilityCondition.Experience, minimumYears: 3).Outcome);
    }

    [Fact]
    public void The_preferences_of_item_four_are_named_in_its_explanation()
    {
        var p = Candidate();
        p.UpdateBackground(new ReviewerBackground(null, null, null, null, [], null, true, true), Today.Year);
        var item = Item(p, EligibilityCondition.Experience);
        Assert.Contains("优先条件", item.Explanation);
        Assert.Contains("有地方、行业奖项评审经历", item.Explanation);
    }

    [Fact]
    public void Item_five_is_shown_by_the_review_method_training_or_else_by_the_office()
    {
        var p = Candidate();
        Assert.Equal(EligibilityOutcome.NeedsJudgement, Item(p, EligibilityCondition.Ability).Outcome);

        p.AddTraining(TrainingKind.EvaluationStandard, new DateOnly(2022, 1, 5), "中国质量协会", null, null, Today);
        Assert.Equal(EligibilityOutcome.NeedsJudgement, Item(p, EligibilityCondition.Ability).Outcome);

        p.AddTraining(TrainingKind.ReviewMethod, new DateOnly(2022, 2, 5), "中国质量协会", null, null, Today);
        Assert.Equal(EligibilityOutcome.Met, Item(p, EligibilityCondition.Ability).Outcome);

        var judged = Candidate();
        judged.RecordJudgement(EligibilityCondition.Ability, true, "多次担任省级质量奖评审组长。", "赵丙", Now);
        Assert.Equal(EligibilityOutcome.Met, Item(judged, EligibilityCondition.Ability).Outcome);
    }

    [Fact]
    public void An_office_judgement_of_item_five_takes_precedence_over_the_training()
    {
        var p = Eligible();
        p.RecordJudgement(EligibilityCondition.Ability, false, "试评审中未能独立完成评分。", "赵丙", Now);
        Assert.Equal(EligibilityOutcome.NotMet, Item(p, EligibilityCondition.Ability).Outcome);
    }

    [Fact]
    public void Item_six_fails_only_after_a_revocation_and_lists_lesser_sanctions()
    {
        var p = Appointed();
        p.Sanction(SanctionKind.Warning, Today, "评审意见未按时提交", "赵丙", Today, Now);
        var warned = Item(p, EligibilityCondition.Discipline);
        Assert.Equal(EligibilityOutcome.Met, warned.Outcome);
        Assert.Contains("警告", warned.Explanation);

        p.Sanction(SanctionKind.Revocation, Today, "泄露评审信息", "赵丙", Today, Now);
        var revoked = Item(p, EligibilityCondition.Discipline);
        Assert.Equal(EligibilityOutcome.NotMet, revoked.Outcome);
        Assert.Contains("泄露评审信息", revoked.Explanation);
    }

    [Fact]
    public void The_summary_counts_unmet_and_open_items()
    {
        var report = ReviewerEligibility.Evaluate(Candidate(), Settings());
        Assert.Equal(EligibilityOutcome.NotMet, report.Overall);
        // 二、三、四 not met; 一、五 need the office; 六 met.
        Assert.Equal("3项不符合，2项待判定", report.Summary);
    }

    [Fact]
    public void An_employer_code_is_checked_when_given_and_may_be_left_out()
    {
        var p = Candidate();
        var ex = Assert.Throws<DomainRuleException>(() =>
            p.AddWorkPeriod("甲公司", "91110108MA01ABCDE0", 2010, 2015, "经理", WorkField.Management, Today.Year));
        Assert.Contains("统一社会信用代码有误", ex.Message);

        var code = Cast.NextUscc();
        var ok = p.AddWorkPeriod("甲公司", code.ToLowerInvariant(), 2010, 2015, "经理", WorkField.Management, Today.Year);
        Assert.Equal(code, ok.EmployerUscc);
        Assert.Null(p.AddWorkPeriod("乙公司", "", 2015, 2016, "经理", WorkField.Management, Today.Year).EmployerUscc);
    }

    [Fact]
    public void A_period_ending_before_it_starts_or_in_the_future_is_refused()
    {
        var p = Candidate();
        Assert.Throws<DomainRuleException>(() => p.AddWorkPeriod("甲公司", null, 2015, 2010, "经理", WorkField.Sales, Today.Year));
        Assert.Throws<DomainRuleException>(() => p.AddWorkPeriod("甲公司", null, 2015, Today.Year + 1, "经理", WorkField.Sales, Today.Year));
        Assert.Empty(p.WorkPeriods);
    }

    [Fact]
    public void Unknown_industry_or_province_codes_are_refused()
    {
        var p = Candidate();
        var ex = Assert.Throws<DomainRuleException>(() =>
            p.UpdateBackground(new ReviewerBackground(null, null, null, null, ["Z9"], "99", false, false), Today.Year));
        Assert.Contains("Z9", ex.Message);
        Assert.Contains("省份", ex.Message);
    }

    [Fact]
    public void A_division_inside_a_chosen_section_is_folded_into_the_section()
    {
        var p = Candidate();
        p.UpdateBackground(new ReviewerBackground(null, null, null, null, ["39", "C", "65", "65"], "11", false, false), Today.Year);
        Assert.Equal(["C", "65"], p.Industries);
    }
}
