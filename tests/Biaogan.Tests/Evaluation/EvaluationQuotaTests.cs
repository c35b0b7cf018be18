using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Evaluation;

/// <summary>综合评价 outcome: the cycle quota (第五条) across categories when finalising, “none in this category”, reopening.</summary>
public class EvaluationQuotaTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Finalising_keeps_both_categories_within_the_quota_and_none_is_a_valid_outcome()
    {
        var e1 = await AwardPipelineKit.QualifiedAsync(app, "名额甲制造有限公司", AwardCategory.Enterprise);
        var e2 = await AwardPipelineKit.QualifiedAsync(app, "名额乙制造有限公司", AwardCategory.Enterprise);
        var s1 = await AwardPipelineKit.QualifiedAsync(app, "名额丙服务有限公司", AwardCategory.Service);
        var s2 = await AwardPipelineKit.QualifiedAsync(app, "名额丁服务有限公司", AwardCategory.Service);
        foreach (var (id, d, o) in new[] { (e1, 640m, 660m), (e2, 600m, 610m), (s1, 590m, 620m), (s2, 570m, 580m) })
            await AwardPipelineKit.ApprovedVisitAsync(app, id, d, o);
        var cycleId = await app.WithDbAsync(async db =>
        {
            var c = await db.Set<Cycle>().FirstAsync(x => x.Status == CycleStatus.Open);
            c.Quota = 3;
            await db.SaveChangesAsync();
            return c.Id;
        });
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var enterprise = $"/Evaluation?cycleId={cycleId}&category=Enterprise";
        var service = $"/Evaluation?cycleId={cycleId}&category=Service";

        Assert.Empty((await RecordAsync(office, enterprise, recommend: true)).Errors);
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.OnSite);
        var done = await office.SubmitAsync(enterprise, new Dictionary<string, string?>(), formSelector: "form[action*='handler=Finalise']");
        Assert.Empty(done.Errors);
        Assert.Contains("推荐名单已确定", done.Page.QuerySelector("#evaluation-status")!.TextContent);

        Assert.Empty((await RecordAsync(office, service, recommend: true)).Errors);
        var servicePage = await office.GetAsync(service);
        Assert.Contains("其他类别已确定推荐 2 个", servicePage.QuerySelector("#quota")!.TextContent);
        var refused = await office.SubmitAsync(servicePage, new Dictionary<string, string?>(), formSelector: "form[action*='handler=Finalise']");
        Assert.Contains("本年度标杆数量上限为 3 个（第五条），已确定的其他类别推荐 2 个，本类别推荐 2 个，合计 4 个，超出 1 个", string.Join("", refused.Errors));

        // None recommended needs a reason, and then it is a valid outcome.
        var noReason = await RecordAsync(office, service, recommend: false);
        Assert.Contains("无推荐", string.Join("", noReason.Errors));
        Assert.Empty((await RecordAsync(office, service, recommend: false, noneReason: "服务类申报组织综合得分均未达到标杆水平")).Errors);
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.OnSite);
        Assert.Empty((await office.SubmitAsync(service, new Dictionary<string, string?>(), formSelector: "form[action*='handler=Finalise']")).Errors);

        var (complete, recommended) = await app.WithDbAsync(async db =>
            (await EvaluationQueries.CompleteAsync(db, cycleId), await EvaluationQueries.RecommendedAsync(db, cycleId)));
        Assert.True(complete);
        Assert.Equal([e1, e2], recommended.Select(r => r.ApplicationId));
        Assert.Equal(650m, recommended[0].CombinedScore);

        // The side-by-side table for the meeting as an Excel workbook (office only).
        var export = await office.Http.GetAsync($"/Evaluation?handler=Export&cycleId={cycleId}");
        Assert.Equal(EvaluationExcel.ContentType, export.Content.Headers.ContentType?.MediaType);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 1000);

        // The office may reopen with a reason; above the quota in principle the page warns.
        var reopened = await office.SubmitAsync(enterprise, new Dictionary<string, string?> { ["Reason"] = "领导小组要求复议" },
            formSelector: "form[action*='handler=Reopen']");
        Assert.Empty(reopened.Errors);
        Assert.Contains("评议中", reopened.Page.QuerySelector("#evaluation-status")!.TextContent);
        await app.WithDbAsync(async db => { (await db.Set<Cycle>().FirstAsync(c => c.Id == cycleId)).Quota = 12; await db.SaveChangesAsync(); });
        Assert.Contains("高于第五条", (await office.GetAsync(enterprise)).QuerySelector("#quota")!.TextContent);
    }

    /// <summary>Records every row of the category as recommended or not, each with a reason.</summary>
    private static async Task<FormResult> RecordAsync(PageClient office, string url, bool recommend, string? noneReason = null)
    {
        var page = await office.GetAsync(url);
        var fields = new Dictionary<string, string?> { ["NoneReason"] = noneReason ?? "" };
        var rows = page.QuerySelectorAll("input[name$='.ApplicationId']").ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            fields[$"Outcome[{i}].Recommended"] = recommend ? "true" : null;
            fields[$"Outcome[{i}].Order"] = (i + 1).ToString();
            fields[$"Outcome[{i}].Reason"] = recommend ? "资料与现场评审结果均领先，委员多数同意推荐" : "综合得分未达到标杆水平";
        }
        return await office.SubmitAsync(page, fields, formSelector: "form[action*='handler=Record']");
    }
}
