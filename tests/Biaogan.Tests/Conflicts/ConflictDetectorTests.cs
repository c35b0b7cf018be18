using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Conflicts;

namespace Biaogan.Tests.Conflicts;

/// <summary>The pure detector, rule by rule, for a cycle of 2026 with a look-back of 3 years unless told otherwise.</summary>
[NoDatabase]
public class ConflictDetectorTests
{
    private const string UsccA = "91110108MA01ABCD1X", UsccB = "91310000MA1FL2QX5K";
    private static readonly ConflictRuleSet Rules = ConflictRuleSet.AllOn(2026, 3);

    private static ApplicantFacts Applicant(string name = "北京甲乙科技有限公司", string? uscc = UsccA, string? group = null, string? body = null) =>
        new(Guid.NewGuid(), name, uscc, group, body);

    private static ReviewerFacts Reviewer(params EmployerFact[] employers) => new(Guid.NewGuid(), "钱丁", employers, []);

    private static ReviewerFacts Declaring(params RelationFact[] relations) => new(Guid.NewGuid(), "钱丁", [], relations);

    private static List<ConflictFinding> Find(ApplicantFacts a, ReviewerFacts r, ConflictRuleSet? rules = null) =>
        ConflictDetector.Evaluate(a, r, rules ?? Rules);

    [Fact]
    public void Employment_matches_by_uscc_even_when_the_names_differ()
    {
        var found = Find(Applicant(), Reviewer(new EmployerFact("甲乙科技（北京）", UsccA, null, 2019, null)));
        var f = Assert.Single(found);
        Assert.Equal(ConflictSource.Employment, f.Source);
        Assert.Contains("统一社会信用代码一致", f.Evidence);
        Assert.Contains("2019—至今", f.Evidence);
    }

    [Fact]
    public void Two_different_usccs_never_match_even_with_the_same_name()
    {
        Assert.Empty(Find(Applicant(), Reviewer(new EmployerFact("北京甲乙科技有限公司", UsccB, null, 2019, null))));
    }

    [Fact]
    public void The_normalised_name_is_the_fallback_when_the_employer_has_no_uscc()
    {
        var found = Find(Applicant("北京甲乙科技（集团）股份有限公司"), Reviewer(new EmployerFact(" 北京甲乙科技(集团)有限公司 ", null, null, 2020, 2024)));
        Assert.Contains("单位名称一致", Assert.Single(found).Evidence);
    }

    [Fact]
    public void The_name_fallback_is_off_when_the_rule_asks_for_the_uscc_only()
    {
        var rules = Rules with { Employment = new RuleSwitch(true, MatchByName: false) };
        Assert.Empty(Find(Applicant(), Reviewer(new EmployerFact("北京甲乙科技有限公司", null, null, 2020, null)), rules));
    }

    [Fact]
    public void An_empty_uscc_on_both_sides_is_no_match_by_itself()
    {
        Assert.Empty(Find(Applicant("北京甲乙科技有限公司", uscc: ""), Reviewer(new EmployerFact("上海丙丁贸易有限公司", "", null, 2020, null))));
        Assert.Empty(Find(Applicant("北京甲乙科技有限公司", uscc: null), Reviewer(new EmployerFact("上海丙丁贸易有限公司", null, null, 2020, null))));
        Assert.Empty(Find(Applicant("（）", uscc: ""), Reviewer(new EmployerFact("　", "", null, 2020, null))));
    }

    [Theory]
    [InlineData(2023, true)]  // 2026 − 3: the last year that still counts
    [InlineData(2022, false)] // ended four years before the cycle
    [InlineData(2026, true)]
    public void Past_employment_counts_within_the_lookback_years_and_not_before(int toYear, bool expected)
    {
        var found = Find(Applicant(), Reviewer(new EmployerFact("北京甲乙科技有限公司", UsccA, null, 2010, toYear)));
        Assert.Equal(expected, found.Count == 1);
    }

    [Fact]
    public void A_lookback_of_zero_years_keeps_only_the_cycle_year()
    {
        var rules = ConflictRuleSet.AllOn(2026, 0);
        Assert.Single(Find(Applicant(), Reviewer(new EmployerFact("甲", UsccA, null, 2010, 2026)), rules));
        Assert.Empty(Find(Applicant(), Reviewer(new EmployerFact("甲", UsccA, null, 2010, 2025)), rules));
    }

    [Fact]
    public void Employment_that_starts_after_the_cycle_year_does_not_count()
    {
        Assert.Empty(Find(Applicant(), Reviewer(new EmployerFact("甲", UsccA, null, 2027, null))));
    }

    [Fact]
    public void Current_staff_of_the_recommending_body_are_found_but_former_staff_are_not()
    {
        var a = Applicant(body: "北京市质量协会");
        var current = Find(a, Reviewer(new EmployerFact("北京市 质量协会", null, null, 2015, null)));
        Assert.Equal(ConflictSource.RecommendingBody, Assert.Single(current).Source);
        Assert.Empty(Find(a, Reviewer(new EmployerFact("北京市质量协会", null, null, 2015, 2025))));
    }

