using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// A fictional 2023 benchmark, granted in December 2023, so the demo shows a benchmark due for its three-year confirmation
/// (第二十四条; by the default rule it is due from 1 January 2026) on /Confirmation, ready for the office to open a round.
/// </summary>
internal static class DemoConfirmation
{
    public const int Year = 2023;
    public const string Name = "澄湖燃气服务有限公司";
    private static readonly DateTimeOffset GrantedAt = new(2023, 12, 15, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task SeedAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var cycle = new Cycle(Year, now);
        cycle.ApproveRules("领导小组", now);
        cycle.Open(false, now); // closed again at once: a past year, not a second cycle accepting applications
        cycle.Close(now);
        db.Add(cycle);
        var org = new Organization
        {
            Name = Name, Uscc = DemoAwardsSeeder.Code("91330600MA2D4H6K"), ProvinceCode = "33", CityCode = "3306", Address = "演示地址",
            IndustrySection = "D", IndustryDivision = "45", Ownership = "有限责任公司（国有控股）", Employees = 2600,
            AnnualRevenue = 410000m, LegalRepresentative = "演示", ContactName = "演示", ContactPhone = "400-800-1234",
            ContactEmail = "winner2023@demo.biaogan.cn", CreatedAt = now,
        };
        db.Add(org);
        var application = new Application(cycle.Id, org.Id, CriteriaCatalog.ForCycle(cycle.StandardCode), now)
        {
            Category = AwardCategory.Service, ServiceName = "城市燃气供应服务",
        };
        db.Add(application);
        DemoAwardsSeeder.AsPastWinner(db, application, cycle.Year, 1);
        await db.SaveChangesAsync(ct);
        await AwardIssuer.IssueAsync(db, cycle.Id, [application.Id], GrantedAt, ct);
        await db.SaveChangesAsync(ct);
    }
}
