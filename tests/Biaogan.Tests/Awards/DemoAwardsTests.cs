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
            await db.Set<Award>().AsNoTracking().OrderBy(a => a.CertificateNumber).ToListAsync()));
        Assert.Equal(CycleStatus.Closed, cycle.Status);
        Assert.Equal(["YHMYBG-2025-001", "YHMYBG-2025-002", "YHMYBG-2025-003"], awards.Select(a => a.CertificateNumber));
        Assert.Equal([AwardStatus.Valid, AwardStatus.Valid, AwardStatus.Revoked], awards.Select(a => a.Status));

        var registry = PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Benchmarks?year=2025"));
        Assert.Contains("2025年度（3 个）", registry);
        Assert.Contains("已撤销", registry);
        var verified = PageClient.Text(await Cast.Anonymous(app).GetAsync($"/Public/Verify/{awards[0].CertificateNumber}?code={awards[0].VerificationCode}"));
        Assert.Contains("证书真实有效", verified);
    }
}
