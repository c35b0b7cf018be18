using Biaogan.Web.Features.Applications.Gates;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.Tests.Api;

/// <summary>
/// The office's 入围评议 and 反馈报告 moves over JSON: record the committee's outcome, finalise, generate the reports of those
/// not selected, edit, approve and release one — the same workflow methods as the pages.
/// </summary>
public class ShortlistFeedbackApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task The_office_records_and_finalises_the_shortlist_and_releases_a_feedback_report_over_the_api()
    {
        var applicant = await Cast.ApplicantAsync(app, "接口反馈电器股份有限公司");
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [85, 55], [null, applicant]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();
        var member = await (await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app, "接口评审委员"))).ApiAsync();
        var shortlist = $"/api/document-review/shortlist/{cycleId}/Enterprise";

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{shortlist}/record", new { entries = Array.Empty<object>(), version = 0 })).StatusCode);
        var early = await JsonAsync(await office.PostAsJsonAsync($"{shortlist}/finalise", new { version = 0 }), HttpStatusCode.UnprocessableEntity);
        Assert.Matches("[\u4e00-\u9fff]", early.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync($"/api/document-review/shortlist/{cycleId}/Other/reveal", new { })).StatusCode);

        var revealed = await JsonAsync(await office.PostAsJsonAsync($"{shortlist}/reveal", new { }));
        Assert.True(revealed.GetProperty("namesRevealed").GetBoolean());
        var recorded = await JsonAsync(await office.PostAsJsonAsync($"{shortlist}/record", new
        {
            entries = new object[]
            {
                new { applicationId = apps[0].Id, selected = true, reason = "一致性评审得分领先，入围。" },
                new { applicationId = apps[1].Id, selected = false, reason = "得分未达到入围水平。" },
            },
            version = revealed.GetProperty("version").GetInt32(),
        }));
        Assert.Equal(2, recorded.GetProperty("entries").GetArrayLength());
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.DocumentReview);
        var finalised = await JsonAsync(await office.PostAsJsonAsync($"{shortlist}/finalise", new { version = recorded.GetProperty("version").GetInt32() }));
        Assert.Equal("Finalised", finalised.GetProperty("status").GetString());
        Assert.Equal(new[] { apps[0].Id }, (await JsonAsync(await office.GetAsync($"/api/document-review/shortlist/{cycleId}/selected")))
            .EnumerateArray().Select(e => e.GetGuid()).ToList());

        var generated = await JsonAsync(await office.PostAsync($"/api/document-review/feedback/cycles/{cycleId}/generate", null));
        Assert.Equal(1, generated.GetProperty("created").GetInt32());
        var row = (await JsonAsync(await office.GetAsync($"/api/document-review/feedback/cycles/{cycleId}"))).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(apps[1].Id, row.GetProperty("applicationId").GetGuid());
        var feedback = $"/api/document-review/feedback/{apps[1].Id}";
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{feedback}/release", new { version = 1 })).StatusCode);
        var approved = await JsonAsync(await office.PostAsJsonAsync($"{feedback}/approve", new
        {
            summary = "贵组织顾客导向明确，满意度测评体系较完整。（接口审核修改）", sections = Array.Empty<object>(), version = row.GetProperty("version").GetInt32(),
        }));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        var released = await JsonAsync(await office.PostAsJsonAsync($"{feedback}/release", new { version = approved.GetProperty("version").GetInt32() }));
        Assert.Equal("Released", released.GetProperty("status").GetString());

        var mine = await (await Cast.SignInAsync(app, applicant)).ApiAsync();
        var read = await JsonAsync(await mine.GetAsync(feedback));
        Assert.Contains("（接口审核修改）", read.GetProperty("summary").GetString());
        // a report that was never generated: 404 with the next step in Chinese
        var none = await JsonAsync(await office.PostAsJsonAsync($"/api/document-review/feedback/{apps[0].Id}/release", new { version = 1 }), HttpStatusCode.NotFound);
        Assert.Contains("请先为其年度活动生成反馈报告", none.GetProperty("detail").GetString());

        var reopened = await JsonAsync(await office.PostAsJsonAsync($"{shortlist}/reopen", new { reason = "" }), HttpStatusCode.UnprocessableEntity);
        Assert.Matches("[\u4e00-\u9fff]", reopened.GetProperty("detail").GetString());
    }
}
