using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>办公室检索: one text across organisations (name, 信用代码), applications (申报编号, name) and reviewers (name, employer).</summary>
public class OfficeSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<string> Titles(JsonElement result, string kind) =>
        result.GetProperty(kind).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task The_office_finds_organisations_applications_and_reviewers_by_name_code_number_and_employer()
    {
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "检索星河电气有限公司");
        var submitted = await ApplicationsBuilders.SubmittedAsync(app, applicant, body);
        await Cast.ApplicantAsync(app, "毫不相干有限公司");
        var (number, uscc) = await app.WithDbAsync(async db =>
        {
            var a = await db.Set<Biaogan.Web.Features.Applications.Application>().FirstAsync(x => x.Id == submitted);
            var o = await db.Set<Organization>().FirstAsync(x => x.Id == a.OrganizationId);
            return (a.Number!, o.Uscc);
        });
        var reviewer = ReviewersBuilders.Candidate("检索周评审");
        reviewer.AddWorkPeriod("星河检索研究院", null, 2015, null, "高级工程师", WorkField.QualityManagement, 2026);
        await ReviewersTestKit.SaveAsync(app, reviewer);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var byName = await office.Http.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString("星河")}");
        Assert.Equal(["检索星河电气有限公司"], Titles(byName, "organizations"));
        Assert.Equal([$"{number} 检索星河电气有限公司"], Titles(byName, "applications"));
        Assert.Equal(["检索周评审"], Titles(byName, "reviewers"));

        // Test codes can share their first 12 characters (Cast.NextUscc); 16 of the 18 still tests the prefix match.
        var byCode = await office.Http.GetFromJsonAsync<JsonElement>($"/api/search?q={uscc[..16]}");
        Assert.Equal(["检索星河电气有限公司"], Titles(byCode, "organizations"));
        var byNumber = await office.Http.GetFromJsonAsync<JsonElement>($"/api/search?q={number.ToLowerInvariant()}");
        Assert.Equal([$"{number} 检索星河电气有限公司"], Titles(byNumber, "applications"));
        Assert.Empty(Titles(byNumber, "reviewers"));

        var page = await office.GetAsync($"/Search?q={Uri.EscapeDataString("检索周")}");
        var link = page.QuerySelector("#search-reviewers a")!;
        Assert.Equal("检索周评审", link.TextContent);
        Assert.Equal($"/Reviewers/Details/{reviewer.Id}", link.GetAttribute("href"));
        var appLink = (await office.GetAsync($"/Search?q={number}")).QuerySelector("#search-applications a")!;
        Assert.Equal($"/Applications/Details/{submitted}", appLink.GetAttribute("href"));
    }

    [Fact]
    public async Task An_empty_or_overlong_search_is_refused_in_chinese()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var empty = await office.Http.GetAsync("/api/search?q=");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请输入要检索的", await empty.Content.ReadAsStringAsync());
        var page = await office.GetAsync($"/Search?q={new string('长', 101)}");
        Assert.Contains("检索内容不能超过100个字", PageClient.Text(page));
    }
}
