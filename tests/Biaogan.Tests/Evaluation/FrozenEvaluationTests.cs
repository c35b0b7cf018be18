using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.OnSite;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Evaluation;

/// <summary>A finalised 综合评价 keeps exactly the figures the committee decided on (issue 13 item 3).</summary>
public class FrozenEvaluationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_finalised_category_shows_the_figures_it_was_decided_on_after_a_result_changes_and_the_live_ones_once_reopened()
    {
        var a = await AwardPipelineKit.QualifiedAsync(app, "定格甲制造有限公司", AwardCategory.Enterprise);
        var b = await AwardPipelineKit.QualifiedAsync(app, "定格乙制造有限公司", AwardCategory.Enterprise);
        await AwardPipelineKit.ApprovedVisitAsync(app, a, 640m, 660m);
        await AwardPipelineKit.ApprovedVisitAsync(app, b, 600m, 610m);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var url = $"/Evaluation?cycleId={cycleId}&category=Enterprise";
        var page = await office.GetAsync(url);
        var fields = new Dictionary<string, string?> { ["NoneReason"] = "" };
        var rows = page.QuerySelectorAll("input[name$='.ApplicationId']").ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            fields[$"Outcome[{i}].Recommended"] = "true";
            fields[$"Outcome[{i}].Order"] = (i + 1).ToString();
            fields[$"Outcome[{i}].Reason"] = "资料与现场评审结果均领先，委员多数同意推荐";
        }
        Assert.Empty((await office.SubmitAsync(page, fields, formSelector: "form[action*='handler=Record']")).Errors);
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.OnSite);
        Assert.Empty((await office.SubmitAsync(url, new Dictionary<string, string?>(), formSelector: "form[action*='handler=Finalise']")).Errors);
        var decided = await BoardAsync(office, cycleId);

        // A later correction of the on-site result (made straight in the database here) changes the live figures only.
        await app.WithDbAsync(db => db.Set<SiteVisit>().Where(v => v.ApplicationId == a).ExecuteUpdateAsync(s => s.SetProperty(v => v.OnSiteScore, 500m)));
        var kept = await BoardAsync(office, cycleId);
        Assert.Equal(Scores(decided, a), Scores(kept, a));
        Assert.Equal(660m, Scores(kept, a).OnSite);

        var reopened = await office.SubmitAsync(url, new Dictionary<string, string?> { ["Reason"] = "现场评审结果已更正，重新评议" },
            formSelector: "form[action*='handler=Reopen']");
        Assert.Empty(reopened.Errors);
        var live = await BoardAsync(office, cycleId);
        Assert.Equal(500m, Scores(live, a).OnSite);
        Assert.NotEqual(Scores(decided, a).Combined, Scores(live, a).Combined);
    }

    private static async Task<JsonElement> BoardAsync(PageClient office, Guid cycleId) =>
        await office.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/{cycleId}/Enterprise");

    private static (decimal OnSite, decimal Combined) Scores(JsonElement board, Guid id)
    {
        var row = board.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("applicationId").GetGuid() == id);
        return (row.GetProperty("onSiteScore").GetDecimal(), row.GetProperty("combinedScore").GetDecimal());
    }
}
