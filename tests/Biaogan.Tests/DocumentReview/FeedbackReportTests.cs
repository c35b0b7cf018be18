using Biaogan.Web.Features.Applications.Gates;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.DocumentReview;

/// <summary>资料评审反馈报告 (第十八条): generated from the consensus for those not selected, edited, approved, released, downloaded.</summary>
public class FeedbackReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_application_not_selected_receives_an_edited_and_approved_report_that_only_its_own_users_download()
    {
        var applicant = await Cast.ApplicantAsync(app, "反馈测试电器股份有限公司");
        var other = await Cast.ApplicantAsync(app, "另一家申报有限公司");
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [85, 55, 75], [null, applicant, null]);
        var mine = apps[1];
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var early = await office.SubmitAsync($"/DocumentReview/Feedback?cycleId={cycleId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=Generate']");
        Assert.Contains("请先在“评审委员会入围评议”中确定入围名单", string.Join("", early.Errors));
        await FinaliseAsync(cycleId, notSelected: mine.Id);

        var generated = await office.SubmitAsync($"/DocumentReview/Feedback?cycleId={cycleId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=Generate']");
        Assert.Contains("已生成 1 份反馈报告草稿", generated.Text);
        Assert.Contains("反馈测试电器股份有限公司", generated.Text);

        var me = await Cast.SignInAsync(app, applicant);
        var download = $"/DocumentReview/Feedback/Download/{mine.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await me.Http.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Http.GetAsync($"/api/document-review/feedback/{mine.Id}")).StatusCode);

        var edit = await office.GetAsync($"/DocumentReview/Feedback/Edit/{mine.Id}");
        await RankingArtifacts.SaveAsync("feedback-edit", edit);
        var bands = edit.QuerySelectorAll("h3 strong").Select(s => s.TextContent).Distinct().ToList();
        Assert.Equal(["50%–65%"], bands);
        var approved = await office.SubmitAsync(edit, new Dictionary<string, string?>
        {
            ["Summary"] = "贵组织顾客导向明确，满意度测评体系较完整。（办公室审核修改）",
        }, submit: "handler=Approve");
        Assert.Contains("反馈报告已审定", approved.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Http.GetAsync(download)).StatusCode);
        var released = await office.SubmitAsync(approved.Page, new Dictionary<string, string?>(), submit: "handler=Release");
        Assert.Contains("反馈报告已发放", released.Text);
        Assert.Contains(await Messages.InboxAsync(app, applicant), t => t.StartsWith("资料评审反馈报告已发放"));

        var response = await me.Http.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfWriterTests.PdfToText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("资料评审反馈报告", text);
        Assert.Contains("反馈测试电器股份有限公司", text);
        Assert.Contains("办公室审核修改", text);
        Assert.Contains("50%–65%", text.Replace('‒', '–'));
        Assert.Contains("建立了系统的顾客需求识别方法", text);
        Assert.Contains("改进机会", text);

        var json = await me.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/feedback/{mine.Id}");
        Assert.Equal("Released", json.GetProperty("status").GetString());
        var details = await me.GetAsync($"/Applications/Details/{mine.Id}");
        Assert.NotNull(details.QuerySelector($"#feedback-report a[href='{download}']"));
        Assert.Contains("优势", PageClient.Text(await me.GetAsync($"/DocumentReview/Feedback/View/{mine.Id}")));

        var stranger = await Cast.SignInAsync(app, other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/document-review/feedback/{mine.Id}/pdf")).StatusCode);
        var member = await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync(download)).StatusCode);
        // Selected applications get no report.
        Assert.Equal(HttpStatusCode.NotFound, (await office.Http.GetAsync($"/DocumentReview/Feedback/Download/{apps[0].Id}")).StatusCode);
    }

    private async Task FinaliseAsync(Guid cycleId, Guid notSelected)
    {
        await app.WithScopeAsync(async sp =>
        {
            var workflow = sp.GetRequiredService<ShortlistWorkflow>();
            var candidates = await workflow.CandidatesAsync(cycleId, AwardCategory.Enterprise, default);
            var decision = await workflow.DecisionAsync(cycleId, AwardCategory.Enterprise, default);
            await workflow.RecordOutcomeAsync(cycleId, AwardCategory.Enterprise,
                candidates.Select(id => new OutcomeInput(id, id != notSelected, id != notSelected ? "得分领先" : "得分靠后")).ToList(), decision.Version, default);
        });
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.DocumentReview);
        await app.WithScopeAsync(async sp =>
        {
            var workflow = sp.GetRequiredService<ShortlistWorkflow>();
            var decision = await workflow.DecisionAsync(cycleId, AwardCategory.Enterprise, default);
            await workflow.FinaliseAsync(cycleId, AwardCategory.Enterprise, "office", decision.Version, default);
        });
    }
}
