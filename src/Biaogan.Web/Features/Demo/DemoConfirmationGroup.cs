using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Confirmation;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// A second fictional 2023 benchmark already in an open confirmation round (第二十四条): the organisation has submitted, the
/// engine formed its confirmation group from the demo pool, the office applied it, and one member has given an opinion —
/// so /Confirmation/Groups, a reviewer's /Confirmation/Seats and the case page's 确认组意见 have something to show.
/// Goes through the confirmation workflows, as the office would.
/// </summary>
internal static class DemoConfirmationGroup
{
    public const string Name = "青川热力有限公司";

    public static async Task SeedAsync(AppDbContext db, ConfirmationWorkflow confirmation, ConfirmationGroups groups, DateTimeOffset now, CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().FirstAsync(c => c.Year == DemoConfirmation.Year, ct);
        var org = new Organization
        {
            Name = Name, Uscc = DemoAwardsSeeder.Code("91370200MA3C8L2P"), ProvinceCode = "37", CityCode = "3702", Address = "演示地址",
            IndustrySection = "D", IndustryDivision = "44", Ownership = "有限责任公司（国有控股）", Employees = 1900,
            AnnualRevenue = 260000m, LegalRepresentative = "演示", ContactName = "演示", ContactPhone = "400-800-1234",
            ContactEmail = "winner2023b@demo.biaogan.cn", CreatedAt = now,
        };
        db.Add(org);
        var application = new Application(cycle.Id, org.Id, CriteriaCatalog.ForCycle(cycle.StandardCode), now)
        {
            Category = AwardCategory.Service, ServiceName = "城市集中供热服务",
        };
        db.Add(application);
        DemoAwardsSeeder.AsPastWinner(db, application, cycle.Year, 2);
        await db.SaveChangesAsync(ct);
        var award = (await AwardIssuer.IssueAsync(db, cycle.Id, [application.Id], new DateTimeOffset(2023, 12, 15, 10, 0, 0, TimeSpan.FromHours(8)), ct)).Single();
        await db.SaveChangesAsync(ct);

        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var round = await confirmation.OpenAsync([award.Id], today.AddDays(30), ct);
        var entry = await db.Set<ConfirmationEntry>().FirstAsync(e => e.RoundId == round.Id, ct);
        entry.Submit("2024 年起实施供热服务网格化管理，新建用户服务中心；主要负责人未变更。",
            [
                new YearFigures { Year = entry.FirstYear, Revenue = 241000m, Profit = 9100m, Satisfaction = 85.6m, SatisfactionNote = "第三方测评，样本 1500" },
                new YearFigures { Year = entry.FirstYear + 1, Revenue = 252500m, Profit = 9800m, Satisfaction = 86.9m, SatisfactionNote = "第三方测评，样本 1500" },
                new YearFigures { Year = entry.LastYear, Revenue = 259800m, Profit = 10350m, Satisfaction = 88.1m, SatisfactionNote = "第三方测评，样本 1600" },
            ], "本组织承诺所填内容真实、准确。", "演示联系人", now);
        await db.SaveChangesAsync(ct);
        try
        {
            await groups.ProposeAsync(round.Id, ct);
            await groups.ApplyAsync(round.Id, ct);
        }
        catch (DomainRuleException)
        {
            return; // a demo pool without a conflict-free group: the round shows the benchmark without one
        }
        var member = await db.Set<ConfirmationSeat>().OrderBy(s => s.IsLeader).ThenBy(s => s.ReviewerName).FirstAsync(s => s.EntryId == entry.Id, ct);
        member.Declare(true, now);
        var opinion = new ConfirmationOpinion(member);
        opinion.Save(member.IsLeader,
        [
            new DimensionRating { Dimension = "经营管理", Trend = Trend.Stable, Reason = "组织机构和主要负责人稳定，服务网格化管理落地。" },
            new DimensionRating { Dimension = "综合绩效", Trend = Trend.Improving, Reason = "营业收入和利润总额三年连续增长。" },
            new DimensionRating { Dimension = "用户满意度", Trend = Trend.Improving, Reason = "第三方测评由 85.6 分升至 88.1 分。" },
            new DimensionRating { Dimension = "目标承诺与进展", Trend = Trend.Stable, Reason = "获奖时承诺的服务目标基本实现。" },
            new DimensionRating { Dimension = "事故与投诉", Trend = Trend.Stable, Reason = "期间未报告重大事故，无重大投诉。" },
        ], Proposal.Confirm, "经营管理和综合绩效稳定向好，建议确认有效。", submit: true, now);
        db.Add(opinion);
        await db.SaveChangesAsync(ct);
    }
}
