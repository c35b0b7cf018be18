using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Qualification;
using Biaogan.Web.Infrastructure.Files;

namespace Biaogan.Tests.Qualification;

/// <summary>The automatic pre-checks beside the 资格审查 checklist, on entities built in memory.</summary>
[NoDatabase]
public class QualificationPreCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 11, 27);

    private sealed class Case
    {
        public Cycle Cycle { get; } = new(2026, Now);
        public Organization Organization { get; } = new() { Name = "申报单位甲有限公司", Uscc = Biaogan.Tests.Infrastructure.Cast.NextUscc() };
        public Application App { get; }
        public List<StoredFile> Files { get; } = [];

        public Case(params decimal[] indices)
        {
            var outline = CriteriaCatalog.ForCycle(Cycle.StandardCode);
            App = new Application(Cycle.Id, Organization.Id, outline, Now)
            {
                Category = AwardCategory.Enterprise, QmsCertificateNumber = "00124Q31234R2M", QmsCertificationBody = "中国质量认证中心",
                QmsScope = "设计、生产和服务", QmsExpiry = new DateOnly(2028, 6, 30),
                DeclaresNoMajorAccident = true, DeclaresNoMajorComplaint = true, DeclaresNoSeriousViolation = true,
            };
            var values = indices.Length > 0 ? indices : [81.5m, 82.3m, 84.0m];
            for (var i = 0; i < App.Measurements.Count; i++)
            {
                var m = App.Measurements[i];
                m.Body = "中质协用户评价中心"; m.BodyQualification = "CAQ-UE-018"; m.Method = "GB/T 19038"; m.SampleSize = 1500;
                m.Index = values[i];
                m.ReportFileId = File(FilePurpose.MeasurementReport, $"{m.Year}年测评报告.pdf");
            }
            App.DeclarationFileId = File(FilePurpose.Declaration, "声明书.pdf");
            File(FilePurpose.Evidence, "证实性材料.pdf");
            foreach (var s in App.SelfEvaluation) s.Text = new string('质', 300);
            App.ChooseRecommendingBody(Guid.NewGuid(), Now);
        }

        public Guid File(string purpose, string name)
        {
            var f = new StoredFile { LogicalId = Guid.NewGuid(), VersionNo = 1, OwnerType = "Application", OwnerId = App.Id, Purpose = purpose, FileName = name, Kind = "pdf" };
            Files.Add(f);
            return f.LogicalId;
        }

        public Case Recommended()
        {
            App.Submit(Cycle, CriteriaCatalog.ForCycle(Cycle.StandardCode), 1, () => "BG2026-0001", Now);
            App.Recommend("同意推荐。", File(FilePurpose.RecommendationLetter, "推荐函.pdf"), "u1", Now);
            return this;
        }

        public IReadOnlyList<PreCheckResult> Run(DateOnly? today = null) =>
            QualificationPreChecks.Run(App, Organization, Cycle, Files, today ?? Today);

        public PreCheckResult Check(string code) => Run().Single(r => r.Code == code);
    }

    [Fact]
    public void A_complete_recommended_application_passes_every_pre_check()
    {
        var results = new Case().Recommended().Run();
        Assert.All(results, r => Assert.True(r.Status == PreCheckStatus.Pass, $"{r.Code}: {r.Explanation}"));
        Assert.All(QualificationChecklist.Items, item => Assert.Contains(results, r => r.ItemCode == item.Code));
    }

    [Theory]
    [InlineData(80.0, 80.0, 80.0)]
    [InlineData(80.0, 95.0, 80.1)]
    public void Indices_at_or_above_the_threshold_pass_by_level_in_every_rule(double a, double b, double c)
    {
        foreach (var rule in Enum.GetValues<TrendRule>())
        {
            var x = new Case((decimal)a, (decimal)b, (decimal)c);
            x.Cycle.Settings.TrendRule = rule;
            var r = x.Check("level-trend");
            Assert.Equal(PreCheckStatus.Pass, r.Status);
            Assert.Contains("按水平判断", r.Explanation);
            Assert.Contains("阈值 80.0", r.Explanation);
        }
    }

    [Fact]
    public void One_year_at_79_9_is_below_the_threshold_and_level_only_fails()
    {
        var x = new Case(85m, 79.9m, 90m);
        x.Cycle.Settings.TrendRule = TrendRule.LevelOnly;
        var r = x.Check("level-trend");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("2024年 79.9 低于阈值 80.0", r.Explanation);
        Assert.Contains("不以发展趋势替代", r.Explanation);
    }

    [Fact]
    public void A_flat_then_rising_trend_below_the_threshold_passes_non_decreasing_but_not_strictly_increasing()
    {
        var x = new Case(78.0m, 78.0m, 79.5m);
        x.Cycle.Settings.TrendRule = TrendRule.NonDecreasing;
        var nonDecreasing = x.Check("level-trend");
        Assert.Equal(PreCheckStatus.Pass, nonDecreasing.Status);
        Assert.Contains("78.0 → 78.0 → 79.5", nonDecreasing.Explanation);
        Assert.Contains("每年不低于上一年", nonDecreasing.Explanation);

        x.Cycle.Settings.TrendRule = TrendRule.StrictlyIncreasing;
        var strict = x.Check("level-trend");
        Assert.Equal(PreCheckStatus.Fail, strict.Status);
        Assert.Contains("2024年 78.0 未高于 2023年 78.0", strict.Explanation);
    }

    [Fact]
    public void A_strictly_rising_trend_passes_strictly_increasing()
    {
        var x = new Case(77.0m, 78.2m, 79.9m);
        x.Cycle.Settings.TrendRule = TrendRule.StrictlyIncreasing;
        var r = x.Check("level-trend");
        Assert.Equal(PreCheckStatus.Pass, r.Status);
        Assert.Contains("逐年上升", r.Explanation);
    }

    [Fact]
    public void A_falling_year_below_the_threshold_fails_the_trend_and_names_the_years()
    {
        var x = new Case(79.0m, 78.5m, 82.0m);
        var r = x.Check("level-trend");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("2024年 78.5 低于 2023年 79.0", r.Explanation);
    }

    [Fact]
    public void A_higher_threshold_set_by_the_office_is_applied()
    {
        var x = new Case(81.5m, 82.3m, 84.0m);
        x.Cycle.Settings.SatisfactionThreshold = 85m;
        x.Cycle.Settings.TrendRule = TrendRule.LevelOnly;
        Assert.Equal(PreCheckStatus.Fail, x.Check("level-trend").Status);
    }

    [Fact]
    public void A_missing_year_fails_the_measurements_and_makes_the_level_unknown()
    {
        var x = new Case();
        x.App.Measurements.RemoveAll(m => m.Year == 2024);
        var measurements = x.Check("measurements");
        Assert.Equal(PreCheckStatus.Fail, measurements.Status);
        Assert.Contains("2024年未填写测评", measurements.Explanation);
        var level = x.Check("level-trend");
        Assert.Equal(PreCheckStatus.Unknown, level.Status);
        Assert.Equal("?", level.Symbol);
    }

    [Fact]
    public void Measurements_of_the_wrong_years_do_not_count()
    {
        var x = new Case();
        foreach (var m in x.App.Measurements) m.Year -= 1; // 2022–2024 for the 2026 cycle
        var r = x.Check("measurements");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("2025年未填写测评", r.Explanation);
        Assert.Contains(r.Details, d => d.Contains("另填写了 2022 年"));
    }

    [Fact]
    public void A_measurement_whose_report_was_removed_fails()
    {
        var x = new Case();
        var report = x.Files.Single(f => f.LogicalId == x.App.Measurements[2].ReportFileId);
        report.Remove(Now);
        var r = x.Check("measurements");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("2025年缺少测评报告文件", r.Explanation);
    }

    [Fact]
    public void Two_measurement_years_set_by_the_office_need_only_2024_and_2025()
    {
        var x = new Case();
        x.Cycle.Settings.MeasurementYears = 2;
        x.App.Measurements.RemoveAll(m => m.Year == 2023);
        Assert.Equal(PreCheckStatus.Pass, x.Check("measurements").Status);
        Assert.Equal(PreCheckStatus.Pass, x.Check("level-trend").Status);
    }

    [Fact]
    public void A_certificate_expiring_the_day_before_the_application_deadline_fails_and_on_the_day_passes()
    {
        var x = new Case();
        var deadline = x.Cycle.Stage(CycleStage.Application)!.EndDate!.Value;
        x.App.QmsExpiry = deadline.AddDays(-1);
        var expired = x.Check("qms");
        Assert.Equal(PreCheckStatus.Fail, expired.Status);
        Assert.Contains("早于申报截止日 2026年5月31日", expired.Explanation);

        x.App.QmsExpiry = deadline;
        var valid = x.Check("qms");
        Assert.Equal(PreCheckStatus.Pass, valid.Status);
        Assert.Contains(valid.Details, d => d.Contains("请核实换证情况"));
    }

    [Fact]
    public void Without_an_application_deadline_the_certificate_must_be_valid_today()
    {
        var x = new Case();
        x.Cycle.Stage(CycleStage.Application)!.EndDate = null;
        x.App.QmsExpiry = Today.AddDays(-1);
        var r = x.Check("qms");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("今天", r.Explanation);
    }

    [Fact]
    public void An_expired_mandatory_certification_fails_and_one_without_expiry_is_unknown()
    {
        var x = new Case();
        x.App.MandatoryCertificationApplies = true;
        x.App.MandatoryCertifications = [new() { Name = "CCC 认证", Number = "2021010101234567", Expiry = null }];
        Assert.Equal(PreCheckStatus.Unknown, x.Check("qms").Status);
        x.App.MandatoryCertifications[0].Expiry = new DateOnly(2026, 1, 1);
        var r = x.Check("qms");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("CCC 认证", r.Explanation);
    }

    [Fact]
    public void A_wrong_check_character_in_the_credit_code_fails_with_the_expected_character()
    {
        var x = new Case();
        var good = x.Organization.Uscc;
        Assert.Equal(PreCheckStatus.Pass, x.Check("uscc").Status);
        Assert.Contains("符合 GB 32100-2015 编码规则", x.Check("uscc").Explanation);
        var wrong = good[..17] + (good[17] == '0' ? '1' : '0');
        x.Organization.Uscc = wrong;
        var r = x.Check("uscc");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains($"应为“{good[17]}”", r.Explanation);
        Assert.Equal(QualificationChecklist.Integrity, r.ItemCode);
    }

    [Fact]
    public void A_malformed_credit_code_is_explained_with_the_registration_rule_it_breaks()
    {
        var x = new Case();
        x.Organization.Uscc = "9111I000100010433L";
        var r = x.Check("uscc");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.EndsWith("第5位“I”不是统一社会信用代码允许的字符。代码中没有字母I，是否应为数字“1”？", r.Explanation);
    }

    [Fact]
    public void An_unticked_declaration_or_a_missing_signed_declaration_fails_the_right_items()
    {
        var x = new Case();
        x.App.DeclaresNoMajorComplaint = false;
        Assert.Equal(PreCheckStatus.Fail, x.Check("declaration-c4").Status);
        Assert.Equal(PreCheckStatus.Pass, x.Check("declaration-c5").Status);

        x.App.DeclarationFileId = null;
        var c5 = x.Check("declaration-c5");
        Assert.Equal(PreCheckStatus.Fail, c5.Status);
        Assert.Contains("未上传签字盖章的声明书", c5.Explanation);
    }

    [Fact]
    public void Self_evaluation_sections_outside_the_word_limits_fail()
    {
        var x = new Case();
        x.App.SelfEvaluation[0].Text = new string('质', 99);
        var shortSection = x.Check("self-evaluation");
        Assert.Equal(PreCheckStatus.Fail, shortSection.Status);
        Assert.Contains("仅 99 字，少于 100 字", shortSection.Explanation);

        x.App.SelfEvaluation[0].Text = new string('质', 8001);
        Assert.Contains("超出 8000 字上限", x.Check("self-evaluation").Explanation);
    }

    [Fact]
    public void Without_evidence_the_materials_are_incomplete()
    {
        var x = new Case();
        x.Files.RemoveAll(f => f.Purpose == FilePurpose.Evidence);
        var r = x.Check("completeness");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("上传至少一份证实性材料", r.Explanation);
    }

    [Fact]
    public void Before_the_recommendation_the_recommendation_check_fails()
    {
        var r = new Case().Check("recommendation");
        Assert.Equal(PreCheckStatus.Fail, r.Status);
        Assert.Contains("推荐单位尚未出具推荐意见", r.Explanation);
        Assert.Equal(PreCheckStatus.Pass, new Case().Recommended().Check("recommendation").Status);
    }

    [Fact]
    public void The_worst_result_of_an_item_is_shown()
    {
        PreCheckResult R(PreCheckStatus s) => new("x", "C3", s, "", "", []);
        Assert.Equal(PreCheckStatus.Fail, PreCheckResult.Worst([R(PreCheckStatus.Pass), R(PreCheckStatus.Unknown), R(PreCheckStatus.Fail)]));
        Assert.Equal(PreCheckStatus.Unknown, PreCheckResult.Worst([R(PreCheckStatus.Pass), R(PreCheckStatus.Unknown)]));
        Assert.Equal(PreCheckStatus.Pass, PreCheckResult.Worst([R(PreCheckStatus.Pass)]));
    }
}
