using Biaogan.Tests.Demo;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Awards;

/// <summary>The demo's 2025 benchmarks make the registry and verification demonstrable on first start.</summary>
[Collection(DemoCollection.Name)]
public class DemoAwardsTests(DemoAppFactory app)
{
    [Fact]
    public async Task First_start_shows_three_2025_benchmarks_in_the_registry_one_revoked_and_a_verifiable_certificate()
    {
        var (cycle, awards) = await app.WithDbAsync(async db => (
            await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Year == 2025),
            await db.Set<Award>().AsNoTracking().Where(a => a.Year == 2025).OrderBy(a => a.CertificateNumber).ToListAsync()));
        Assert.Equal(CycleStatus.Closed, cycle.Status);
        Assert.Equal(["YHMYBG-2025-001", "YHMYBG-2025-002", "YHMYBG-2025-003"], awards.Select(a => a.CertificateNumber));
        Assert.Equal([AwardStatus.Valid, AwardStatus.Valid, AwardStatus.Revoked], awards.Select(a => a.Status));

        var registry = PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Benchmarks?year=2025"));
        Assert.Contains("2025年度（3 个）", registry);
        Assert.Contains("已撤销", registry);
        var verified = PageClient.Text(await Cast.Anonymous(app).GetAsync($"/Public/Verify/{awards[0].CertificateNumber}?code={awards[0].VerificationCode}"));
        Assert.Contains("证书真实有效", verified);
    }

    [Fact]
    public async Task The_demo_shows_a_2023_benchmark_due_for_its_three_year_confirmation()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var text = PageClient.Text(await office.GetAsync("/Confirmation"));
        Assert.Contains("澄湖燃气服务有限公司", text);
        Assert.Contains("2026年内（获奖年度后第三个日历年）", text);
    }

    [Fact]
    public async Task The_demo_shows_a_confirmation_round_whose_group_has_one_opinion_in()
    {
        var (roundId, opinions, seats) = await app.WithDbAsync(async db =>
        {
            var entry = await db.Set<Biaogan.Web.Features.Confirmation.ConfirmationEntry>().AsNoTracking().SingleAsync(e => e.OrganizationName == "青川热力有限公司");
            return (entry.RoundId,
                await db.Set<Biaogan.Web.Features.Confirmation.ConfirmationOpinion>().CountAsync(o => o.EntryId == entry.Id && o.SubmittedAt != null),
                await db.Set<Biaogan.Web.Features.Confirmation.ConfirmationSeat>().CountAsync(s => s.EntryId == entry.Id && s.Status != Biaogan.Web.Features.Confirmation.SeatStatus.Removed));
        });
        Assert.Equal(1, opinions);
        Assert.Equal(3, seats);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var text = PageClient.Text(await office.GetAsync($"/Confirmation/Groups/{roundId}"));
        Assert.Contains("青川热力有限公司", text);
        Assert.Contains("已提交", text);
    }
}
