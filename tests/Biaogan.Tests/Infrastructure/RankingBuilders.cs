using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>An application scored for the ranking tests: its consensus percentage on every item (<see cref="Base"/>).</summary>
public sealed record ScoredApplication(Guid Id, Guid OrganizationId, string Name, AwardCategory Category, int Base);

/// <summary>
/// Test data for ranking, shortlist and feedback, written straight into the database the way the scoring pages would
/// leave it (the scoring pages are built in parallel): expert groups with declared seats of appointed reviewers,
/// submitted individual sheets (each reviewer adds their own severity to the application's level) and an agreed
/// consensus with strengths and opportunities on every item.
/// </summary>
public static class RankingBuilders
{
    /// <summary>Reviewer severities in percentage points: harsh to lenient.</summary>
    public static readonly int[] Severities = [-10, -5, 5, 10];

    /// <summary>评审委员会委员 (two-factor sign-in like every committee role).</summary>
    public static Task<Persona> CommitteeAsync(AppFactory app, string name = "吴委员") => Cast.PersonAsync(app, name, Roles.ReviewCommittee);

    /// <summary>
    /// One application per entry of <paramref name="bases"/> in <paramref name="category"/>, each scored by three of four
    /// shared reviewers (so the reviewer–application graph is connected) and with an agreed consensus of <c>base</c> %
    /// on every item. <paramref name="applicants"/> (optional, same order) own the applications.
    /// </summary>
    public static async Task<List<ScoredApplication>> ScoredAsync(AppFactory app, AwardCategory category, int[] bases, Persona?[]? applicants = null,
        bool agree = true)
    {
        var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
        var now = app.Clock.GetUtcNow();
        var reviewers = Severities.Select((_, i) => ReviewersBuilders.Appointed($"评审员{category}{i}")).ToList();
        await app.WithDbAsync(async db => { db.AddRange(reviewers); await db.SaveChangesAsync(); });
        var result = new List<ScoredApplication>();
        for (var i = 0; i < bases.Length; i++)
        {
            var applicant = applicants?.ElementAtOrDefault(i);
            var name = applicant is null ? $"{(category == AwardCategory.Enterprise ? "企业" : "服务")}申报{i + 1}有限公司" : "";
            var id = await app.WithDbAsync(async db =>
            {
                var version = await db.Set<CriteriaVersion>().FirstAsync(v => v.Key == cycle.StandardCode);
                var doc = version.Document;
                var orgId = applicant?.OrganizationId ?? await NewOrganizationAsync(db, name, now);
                name = await db.Set<Organization>().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync();
                var a = new Application(cycle.Id, orgId, doc.ToOutline(version.Key), now) { Category = category };
                db.Add(a);
                var group = new ExpertGroup(cycle.Id, a.Id, ReviewStage.Document, null, now);
                db.Add(group);
                var codes = doc.Items.Select(x => x.Code).ToList();
                for (var k = 0; k < 3; k++)
                {
                    var r = (i + k) % reviewers.Count;
                    var seat = group.Seat(reviewers[r].Id, k == 0 ? GroupRole.Leader : GroupRole.Member, null, now);
                    seat.Declare("2026-1", now);
                    var sheet = new ScoreSheet(cycle.Id, a.Id, group.Id, seat.Id, reviewers[r].Id, version.Id, codes, ReviewersBuilders.Today.AddDays(14), true, now);
                    foreach (var item in sheet.Items) item.Percent = OnGrid(bases[i] + Severities[r]);
                    sheet.Submit(now);
                    db.Add(sheet);
                }
                var consensus = new ConsensusSheet(cycle.Id, a.Id, group.Id, version.Id, codes, now) { Summary = "专家组一致认为该组织顾客导向明确。" };
                foreach (var item in consensus.Items)
                {
                    item.Percent = OnGrid(bases[i]);
                    item.Comment = "一致性讨论后确定";
                    item.Strengths.Add(new ReviewComment { Text = $"条目{item.ItemCode}：建立了系统的顾客需求识别方法并在各业务单元展开。" });
                    item.Opportunities.Add(new ReviewComment { Text = $"条目{item.ItemCode}：改进措施的效果缺少连续三年的对比数据。" });
                }
                if (agree) consensus.Agree("组长", now);
                db.Add(consensus);
                await db.SaveChangesAsync();
                return a.Id;
            });
            result.Add(new ScoredApplication(id, applicant?.OrganizationId ?? Guid.Empty, name, category, bases[i]));
        }
        return result;
    }

    /// <summary>Σ points × percent of the pinned standard, as the consensus total should read.</summary>
    public static Task<double> ConsensusTotalAsync(AppFactory app, int percent) => app.WithDbAsync(async db =>
    {
        var cycle = await db.Set<Cycle>().FirstAsync(c => c.Status == CycleStatus.Open);
        var doc = (await db.Set<CriteriaVersion>().FirstAsync(v => v.Key == cycle.StandardCode)).Document;
        return doc.Items.Sum(i => i.Points * OnGrid(percent) / 100.0);
    });

    public static int OnGrid(int percent) => Math.Clamp((int)Math.Round(percent / 5.0) * 5, 0, 100);

    private static async Task<Guid> NewOrganizationAsync(Biaogan.Web.Infrastructure.Data.AppDbContext db, string name, DateTimeOffset now)
    {
        var org = new Organization
        {
            Name = name, Uscc = Cast.NextUscc(), ProvinceCode = "11", CityCode = "1101", Address = "北京市朝阳区建国路1号",
            IndustrySection = "C", IndustryDivision = "39", Ownership = "私营企业", Employees = 800, AnnualRevenue = 120000m,
            LegalRepresentative = "周建华", ContactName = "郑敏", ContactPhone = "010-66001234", ContactEmail = "contact@rank.example.cn", CreatedAt = now,
        };
        db.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }
}
