using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Evaluation;

/// <summary>综合评价 (第二十条): document and on-site results side by side with the weighted score; conflicted members excluded.</summary>
public class EvaluationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_committee_sees_both_results_side_by_side_and_the_score_weighted_by_the_cycle_setting()
    {
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.EvaluationDocumentWeight = 30);
        var a = await AwardPipelineKit.QualifiedAsync(app, "并列甲制造有限公司", AwardCategory.Enterprise);
        var b = await AwardPipelineKit.QualifiedAsync(app, "并列乙制造有限公司", AwardCategory.Enterprise);
        await AwardPipelineKit.ApprovedVisitAsync(app, a, 600m, 700m);
        await AwardPipelineKit.ApprovedVisitAsync(app, b, 650m, 600m);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var member = await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app, "王委员"));

        var page = await member.GetAsync($"/Evaluation?cycleId={cycleId}&category=Enterprise");
        Assert.Contains("资料评审得分 × 30% + 现场评审得分 × 70%", page.QuerySelector("#weights")!.TextContent);
        // 600 × 30% + 700 × 70% = 670; 650 × 30% + 600 × 70% = 615: the on-site leader comes first.
        var rows = page.QuerySelectorAll("#evaluation-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("并列甲", rows[0]);
        Assert.Contains("670", rows[0]);
        Assert.Contains("600", rows[0]);
        Assert.Contains("700", rows[0]);
        Assert.Contains("615", rows[1]);

        var board = await member.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/{cycleId}/Enterprise");
        Assert.Equal(30, board.GetProperty("documentWeight").GetInt32());
        Assert.Equal(70, board.GetProperty("onSiteWeight").GetInt32());
        var first = board.GetProperty("rows").GetProperty("items")[0];
        Assert.Equal(a, first.GetProperty("applicationId").GetGuid());
        Assert.Equal(670m, first.GetProperty("combinedScore").GetDecimal());

        var summary = await member.GetAsync($"/Evaluation/Visit/{a}");
        Assert.Equal("700", summary.QuerySelector("#onsite-score")!.TextContent.Trim());
        Assert.Contains("现场核实情况与申报材料基本一致", summary.Body!.TextContent);
    }

    [Fact]
    public async Task A_member_with_a_conflict_sees_no_scores_of_that_application_and_cannot_vote_on_it()
    {
        var a = await AwardPipelineKit.QualifiedAsync(app, "回避甲服务有限公司", AwardCategory.Service);
        var b = await AwardPipelineKit.QualifiedAsync(app, "回避乙服务有限公司", AwardCategory.Service);
        await AwardPipelineKit.ApprovedVisitAsync(app, a, 612.5m, 633.5m);
        await AwardPipelineKit.ApprovedVisitAsync(app, b, 580m, 590m);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var wuPersona = await RankingBuilders.CommitteeAsync(app, "吴委员");
        var zhengPersona = await RankingBuilders.CommitteeAsync(app, "郑委员");
        var wu = await Cast.SignInAsync(app, wuPersona);
        var zheng = await Cast.SignInAsync(app, zhengPersona);
        var url = $"/Evaluation?cycleId={cycleId}&category=Service";

        // 吴委员 declares a conflict on this page; a conflict 郑委员 declared at the shortlist counts here too.
        var declared = await wu.SubmitAsync(url, new Dictionary<string, string?> { ["ApplicationId"] = a.ToString(), ["Reason"] = "曾任该组织顾问" },
            formSelector: "form[action*='handler=Declare']");
        Assert.Contains("已登记您的回避", declared.Text);
        await app.WithDbAsync(async db =>
        {
            db.Add(new CommitteeConflict(cycleId, b, zhengPersona.UserId, CommitteeConflictSource.MemberDeclared, "亲属在该组织任职",
                zhengPersona.UserId, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var page = await wu.GetAsync(url);
        var row = page.QuerySelector($"tr[data-application='{a}']")!;
        Assert.Contains("已回避", row.TextContent);
        Assert.DoesNotContain("633.5", page.Body!.TextContent);
        Assert.DoesNotContain("612.5", page.Body!.TextContent);
        Assert.Null(row.QuerySelector("form.vote-form"));
        Assert.Contains("590", page.QuerySelector($"tr[data-application='{b}']")!.TextContent);
        var zhengPage = await zheng.GetAsync(url);
        Assert.Contains("633.5", zhengPage.Body!.TextContent);
        Assert.DoesNotContain("590", zhengPage.QuerySelector($"tr[data-application='{b}']")!.TextContent);

        var board = await wu.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/{cycleId}/Service");
        var hidden = board.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("applicationId").GetGuid() == a);
        Assert.True(hidden.GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("combinedScore").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await wu.Http.GetAsync($"/Evaluation/Visit/{a}")).StatusCode);

        var refused = await (await wu.ApiAsync()).PostAsJsonAsync($"/api/evaluation/{cycleId}/Service/votes",
            new { applicationId = a, recommend = true, reason = "很好" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("已回避", await refused.Content.ReadAsStringAsync());
        var noReason = await wu.SubmitAsync(page, new Dictionary<string, string?> { ["Recommend"] = "true", ["Reason"] = "" },
            formSelector: $"tr[data-application='{b}'] form.vote-form");
        Assert.Contains("请填写投票理由", string.Join("", noReason.Errors));
        var voted = await wu.SubmitAsync(url, new Dictionary<string, string?> { ["Recommend"] = "false", ["Reason"] = "现场问题较多" },
            formSelector: $"tr[data-application='{b}'] form.vote-form");
        Assert.Contains("已保存您的投票", voted.Text);

        // The office sees the tally with the conflicts counted as 回避.
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var officePage = await office.GetAsync(url);
        Assert.Contains("回避 1", officePage.QuerySelector($"tr[data-application='{a}'] td.tally")!.TextContent);
        Assert.Contains("不推荐 1", officePage.QuerySelector($"tr[data-application='{b}'] td.tally")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.Set<Web.Features.Evaluation.EvaluationVote>().AnyAsync(v => v.ApplicationId == b)));
    }
}
