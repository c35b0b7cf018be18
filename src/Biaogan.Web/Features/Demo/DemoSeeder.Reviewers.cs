using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// The appointed reviewer pool of the demo (six reviewers, each with a demo login, reviewer1 to reviewer6), with
/// education, trainings, work history and expertise. A profile can only be appointed once it has an account.
/// </summary>
internal sealed partial class DemoSeeder
{
    private sealed record DemoWork(string Employer, int From, int? To, string Title, WorkField Field);

    private sealed record DemoReviewer(string Name, string Email, string Phone, string Province, EducationLevel Education,
        string Institution, string Major, int GraduationYear, string[] Industries, bool ProgrammeExperience, bool AwardExperience,
        DemoWork[] Work, string? LeaderNote);

    /// <summary>Demo reviewer pool in the order of their logins reviewer1 … reviewer6.</summary>
    private static readonly DemoReviewer[] Reviewers =
    [
        new("钱学军", "reviewer1@demo.biaogan.cn", "13951620318", "32", EducationLevel.Master, "东南大学", "管理科学与工程", 1998,
            ["C", "I"], true, true,
            [new("江南重型机械有限公司", 1998, 2012, "质量管理部部长", WorkField.QualityManagement),
             new("苏州恒信质量管理咨询有限公司", 2012, null, "高级咨询师", WorkField.QualityManagement)],
            "连续三届参加地方质量奖评审并担任评审组长，评审方法培训成绩优秀。"),
        new("周雅琴", "reviewer2@demo.biaogan.cn", "13816274950", "31", EducationLevel.Master, "复旦大学", "市场营销", 2003,
            ["F", "G", "I"], true, false,
            [new("东方百货集团有限公司", 2003, 2014, "客户服务部经理", WorkField.CustomerRelations),
             new("上海明远顾客体验研究院", 2014, null, "副院长", WorkField.CustomerRelations)],
            "长期从事顾客体验研究，曾主持行业服务质量评价项目。"),
        new("王建华", "reviewer3@demo.biaogan.cn", "13701129836", "11", EducationLevel.Bachelor, "北京理工大学", "工业工程", 1992,
            ["C", "D"], true, true,
            [new("北方精密仪器集团有限公司", 1992, 2010, "质量总监", WorkField.QualityManagement),
             new("北京卓质管理咨询有限公司", 2010, null, "首席顾问", WorkField.QualityManagement)],
            "全国质量奖资深评审员，多次担任评审组长。"),
        new("陈建国", "reviewer4@demo.biaogan.cn", "13922485107", "44", EducationLevel.Bachelor, "华南理工大学", "机械工程", 1995,
            ["C", "G"], false, true,
            [new("岭南电器集团有限公司", 1995, 2016, "售后服务总经理", WorkField.Sales),
             new("广州信达质量认证有限公司", 2016, null, "审核组长", WorkField.QualityManagement)],
            "质量管理体系审核组长，具有十年以上审核组织经验。"),
        new("李秀英", "reviewer5@demo.biaogan.cn", "13871563094", "42", EducationLevel.Master, "武汉大学", "统计学", 2006,
            ["I", "J", "D"], false, false,
            [new("华中顾客满意度测评中心", 2006, null, "测评项目总监", WorkField.Technology)], null),
        new("刘晓梅", "reviewer6@demo.biaogan.cn", "13602027718", "12", EducationLevel.Master, "南开大学", "企业管理", 2008,
            ["D", "N"], true, false,
            [new("津门公用事业集团有限公司", 2008, null, "用户服务中心主任", WorkField.CustomerRelations)], null),
    ];

    /// <summary>Profiles appointed by the leading group through the entity's own rules; 组长资格 recorded by the office.</summary>
    private async Task<List<ReviewerProfile>> ReviewerPoolAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var settings = new EligibilitySettings(5, today);
        var appointedOn = new DateOnly(2025, 3, 1);
        var pool = new List<ReviewerProfile>();
        foreach (var r in Reviewers)
        {
            var p = new ReviewerProfile(r.Name, r.Email, r.Phone, now);
            p.UpdateBackground(new ReviewerBackground(r.Education, r.Institution, r.Major, r.GraduationYear, r.Industries, r.Province,
                r.ProgrammeExperience, r.AwardExperience), today.Year);
            p.AddTraining(TrainingKind.EvaluationStandard, new DateOnly(2024, 4, 18), "中国质量协会", $"CAQ-CRM-2024-{pool.Count + 31:D4}", null, today);
            p.AddTraining(TrainingKind.ReviewMethod, new DateOnly(2024, 9, 6), "中国质量协会", $"CAQ-RM-2024-{pool.Count + 57:D4}", null, today);
            foreach (var w in r.Work) p.AddWorkPeriod(w.Employer, null, w.From, w.To, w.Title, w.Field, today.Year);
            p.RecordJudgement(EligibilityCondition.Conduct, true, "所在单位出具了遵纪守法、廉洁自律的书面意见，近三年无不良记录。", "赵敏", now);
            db.Add(p);
            pool.Add(p);
        }
        await db.SaveChangesAsync(ct);

        // reviewer1 and reviewer2 exist already (StaffAsync); the office links each profile to its 评审员 account.
        foreach (var p in pool)
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Email == p.Email, ct) is null)
                await PersonAsync(p.Name, p.Email, [Roles.Reviewer], "", ct);
            await reviewerAccounts.InviteOrLinkAsync(p, ct);
            p.Appoint(settings, appointedOn, appointedOn.AddYears(3).AddDays(-1), "王海峰", "领导小组2025年第一次会议决定聘用。", now);
        }
        await db.SaveChangesAsync(ct);

        foreach (var (r, p) in Reviewers.Zip(pool))
        {
            if (r.LeaderNote is null) continue;
            var q = new LeaderQualification(p.Id);
            q.Record(true, r.LeaderNote, "赵敏", now);
            db.Add(q);
        }
        await db.SaveChangesAsync(ct);
        return pool;
    }

    private async Task<AppUser> UserOfAsync(ReviewerProfile p, CancellationToken ct) =>
        await db.Users.FirstAsync(u => u.Id == p.UserId, ct);
}
