using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Discipline;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// The demo's discipline record (第二十九条): one 警告 the leading group decided against an organisation whose application is
/// in 资格审查, so the office sees the record on its qualification and application pages.
/// </summary>
internal static class DemoDiscipline
{
    public static async Task SeedAsync(AppDbContext db, Cycle cycle, DateTimeOffset now, CancellationToken ct)
    {
        var target = await (from a in db.Set<Application>()
                            join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                            where a.CycleId == cycle.Id && a.Status == ApplicationStatus.AwaitingQualification
                            orderby a.Number
                            select new { a.Id, a.Number, o.Name, o.Uscc, OrganizationId = o.Id }).FirstOrDefaultAsync(ct);
        if (target is null) return;
        var leader = await db.Users.AsNoTracking().Where(u => u.Email == "leader@demo.biaogan.cn").Select(u => new { u.Id, u.DisplayName })
            .FirstOrDefaultAsync(ct);
        var (voterId, voterName) = leader is null ? ("demo-leader", "王海峰") : (leader.Id, leader.DisplayName);
        var s = new OrganizationSanction($"JL-{cycle.Year}-001", cycle.Id, cycle.Year, target.OrganizationId, target.Name, target.Uscc, target.Id,
            target.Number, DisciplineKind.Warning, SanctionSource.Qualification, "资格审查发现质量管理体系认证证书覆盖范围与申报范围不符",
            "申报表声明的质量管理体系认证范围涵盖全部申报业务，经向认证机构核实，证书范围不含其中一项主要业务，属于申报信息失实（演示数据）。",
            "活动办公室（演示）", now.AddDays(-3));
        s.Vote(voterId, voterName, true, "情节较轻，已主动更正，给予警告。", now.AddDays(-2));
        s.Decide(0.5m, 1, "领导小组表决通过：给予警告，资格审查继续进行。", voterName, now.AddDays(-1));
        db.Add(s);
        await db.SaveChangesAsync(ct);
    }
}
