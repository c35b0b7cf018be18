using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Commitments;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// The demo's 第二十三条 commitments on the 2025 benchmarks: both valid winners have recorded new quality goals; the first
/// filed its report on 2025 on time (due 2026-03-31), the second has not — it shows as overdue on the office's list.
/// </summary>
internal static class DemoCommitments
{
    private static readonly DateTimeOffset GoalsAt = new(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(8)),
        ReportedAt = new(2026, 3, 20, 16, 30, 0, TimeSpan.FromHours(8));

    public static async Task SeedAsync(AppDbContext db, IReadOnlyList<Award> awards, CancellationToken ct)
    {
        db.Add(new QualityGoals(awards[0].Id, awards[0].OrganizationId,
            "1. 三年内用户满意度指数由 82.6 分提升到 86 分以上；\n2. 售后服务一次修复率达到 98%，上门服务 24 小时内响应率 100%；\n3. 推行数字化质量追溯，关键零部件追溯率 100%。",
            "演示（获奖组织）", GoalsAt));
        db.Add(new ProgressReport(awards[0].Id, awards[0].OrganizationId, 2025, new ReportSchedule(new CommitmentsOptions()).DueOn(2025),
            "用户满意度指数 83.4 分（+0.8）；一次修复率 97.1%；上门服务 24 小时响应率 99.6%；追溯系统覆盖 3 条总装线中的 2 条（演示数据）。",
            "委托第三方开展年度用户满意度测评，样本 3200 户，满意度指数 83.4 分，产品质量和售后服务两项提升最明显，安装预约一项下降（演示数据）。",
            "推行质量管理小组活动 46 项；建立用户投诉“一单到底”闭环；应用六西格玛方法改进压缩机异响问题（演示数据）。",
            "演示（获奖组织）", ReportedAt));
        db.Add(new QualityGoals(awards[1].Id, awards[1].OrganizationId,
            "1. 城乡供水水质综合合格率保持 100%；\n2. 用户满意度三年提升 3 分；\n3. 管网漏损率由 11% 降到 9% 以下。",
            "演示（获奖组织）", GoalsAt));
        await db.SaveChangesAsync(ct);
    }
}
