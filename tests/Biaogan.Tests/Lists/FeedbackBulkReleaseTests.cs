using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Lists;

/// <summary>发放反馈报告 in bulk: the confirmation names the organisations and releases exactly the previewed reports.</summary>
public class FeedbackBulkReleaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_bulk_release_names_the_organisations_and_releases_exactly_the_previewed_reports()
    {
        var first = await Cast.ApplicantAsync(app, "发放甲有限公司");
        var second = await Cast.ApplicantAsync(app, "发放乙有限公司");
        var third = await Cast.ApplicantAsync(app, "发放丙有限公司");
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [85, 55, 60, 50], [null, first, second, third]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        await FinaliseAsync(cycleId, selected: apps[0].Id);
        await app.WithScopeAsync(sp => sp.GetRequiredService<FeedbackWorkflow>().GenerateAsync(cycleId, default));
        await ApproveAsync(apps[1].Id, apps[2].Id);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var page = await office.GetAsync($"/DocumentReview/Feedback?cycleId={cycleId}");
        var preview = page.QuerySelectorAll("#release-preview input[type=checkbox]");
        Assert.Equal(2, preview.Length);
        Assert.All(preview, box => Assert.True(box.HasAttribute("checked")));
        Assert.Contains("发放甲有限公司", page.QuerySelector("#release-preview")!.TextContent);

        // a report approved after the preview is not released with the previewed ones
        await ApproveAsync(apps[3].Id);
        var result = await office.SubmitAsync(page, new Dictionary<string, string?>(), "#release-all");
        Assert.Contains("已向 2 家组织发放反馈报告", result.Text);
        Assert.Contains(await Messages.InboxAsync(app, first), t => t.StartsWith("资料评审反馈报告已发放"));
        Assert.Contains(await Messages.InboxAsync(app, second), t => t.StartsWith("资料评审反馈报告已发放"));
        Assert.DoesNotContain(await Messages.InboxAsync(app, third), t => t.StartsWith("资料评审反馈报告已发放"));
        var statuses = await app.WithDbAsync(db => db.Set<FeedbackReport>().Where(r => r.CycleId == cycleId).ToDictionaryAsync(r => r.ApplicationId, r => r.Status));
        Assert.Equal(FeedbackStatus.Released, statuses[apps[1].Id]);
        Assert.Equal(FeedbackStatus.Approved, statuses[apps[3].Id]);

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.BulkAction).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("发放资料评审反馈报告（2 家组织）", entry.Action);
        Assert.Contains("发放乙有限公司", entry.After);

        // the API releases only the listed applications' approved reports
        var api = await office.ApiAsync();
        var none = await api.PostAsJsonAsync($"/api/document-review/feedback/cycles/{cycleId}/release", new { applicationIds = new[] { apps[1].Id } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        var released = await api.PostAsJsonAsync($"/api/document-review/feedback/cycles/{cycleId}/release", new { applicationIds = new[] { apps[3].Id } });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Contains(await Messages.InboxAsync(app, third), t => t.StartsWith("资料评审反馈报告已发放"));
    }

    private Task ApproveAsync(params Guid[] applicationIds) => ApproveAsync(app, applicationIds);

    private Task FinaliseAsync(Guid cycleId, Guid selected) => FinaliseAsync(app, cycleId, selected);

    internal static Task ApproveAsync(AppFactory app, params Guid[] applicationIds) => app.WithDbAsync(async db =>
    {
        foreach (var report in await db.Set<FeedbackReport>().Where(r => applicationIds.Contains(r.ApplicationId)).ToListAsync())
            report.Approve("office", app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    });

    /// <summary>Finalises the cycle's 企业类 shortlist with only <paramref name="selected"/> selected (the others get feedback reports).</summary>
    internal static async Task FinaliseAsync(AppFactory app, Guid cycleId, Guid selected)
    {
        await app.WithScopeAsync(async sp =>
        {
            var workflow = sp.GetRequiredService<ShortlistWorkflow>();
            var candidates = await workflow.CandidatesAsync(cycleId, AwardCategory.Enterprise, default);
            var decision = await workflow.DecisionAsync(cycleId, AwardCategory.Enterprise, default);
            await workflow.RecordOutcomeAsync(cycleId, AwardCategory.Enterprise,
                candidates.Select(id => new OutcomeInput(id, id == selected, id == selected ? "得分领先" : "得分靠后")).ToList(), decision.Version, default);
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
