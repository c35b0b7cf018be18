using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// Demo benchmarks so the public registry and certificate verification have something to show on first start: the
/// closed 2025 cycle with three fictional winners (never real organisations: docs/domain.md), one of them since revoked
/// through a decided supervision case and another with an open incident case (<see cref="DemoSupervision"/>). Only the records the
/// registry needs are kept for that year (organisation, the application in its category, the award); the 2025
/// applications are not walked through the stages again. Runs after <see cref="DemoSeeder"/>; never in production.
/// </summary>
internal sealed class DemoAwardsSeeder(AppDbContext db, IHostEnvironment env, IConfiguration config, TimeProvider clock,
    CurrentActor actor, StartupBanner banner, Confirmation.ConfirmationWorkflow confirmation, Confirmation.ConfirmationGroups groups,
    Infrastructure.Jobs.WorkScheduler scheduler, UserManager<AppUser> users, DemoLogins logins) : ISeeder
{
    public const int Year = 2025;

    private sealed record Winner(string Name, string Uscc16, string Province, string City, string Section, string Division,
        AwardCategory Category, string? Service);

    private static readonly Winner[] Winners =
    [
        new("朗程家电股份有限公司", "91330100MA2K8Q3N", "33", "3301", "C", "38", AwardCategory.Enterprise, null),
        new("岚溪水务服务有限公司", "91320100MA1P5T7R", "32", "3201", "D", "46", AwardCategory.Service, "城乡一体化供水服务"),
        new("翠屿物业服务有限公司", "91350200MA3R6W9T", "35", "3502", "K", "70", AwardCategory.Service, "住宅小区物业服务"),
    ];

    /// <summary>The day the 2025 awards were granted and the day the third one was revoked (China Standard Time).</summary>
    private static readonly DateTimeOffset GrantedAt = new(2025, 12, 12, 10, 0, 0, TimeSpan.FromHours(8)),
        RevokedAt = new(2026, 10, 16, 15, 0, 0, TimeSpan.FromHours(8));

    public const string RevocationReason = "获奖后发生重大用户投诉，经领导小组确认已不再符合全国用户满意标杆条件（《实施细则》第二十四条、第二十六条）。";

    public int Order => 110;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (env.IsProduction() || !config.GetValue("Demo:Seed", false)) return;
        if (!await db.Set<Award>().AnyAsync(ct)) await SeedAwardsAsync(ct);
        var sample = await db.Set<Award>().AsNoTracking().Where(a => a.Year == Year && a.Status == AwardStatus.Valid)
            .OrderBy(a => a.CertificateNumber).FirstOrDefaultAsync(ct);
        if (sample is not null)
            banner.Lines.Add($"证书核验示例（{sample.OrganizationName}）：{StartupBanner.SiteAddress}/Public/Verify/{sample.CertificateNumber}?code={sample.VerificationCode}");
    }

    private async Task SeedAwardsAsync(CancellationToken ct)
    {
        // Only a fresh demo database: the 2026 demo (DemoSeeder) has just been created, or the database holds nothing yet.
        var cycle = await db.Set<Cycle>().FirstOrDefaultAsync(c => c.Year == Year, ct);
        if (cycle is not null && await db.Set<Application>().AnyAsync(a => a.CycleId == cycle.Id, ct)) return;
        actor.ActAs(null, "演示数据");
        var now = clock.GetUtcNow();
        if (cycle is null)
        {
            cycle = new Cycle(Year, now);
            cycle.ApproveRules("领导小组", now);
            cycle.Open(await db.Set<Cycle>().AnyAsync(c => c.Status == CycleStatus.Open, ct), now);
            cycle.Close(now);
            db.Add(cycle);
        }
        var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
        var applicationIds = new List<Guid>();
        foreach (var w in Winners)
        {
            var org = new Organization
            {
                Name = w.Name, Uscc = Code(w.Uscc16), ProvinceCode = w.Province, CityCode = w.City, Address = "演示地址",
                IndustrySection = w.Section, IndustryDivision = w.Division, Ownership = "有限责任公司（民营）", Employees = 1800,
                AnnualRevenue = 320000m, LegalRepresentative = "演示", ContactName = "演示", ContactPhone = "400-800-1234",
                ContactEmail = "winner@demo.biaogan.cn", CreatedAt = now,
            };
            db.Add(org);
            var app = new Application(cycle.Id, org.Id, outline, now) { Category = w.Category, ServiceName = w.Service };
            db.Add(app);
            AsPastWinner(db, app, Year, applicationIds.Count + 1);
            applicationIds.Add(app.Id);
        }
        await db.SaveChangesAsync(ct);
        var awards = await AwardIssuer.IssueAsync(db, cycle.Id, applicationIds, GrantedAt, ct);
        awards[0].RecordPlaque("YHMYBG-JP-2025-001", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 12), "演示（获奖组织代表）", new DateOnly(2025, 12, 12));
        await db.SaveChangesAsync(ct);
        await WinnerLoginAsync(awards[0]);
        await DemoSupervision.SeedAsync(db, awards, RevocationReason, RevokedAt, ct);
        await DemoCommitments.SeedAsync(db, awards, ct);
        await DemoSharing.SeedAsync(db, scheduler, awards, clock, ct);
        await DemoConfirmation.SeedAsync(db, now, ct);
        await DemoConfirmationGroup.SeedAsync(db, confirmation, groups, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// A sign-in for the first 2025 benchmark, so the winner's side of supervision (commitments and progress reports,
    /// experience sharing, incident reports, the three-year confirmation) can be walked in the demo. On the first start
    /// the login list was printed before this seeder ran, so the line is added here; later starts list it with the rest.
    /// </summary>
    private async Task WinnerLoginAsync(Award award)
    {
        const string email = "winner@demo.biaogan.cn", name = "何静";
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganizationId = award.OrganizationId,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, DemoSeeder.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Applicant);
        if (logins.All.Count > 0 && logins.All.All(l => l.Email != email))
        {
            logins.All.Add(new DemoLogins.Login(Roles.Display(Roles.Applicant), name, email, DemoSeeder.Password, award.OrganizationName));
            banner.Lines.Add($"  {email,-28} {name}（{Roles.Display(Roles.Applicant)}）　{award.OrganizationName}（{Year} 年度标杆：承诺与年度进展报告、经验交流、事故报告）");
        }
    }

    /// <summary>
    /// A past year's winning application as it ended: numbered and qualified (its review records are not kept in the
    /// demo), so its progress reads 已获奖 — not 草稿 — for the winner and on the office's list.
    /// </summary>
    internal static void AsPastWinner(AppDbContext db, Application app, int year, int n)
    {
        var entry = db.Entry(app);
        entry.Property(a => a.Number).CurrentValue = $"BG{year}-{n:D4}";
        entry.Property(a => a.Status).CurrentValue = ApplicationStatus.Qualified;
        entry.Property(a => a.SubmittedAt).CurrentValue = new DateTimeOffset(year, 5, 20, 10, 0, 0, TimeSpan.FromHours(8));
        entry.Property(a => a.QualificationDecidedAt).CurrentValue = new DateTimeOffset(year, 6, 16, 10, 0, 0, TimeSpan.FromHours(8));
    }

    internal static string Code(string first16)
    {
        var first17 = first16 + Uscc.OrganizationCodeCheck(first16.AsSpan(8, 8));
        return first17 + Uscc.CheckCharacter(first17);
    }
}