    [Fact]
    public void An_employer_in_the_same_enterprise_group_is_found()
    {
        var a = Applicant("华北甲乙电力有限公司", UsccA, group: "中国甲乙集团");
        var viaGroup = Find(a, Reviewer(new EmployerFact("华南甲乙电力有限公司", UsccB, "中国甲乙集团有限公司", 2021, null)));
        Assert.Equal(ConflictSource.EnterpriseGroup, Assert.Single(viaGroup).Source);
        var atHeadquarters = Find(a, Reviewer(new EmployerFact("中国甲乙集团有限公司", UsccB, null, 2021, null)));
        Assert.Contains("中国甲乙集团", Assert.Single(atHeadquarters).Evidence);
        Assert.Empty(Find(a, Reviewer(new EmployerFact("华南甲乙电力有限公司", UsccB, null, 2021, null))));
    }

    [Fact]
    public void The_same_organisation_is_reported_as_employment_not_also_as_the_same_group()
    {
        var a = Applicant(group: "中国甲乙集团");
        var found = Find(a, Reviewer(new EmployerFact("北京甲乙科技有限公司", UsccA, "中国甲乙集团", 2021, null)));
        Assert.Equal(ConflictSource.Employment, Assert.Single(found).Source);
    }

    [Fact]
    public void Declared_consulting_counts_within_the_lookback_only()
    {
        var recent = Find(Applicant(), Declaring(new RelationFact(RelationKind.Consulting, "北京甲乙科技公司", null, "质量管理体系咨询", 2021, 2023)));
        Assert.Equal(ConflictSource.Consulting, Assert.Single(recent).Source);
        Assert.Empty(Find(Applicant(), Declaring(new RelationFact(RelationKind.Consulting, "北京甲乙科技公司", null, "咨询", 2015, 2022))));
    }

    [Fact]
    public void A_declared_relative_counts_whatever_the_years()
    {
        var found = Find(Applicant(), Declaring(new RelationFact(RelationKind.Relative, "别名", UsccA, "配偶任财务总监", null, null)));
        var f = Assert.Single(found);
        Assert.Equal(ConflictSource.PersonalRelation, f.Source);
        Assert.Contains("配偶任财务总监", f.Evidence);
    }

    [Fact]
    public void A_rule_that_is_off_finds_nothing()
    {
        var off = new ConflictRuleSet(2026, 3, RuleSwitch.Off, RuleSwitch.Off, RuleSwitch.Off, RuleSwitch.Off, RuleSwitch.Off);
        var r = new ReviewerFacts(Guid.NewGuid(), "钱丁", [new EmployerFact("北京市质量协会", UsccA, "中国甲乙集团", 2020, null)],
            [new RelationFact(RelationKind.Relative, "甲", UsccA, "亲属", null, null)]);
        Assert.Empty(Find(Applicant(group: "中国甲乙集团", body: "北京市质量协会"), r, off));
    }

    [Fact]
    public void The_evidence_is_the_same_for_the_same_facts_so_a_scan_recognises_what_is_on_file()
    {
        var a = Applicant();
        var r = Reviewer(new EmployerFact("甲", UsccA, null, 2019, null));
        Assert.Equal(Find(a, r).Single().Evidence, Find(a, r).Single().Evidence);
    }

    [Fact]
    public void Detecting_over_a_pool_reports_only_the_matching_pairs()
    {
        var apps = new[] { Applicant(), Applicant("上海丙丁贸易有限公司", UsccB) };
        var reviewers = new[] { Reviewer(new EmployerFact("甲", UsccB, null, 2024, null)), Reviewer(new EmployerFact("其他单位", null, null, 2024, null)) };
        var pool = new ConflictPool(apps, reviewers);
        var found = ConflictDetector.DetectAll(pool, Rules);
        Assert.Equal(4, pool.PairCount);
        var f = Assert.Single(found);
        Assert.Equal((apps[1].ApplicationId, reviewers[0].ReviewerId), (f.ApplicationId, f.ReviewerId));
    }

    [Theory]
    [InlineData("北京甲乙科技有限公司", "北京 甲乙科技股份有限公司")]
    [InlineData("ＡＢＣ科技（北京）有限公司", "abc科技(北京)公司")]
    [InlineData("中国甲乙集团有限公司", "中国甲乙集团")]
    public void Spellings_of_the_same_name_normalise_alike(string one, string other) =>
        Assert.Equal(OrganizationNames.Normalize(one), OrganizationNames.Normalize(other));

    [Theory]
    [InlineData("中国甲乙集团", "中国甲乙有限公司")]
    [InlineData("北京甲乙科技", "上海甲乙科技")]
    public void Different_names_stay_apart(string one, string other) =>
        Assert.NotEqual(OrganizationNames.Normalize(one), OrganizationNames.Normalize(other));

    [Fact]
    public void A_blank_name_normalises_to_nothing() => Assert.Equal("", OrganizationNames.Normalize(" （） "));
}
