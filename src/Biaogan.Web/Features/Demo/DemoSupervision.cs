using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Complaints;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// The demo's post-award supervision: the third 2025 benchmark revoked the only way the system allows — a complaint case
/// the leading group decided 撤销称号 — and an open incident case on the second (a regulator's notice, report requested).
/// </summary>
internal static class DemoSupervision
{
    private static readonly DateTimeOffset IncidentRegisteredAt = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task SeedAsync(AppDbContext db, IReadOnlyList<Award> awards, string revocationReason, DateTimeOffset revokedAt,
        CancellationToken ct)
    {
        var leader = await db.Users.AsNoTracking().Where(u => u.Email == "leader@demo.biaogan.cn").Select(u => new { u.Id, u.DisplayName })
            .FirstOrDefaultAsync(ct);
        var (voterId, voterName) = leader is null ? ("demo-leader", "王海峰") : (leader.Id, leader.DisplayName);

        var complaint = new SupervisionCase($"JD-{revokedAt.Year}-001", CaseKind.Complaint, awards[2], "用户重大投诉：物业服务质量下降", revokedAt.AddDays(-30));
        complaint.AddNote("收到业主联名投诉，涉及多个小区的维修响应和收费问题；已调取投诉记录并约谈该组织。", "活动办公室（演示）", revokedAt.AddDays(-25));
        complaint.SubmitForDecision("活动办公室（演示）", revokedAt.AddDays(-10));
        var vote = new SupervisionVote(complaint.Id, voterId, voterName, CaseOutcome.Revoke, "投诉查证属实，已不符合全国用户满意标杆条件。", revokedAt.AddDays(-2));
        complaint.Decide(CaseOutcome.Revoke, [vote], new MajorityRule(), "投诉查证属实，领导小组决定撤销称号。", revocationReason,
            "活动办公室（演示）", revokedAt);
        awards[2].Apply(AwardAction.Revoke, new DecidedCase(complaint.Id, complaint.Number), revocationReason, revokedAt);
        db.Add(complaint);
        db.Add(vote);

        var incidentCase = new SupervisionCase($"JD-{IncidentRegisteredAt.Year}-002", CaseKind.Incident, awards[1],
            "监督抽查不合格（2026年11月12日）", IncidentRegisteredAt);
        var incident = Incident.Registered(incidentCase.Id, awards[1].Id, awards[1].OrganizationId, IncidentCategory.FailedInspection,
            IncidentSource.Regulator, new DateOnly(2026, 11, 12),
            "省市场监管局通报：2026年第四季度城镇供水水质抽检中，该组织一个水厂出厂水浑浊度一项不合格（演示数据）。", IncidentRegisteredAt);
        incidentCase.AddNote("已向通报部门索取抽检报告，待组织提交书面报告后核查整改情况。", "活动办公室（演示）", IncidentRegisteredAt.AddHours(2));
        db.Add(incidentCase);
        db.Add(incident);
        AddPublicComplaints(db, awards[0]);
        await db.SaveChangesAsync(ct);
    }

    private static readonly DateTimeOffset ComplaintReceivedAt = new(2026, 11, 24, 15, 30, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// Two public complaints (第二十七、三十二条): one about the first benchmark's logo on a product, open as a complaint case;
    /// one about a company that is not a benchmark using the logo, which the office handles itself.
    /// </summary>
    private static void AddPublicComplaints(AppDbContext db, Award award)
    {
        var onProduct = new Complaint($"TS-{ComplaintReceivedAt.Year}-0001", ComplaintSubject.LogoMisuse, LogoMisuseKind.OnProduct, award.Id,
            award.OrganizationId, award.OrganizationName, "刘晓燕", null, "13900000001", "liuxy@example.cn",
            "2026年11月在家电卖场看到该组织的产品外包装上印有全国用户满意标杆标识，没有注明年份，导购称这是“获奖产品”（演示数据）。", ComplaintReceivedAt);
        var c = new SupervisionCase($"JD-{ComplaintReceivedAt.Year}-003", CaseKind.Complaint, award, onProduct.CaseTitle, ComplaintReceivedAt);
        onProduct.OpenedAsCase(c.Id, c.Number);
        c.AddNote("已请投诉人补充包装照片，并调取该组织近期宣传资料。", "活动办公室（演示）", ComplaintReceivedAt.AddDays(1));
        var stranger = new Complaint($"TS-{ComplaintReceivedAt.Year}-0002", ComplaintSubject.LogoMisuse, LogoMisuseKind.Other, null, null,
            "某某日用品贸易公司（演示）", "陈立", "某消费者协会", "13900000002", null,
            "该公司不在标杆名录中，却在电商店铺首页使用全国用户满意标杆标识宣传其产品（演示数据）。", ComplaintReceivedAt.AddDays(1));
        db.AddRange(onProduct, c, stranger);
    }
}
