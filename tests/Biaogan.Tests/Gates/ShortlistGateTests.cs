using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Gates;

/// <summary>docs/decisions/0031: the shortlist's gate, its confirmation text, and reopening only after the visits built on it are withdrawn.</summary>
public class ShortlistGateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Finalising_a_shortlist_names_the_application_still_being_scored_and_accepts_it_left_out_with_a_reason()
    {
        var scored = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [80]);
        var unscored = await AwardPipelineKit.QualifiedAsync(app, "评分未完制造有限公司", AwardCategory.Enterprise);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();
        var root = $"/api/document-review/shortlist/{cycleId}/Enterprise";

        var recorded = await api.PostAsJsonAsync($"{root}/record", new
        {
            entries = new[] { new { applicationId = scored[0].Id, selected = true, reason = "资料评审成绩领先" } }, version = 0,
        });
        recorded.EnsureSuccessStatusCode();
        var version = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        // The page asks before finalising, naming what happens, and lists the unfinished application with a reason field.
        var page = await office.GetAsync($"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise");
        var confirm = page.QuerySelector("form[action*='handler=Finalise'] button[data-confirm]")!.GetAttribute("data-confirm")!;
        Assert.Contains("1 家入围现场评审", confirm);
        Assert.Contains("另有 1 项尚未完成的申报将被留出", confirm);
        Assert.Contains("评分未完制造有限公司（资料评审评分中）", page.QuerySelector("fieldset.left-out")!.TextContent);

        var refused = await api.PostAsJsonAsync($"{root}/finalise", new { version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        Assert.Contains("确定企业类入围名单前，以下 1 项申报尚未完成：评分未完制造有限公司（资料评审评分中）", why);

        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.DocumentReview);
        var accepted = await api.PostAsJsonAsync($"{root}/finalise", new
        {
            version, leftOut = new[] { new { applicationId = unscored, reason = "专家组成员回避后无法补足，经领导小组同意转入下一年度" } },
        });
        accepted.EnsureSuccessStatusCode();
        var passage = await app.WithDbAsync(db => db.Set<GatePassage>().AsNoTracking().SingleAsync(p => p.CycleId == cycleId && p.Gate == StageGate.Shortlist));
        Assert.Equal("专家组成员回避后无法补足，经领导小组同意转入下一年度", Assert.Single(passage.LeftOut).Reason);

        // The work report names the application left out and the reason.
        var report = Web.Features.Approval.WorkReport.Document(await StageReportsKit.WorkReportAsync(app, cycleId));
        var text = DocumentReview.PdfWriterTests.PdfToText(Web.Infrastructure.Pdf.PdfWriter.Render(report)).Replace(" ", "");
        Assert.Contains("各阶段留出的申报及原因", text);
        Assert.Contains("评分未完制造有限公司", text);
    }
}
