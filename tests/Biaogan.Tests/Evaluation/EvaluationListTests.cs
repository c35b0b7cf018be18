using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Evaluation;

/// <summary>综合评价's vote table and API as a server-side list (decision 0054): paged, filtered and sorted; the office's outcome form keeps every row.</summary>
public class EvaluationListTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_board_is_paged_sorted_and_filtered_for_members_and_in_the_API_while_the_office_form_lists_every_row()
    {
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.EvaluationDocumentWeight = 50);
        var ids = new List<Guid>();
        foreach (var (name, onSite) in new[] { ("分页甲制造有限公司", 900m), ("分页乙制造有限公司", 700m), ("分页丙制造有限公司", 800m) })
        {
            var id = await AwardPipelineKit.QualifiedAsync(app, name, AwardCategory.Enterprise);
            await AwardPipelineKit.ApprovedVisitAsync(app, id, 600m, onSite);
            ids.Add(id);
        }
        await app.WithDbAsync(async db =>
        {
            var org = await db.Set<Application>().Where(a => a.Id == ids[1]).Select(a => a.OrganizationId).FirstAsync();
            await db.Set<Organization>().Where(o => o.Id != org).ExecuteUpdateAsync(u => u.SetProperty(o => o.ProvinceCode, "31"));
            await db.Set<Organization>().Where(o => o.Id == org).ExecuteUpdateAsync(u => u.SetProperty(o => o.ProvinceCode, "44"));
        });
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var member = await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app, "陈委员"));

        var api = await member.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/{cycleId}/Enterprise?size=2");
        var rows = api.GetProperty("rows");
        Assert.Equal((3, 2), (rows.GetProperty("total").GetInt32(), rows.GetProperty("pageCount").GetInt32()));
        Assert.Equal([ids[0], ids[2]], rows.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()));
        var lowest = await member.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/{cycleId}/Enterprise?sort=combined&dir=asc&size=1");
        Assert.Equal(ids[1], lowest.GetProperty("rows").GetProperty("items")[0].GetProperty("applicationId").GetGuid());
        var guangdong = await member.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/{cycleId}/Enterprise?region=44");
        Assert.Equal([ids[1]], guangdong.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()));
        var byName = await member.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/{cycleId}/Enterprise?q={Uri.EscapeDataString("分页丙")}");
        Assert.Equal([ids[2]], byName.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()));
        var bad = await member.Http.GetAsync($"/api/evaluation/{cycleId}/Enterprise?industry=ZZ");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("行业门类“ZZ”不存在", await bad.Content.ReadAsStringAsync());

        var page = await member.GetAsync($"/Evaluation?cycleId={cycleId}&category=Enterprise&size=2&p=2");
        var shown = page.QuerySelectorAll("#evaluation-table tbody tr");
        Assert.Equal(ids[1].ToString(), Assert.Single(shown).GetAttribute("data-application"));
        Assert.Contains("共 3 条，第 2 / 2 页", PageClient.Text(page));
        var vote = page.QuerySelector("form.vote-form")!.GetAttribute("action")!;
        Assert.Contains("p=2", vote);

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var officePage = await office.GetAsync($"/Evaluation?cycleId={cycleId}&category=Enterprise&size=2");
        Assert.Equal(3, officePage.QuerySelectorAll("input[name^='Outcome['][name$='.ApplicationId']").Length);
    }
}
