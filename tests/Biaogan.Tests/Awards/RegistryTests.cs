using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.Tests.Awards;

/// <summary>标杆名录 (no login) and its JSON: by year, with status, never a score; fresh right after the office changes a status.</summary>
public class RegistryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_registry_and_its_json_show_each_benchmark_with_its_status_and_never_a_score()
    {
        var applicationId = await AwardPipelineKit.QualifiedAsync(app, "名录服务有限公司", AwardCategory.Service);
        await AwardPipelineKit.ApprovedVisitAsync(app, applicationId, 873.25m, 912.75m);
        await AwardPipelineKit.RecommendAsync(app, [applicationId]);
        var award = (await AwardPipelineKit.AwardAsync(app, [applicationId])).Single();
        await AwardsTestKit.PublicChangedAsync(app);

        var page = await Cast.Anonymous(app).GetAsync($"/Public/Benchmarks?year={award.Year}");
        var text = PageClient.Text(page);
        Assert.Contains("名录服务有限公司", text);
        Assert.Contains("专项服务：名录服务有限公司客户服务", text);
        Assert.Contains(award.CertificateNumber, text);
        Assert.Contains("有效", text);
        var json = await Cast.Anonymous(app).Http.GetStringAsync($"/api/public/benchmarks?year={award.Year}");
        Assert.Contains(award.CertificateNumber, json);
        foreach (var leak in new[] { "873", "912", "得分", "分数", "评分", award.VerificationCode, "综合评价优秀" })
        {
            Assert.DoesNotContain(leak, text);
            Assert.DoesNotContain(leak, json);
        }
        var entries = JsonSerializer.Deserialize<JsonElement>(json).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["category", "certificateNumber", "confirmedOn", "organization", "revocationReason", "revokedOn", "serviceName", "status", "statusDisplay", "year"],
            entries.Single(e => e.GetProperty("certificateNumber").GetString() == award.CertificateNumber).EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_year_filter_shows_only_that_year()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "名录年度有限公司");
        var other = PageClient.Text(await Cast.Anonymous(app).GetAsync($"/Public/Benchmarks?year={winner.Award.Year - 1}"));
        Assert.DoesNotContain("名录年度有限公司", other);
        var all = PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Benchmarks"));
        Assert.Contains("名录年度有限公司", all);
        var none = await Cast.Anonymous(app).Http.GetFromJsonAsync<JsonElement>("/api/public/benchmarks?year=2017");
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_cached_registry_shows_revoked_with_the_date_right_after_the_office_revokes()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "名录缓存有限公司");
        var anonymous = Cast.Anonymous(app);
        var url = $"/Public/Benchmarks?year={winner.Award.Year}";
        var before = await anonymous.GetAsync(url);
        Assert.Equal("有效", Row(before, winner.Award.CertificateNumber));
        var json = $"/api/public/benchmarks?year={winner.Award.Year}";
        Assert.Contains("\"Valid\"", await anonymous.Http.GetStringAsync(json));

        await SupervisionKit.RevokeAsync(app, winner.Award.Id, "经确认不再符合标杆条件。");

        var after = await anonymous.GetAsync(url);
        Assert.Equal("已撤销", Row(after, winner.Award.CertificateNumber));
        Assert.Contains("2026年11月27日撤销", PageClient.Text(after));
        Assert.Contains("经确认不再符合标杆条件。", PageClient.Text(after));
        Assert.Contains("\"Revoked\"", await anonymous.Http.GetStringAsync(json));
    }

    [Fact]
    public async Task Public_pages_are_served_from_the_output_cache_to_anonymous_visitors()
    {
        await AwardsTestKit.WinnerAsync(app, "名录缓存命中有限公司");
        var anonymous = Cast.Anonymous(app).Http;
        await anonymous.GetAsync("/Public/Benchmarks?cachecheck=1");
        var second = await anonymous.GetAsync("/Public/Benchmarks?cachecheck=1");
        Assert.True(second.Headers.Age is not null, "the second response should come from the output cache (Age header)");
    }

    private static string Row(AngleSharp.Dom.IDocument page, string number) =>
        page.QuerySelectorAll("table.registry tbody tr").Single(r => r.TextContent.Contains(number)).QuerySelector(".badge")!.TextContent.Trim();
}
