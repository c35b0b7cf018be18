using Biaogan.Web.Features.Reviewers;

namespace Biaogan.Tests.Infrastructure;

/// <summary>Reviewer profiles in known states, built through the entity's own methods (no shortcuts past its rules).</summary>
public static class ReviewersBuilders
{
    /// <summary>The day of <see cref="AppFactory.StartTime"/> in China.</summary>
    public static readonly DateOnly Today = new(2026, 11, 27);
    public static readonly DateTimeOffset Now = AppFactory.StartTime;

    public static EligibilitySettings Settings(int minimumYears = 5) => new(minimumYears, Today);

    public static string NewEmail() => $"r{Guid.NewGuid():N}"[..12] + "@test.biaogan.cn";

    /// <summary>A bare candidate: name and contact only.</summary>
    public static ReviewerProfile Candidate(string name = "钱丁", string? email = null) =>
        new(name, email ?? NewEmail(), "13800138000", Now);

    /// <summary>A candidate who meets all six conditions of 第十一条 (the office judged item 一, unless told not yet).</summary>
    public static ReviewerProfile Eligible(string name = "钱丁", string? email = null, string? userId = null, bool conductJudged = true)
    {
        var p = Candidate(name, email);
        p.UpdateBackground(new ReviewerBackground(EducationLevel.Master, "清华大学", "管理科学与工程", 2005,
            ["C", "65"], "11", SatisfactionProgrammeExperience: true, AwardReviewExperience: false), Today.Year);
        p.AddTraining(TrainingKind.EvaluationStandard, new DateOnly(2024, 5, 10), "中国质量协会", "CAQ-CRM-2024-0107", null, Today);
        p.AddTraining(TrainingKind.ReviewMethod, new DateOnly(2024, 6, 12), "中国质量协会", "CAQ-RM-2024-0211", null, Today);
        p.AddWorkPeriod("北京标杆质量技术有限公司", null, 2010, 2018, "质量管理部经理", WorkField.QualityManagement, Today.Year);
        if (conductJudged) p.RecordJudgement(EligibilityCondition.Conduct, true, "经所在单位党委出具意见，符合要求。", "赵丙", Now);
        if (userId is not null) p.LinkAccount(userId);
        return p;
    }

    /// <summary>An appointed reviewer with a term of <paramref name="termYears"/> years starting on <paramref name="from"/>.</summary>
    public static ReviewerProfile Appointed(string name = "钱丁", string? userId = null, DateOnly? from = null, int termYears = 3)
    {
        var p = Eligible(name, userId: userId ?? Guid.NewGuid().ToString());
        var start = from ?? Today;
        p.Appoint(Settings(), start, start.AddYears(termYears).AddDays(-1), "周领导", "领导小组会议决定", Now);
        return p;
    }

    public static ReviewerProfile Suspended(string name = "钱丁", string? userId = null)
    {
        var p = Appointed(name, userId);
        p.Suspend("涉嫌违反评审纪律，正在核实", Now);
        return p;
    }

    public static ReviewerProfile Revoked(string name = "钱丁", string? userId = null)
    {
        var p = Appointed(name, userId);
        p.Sanction(SanctionKind.Revocation, Today, "泄露评审信息", "赵丙", Today, Now);
        return p;
    }
}
