using System.Text.Json;
using System.Text.Encodings.Web;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 导出 Excel of the filtered reviewer pool (the page's filters): contacts included, so each export is audited with its
/// filter first. 第十一条 is evaluated per profile, so the profiles are read and evaluated before the rows stream out.
/// </summary>
public static class ReviewerExport
{
    public static readonly IReadOnlyList<string> Headers =
        ["姓名", "状态", "电子邮箱", "电话", "学历", "相关经历（年）", "熟悉的行业", "省份", "第十一条", "现工作单位"];


    public static async Task<XlsxResult> ExportAsync(string? status, string? industry, string? province, EligibilityOutcome? eligibility,
        AppDbContext db, ActionAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var settings = (await ReviewerPool.SettingsAsync(db, ct)).For(today);
        var all = await db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery().OrderBy(p => p.Name).ToListAsync(ct);
        var rows = all.Where(p => IndexModel.Matches(p, status, industry, province, today))
            .Select(p => (Profile: p, Eligibility: ReviewerEligibility.Evaluate(p, settings)))
            .Where(r => eligibility is null || r.Eligibility.Overall == eligibility)
            .ToList();
        var filter = new { 状态 = status, 行业门类 = industry, 省份 = province, 第十一条 = eligibility?.Display() };
        await audit.RecordDetailsAsync(ActionAudit.ListExport, "reviewers", $"导出评审员名单（Excel，{rows.Count} 人）",
            new { 筛选条件 = filter, 人数 = rows.Count }, ct);
        return new XlsxResult($"评审员名单-{today:yyyyMMdd}.xlsx", "评审员名单", Headers, rows.Select(r => new object?[]
        {
            r.Profile.Name, ReviewerCard.StandingOf(r.Profile, today), r.Profile.Email, r.Profile.Phone,
            r.Profile.EducationLevel?.Display() ?? "未填写", r.Eligibility.ExperienceYears, ReviewerCard.IndustriesText(r.Profile),
            ReviewerCard.ProvinceText(r.Profile), r.Eligibility.Summary,
            r.Profile.WorkPeriods.Where(w => w.ToYear == null).OrderByDescending(w => w.FromYear).Select(w => w.EmployerName).FirstOrDefault() ?? "",
        }));
    }
}
