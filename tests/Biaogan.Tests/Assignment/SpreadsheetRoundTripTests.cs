using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Biaogan.Tests.Assignment;

/// <summary>A plan goes out as .xlsx with Chinese headers and comes back as a new plan; bad rows are named and nothing is lost.</summary>
public class SpreadsheetRoundTripTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_downloaded_plan_edited_in_Excel_comes_back_as_a_new_plan_and_bad_rows_are_reported_by_number()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2);
        await AssignmentTestKit.QualifiedAsync(app, "表格甲有限公司");
        await AssignmentTestKit.QualifiedAsync(app, "表格乙有限公司");
        var reviewers = new List<TestReviewer>();
        foreach (var (name, employer, province) in new[] { ("蒋一", "一号公司", "11"), ("沈二", "二号公司", "31"), ("韩三", "三号公司", "44"), ("杨四", "四号公司", "32"), ("朱五", "五号公司", "33") })
            reviewers.Add(await AssignmentTestKit.ReviewerAsync(app, name, employer, province, leader: true));
        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));
        var job = await AssignmentTestKit.RunAsync(office, cycle.Id, JobKind.Full);

        var download = await office.Http.GetAsync($"/Assignment/Plans/{job.PlanId}?handler=Download");
        Assert.Equal(PlanSpreadsheet.ContentType, download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: PlanSpreadsheet.Sheet)
            .Cast<IDictionary<string, object?>>().Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("申报编号", rows[0].Keys);
        Assert.Contains("评审员电子邮箱", rows[0].Keys);

        // Replace the first row's reviewer by one who is in neither group's row of that application.
        var number = rows[0]["申报编号"]!.ToString();
        var inGroup = rows.Where(r => r["申报编号"]!.ToString() == number).Select(r => r["评审员"]!.ToString()).ToHashSet();
        var outsider = reviewers.First(r => !inGroup.Contains(r.Name));
        var oldName = rows[0]["评审员"]!.ToString();
        rows[0]["评审员"] = outsider.Name;
        rows[0]["评审员电子邮箱"] = outsider.Persona.Email.ToUpperInvariant();
        var before = await app.WithDbAsync(db => db.Set<AssignmentPlan>().CountAsync());
        var uploaded = await UploadAsync(office, cycle.Id, rows);
        Assert.Matches("^/Assignment/Plans/[0-9a-f-]+$", uploaded.Path);
        Assert.Contains("Excel 上传", uploaded.Text);
        var planId = Guid.Parse(uploaded.Path.Split('/').Last());
        var plan = await app.WithDbAsync(db => db.Set<AssignmentPlan>().AsNoTracking().SingleAsync(p => p.Id == planId));
        var appId = await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Applications.Application>().Where(a => a.Number == number).Select(a => a.Id).SingleAsync());
        var group = plan.Groups().Single(g => g.ApplicationId == appId);
        Assert.Contains(outsider.ProfileId, group.ReviewerIds);
        Assert.DoesNotContain(reviewers.Single(r => r.Name == oldName).ProfileId, group.ReviewerIds);
        Assert.Equal(PlanSource.Spreadsheet, plan.Source);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Set<AssignmentPlan>().CountAsync()));

        // Bad rows: each is named with its row number, no plan is made, the current plans stay as they were.
        rows[1]["评审员电子邮箱"] = "nobody@example.cn";
        rows[2]["申报编号"] = "BG-无此编号";
        rows[3]["角色"] = "副组长";
        var bad = await UploadAsync(office, cycle.Id, rows);
        Assert.Equal("/Assignment", bad.Path);
        var text = bad.Text;
        Assert.Contains("第 3 行：电子邮箱“nobody@example.cn”不是当前可参加评审的评审员", text);
        Assert.Contains("第 4 行：申报编号“BG-无此编号”", text);
        Assert.Contains("第 5 行：角色“副组长”无法识别", text);
        Assert.Contains("未生成方案", text);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Set<AssignmentPlan>().CountAsync()));

        // Not a workbook at all.
        var junk = await office.SubmitAsync($"/Assignment?cycleId={cycle.Id}", new Dictionary<string, string?>(), "form[action*='Upload']",
            files: [new UploadFile("Upload", "方案.xlsx", SampleFiles.Pdf())]);
        Assert.Contains("无法读取该文件", junk.Text);
    }

    private static async Task<FormResult> UploadAsync(PageClient office, Guid cycleId, List<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [PlanSpreadsheet.Sheet] = rows }, excelType: ExcelType.XLSX);
        return await office.SubmitAsync($"/Assignment?cycleId={cycleId}", new Dictionary<string, string?>(), "form[action*='Upload']",
            files: [new UploadFile("Upload", "专家组分配方案.xlsx", stream.ToArray())]);
    }
}
