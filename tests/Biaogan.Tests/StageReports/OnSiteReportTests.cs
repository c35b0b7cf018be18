using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.StageReports;

/// <summary>
/// 第九条: the 现场评审工作报告 — visits with their dates, the issues verified and their outcomes, the score changes and the
/// proposed recommended list — and the recommended list refused until the committee has 审议 it; the year's work report
/// (第八条) then lists it with its figures.
/// </summary>
public class OnSiteReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_recommended_list_waits_for_the_onsite_report_which_shows_visits_issues_and_score_changes_and_the_years_report_lists_it()
    {
        var id = await AwardPipelineKit.QualifiedAsync(app, "现场核实电器有限公司", AwardCategory.Enterprise);
        var today = app.Clock.Today();
        await VisitWithIssuesAsync(id, today);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var member = await RankingBuilders.CommitteeAsync(app, "现场报告甲委员");
        await RankingBuilders.CommitteeAsync(app, "现场报告乙委员");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();
        var root = $"/api/evaluation/{cycleId}/Enterprise";
        var recorded = await Json(await api.PostAsJsonAsync($"{root}/record", new
        {
            entries = new[] { new { applicationId = id, recommended = true, reason = "现场核实情况良好，综合得分领先" } }, version = 0,
        }));
        var version = recorded.GetProperty("version").GetInt32();
        var refused = await api.PostAsJsonAsync($"{root}/finalise", new { version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("评审委员会须审议现场评审工作报告", await refused.Content.ReadAsStringAsync());

        // The office generates the report on the page; one member agrees, the refusal names the other.
        var generated = await office.SubmitAsync($"/StageReports?cycleId={cycleId}&kind=OnSite", new Dictionary<string, string?>(),
            "form[action*='handler=Generate']");
        Assert.Contains("已生成现场评审工作报告第 1 稿", generated.Text);
        var report = await Json(await api.GetAsync($"/api/stage-reports/{cycleId}/OnSite"));
        var figures = report.GetProperty("onSite");
        var visit = figures.GetProperty("visits")[0];
        Assert.Equal($"{ChinaTime.Format(today)} 至 {ChinaTime.Format(today.AddDays(1))}", visit.GetProperty("dates").GetString());
        Assert.Equal(640m, visit.GetProperty("documentScore").GetDecimal());
        Assert.Equal(15m, visit.GetProperty("change").GetDecimal());
        var outcomes = figures.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()).Order().ToList();
        Assert.Equal(["已核实", "调整评分"], outcomes);
        var change = Assert.Single(figures.GetProperty("scoreChanges").EnumerateArray());
        Assert.Equal((60, 75), (change.GetProperty("documentPercent").GetInt32(), change.GetProperty("onSitePercent").GetInt32()));
        Assert.Equal("现场核实情况良好，综合得分领先", figures.GetProperty("recommendations")[0].GetProperty("reason").GetString());

        var memberApi = await (await Cast.SignInAsync(app, member)).ApiAsync();
        (await memberApi.PostAsJsonAsync($"/api/stage-reports/{cycleId}/OnSite/responses", new { agreed = true })).EnsureSuccessStatusCode();
        var waiting = await (await api.PostAsJsonAsync($"{root}/finalise", new { version })).Content.ReadAsStringAsync();
        Assert.Contains("现场报告乙委员", waiting);
        Assert.DoesNotContain("现场报告甲委员", waiting);

        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.OnSite);
        (await api.PostAsJsonAsync($"{root}/finalise", new { version })).EnsureSuccessStatusCode();

        // The year's work report (第八条): the stage counts, and the stage report with its 审议, in the model and in the PDF.
        var year = await StageReportsKit.WorkReportAsync(app, cycleId);
        Assert.Equal(1, year.Stages.Single(s => s.Stage == "完成现场评审").Enterprise);
        Assert.Equal(1, year.Stages.Single(s => s.Stage == "评审委员会推荐").Total);
        var line = Assert.Single(year.StageReports);
        Assert.Equal(("现场评审工作报告", 0), (line.Name, line.NotYet));
        Assert.StartsWith("审议已完成", line.Status);
        var text = DocumentReview.PdfWriterTests.PdfToText(Web.Infrastructure.Pdf.PdfWriter.Render(Web.Features.Approval.WorkReport.Document(year)));
        Assert.Contains("评审委员会阶段工作报告及审议", text.Replace(" ", ""));
        Assert.Matches(@"评审委员会推荐\s+1\s+0\s+1", text);
        Assert.Matches(@"现场评审工作报告\s+第 1 稿", text);
    }

    /// <summary>An approved visit of today and tomorrow: one issue closed as 调整评分 (60% → 75%), one as 已核实.</summary>
    private Task VisitWithIssuesAsync(Guid applicationId, DateOnly today) => app.WithDbAsync(async db =>
    {
        var a = await db.Set<Web.Features.Applications.Application>().AsNoTracking().FirstAsync(x => x.Id == applicationId);
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == a.CycleId);
        var criteria = await db.Set<CriteriaVersion>().AsNoTracking().FirstAsync(v => v.Key == cycle.StandardCode);
        var now = app.Clock.GetUtcNow();
        var visit = new SiteVisit(cycle.Id, applicationId, criteria.Id, criteria.Document.Items.Select(i => (i.Code, (int?)60)), now);
        visit.ProposeSchedule(today, today.AddDays(1), ["北京市海淀区中关村大街1号"], [new AgendaItem { Time = "09:00", Activity = "首次会议", Participants = "专家组" }],
            "活动办公室", now);
        visit.AgreeSchedule(now);
        visit.Start();
        var first = visit.Items[0].ItemCode;
        var second = visit.Items[1].ItemCode;
        var raised = visit.RaiseIssue(first, "顾客投诉处理闭环率数据需现场核实", "office", now);
        var verified = visit.RaiseIssue(second, "满意度测评报告原件需现场查阅", "office", now);
        visit.CloseIssue(raised.Id, IssueOutcome.ScoreChanged, 75, "访谈客服经理，闭环率数据完整", "", "leader", now);
        visit.CloseIssue(verified.Id, IssueOutcome.Verified, null, "", "查阅了第三方测评报告原件", "leader", now);
        foreach (var item in visit.Items.Where(i => i.Percent is null)) visit.ScoreItem(item.ItemCode, 60, "");
        visit.Opinion = "现场核实情况与申报材料基本一致。";
        visit.ApproveAsLeader("leader", now);
        visit.ApproveByOffice("office", 640m, 655m, now);
        db.Add(visit);
        await db.SaveChangesAsync();
    });

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
