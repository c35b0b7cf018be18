using Biaogan.Web.Features.Applications.Gates;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.DocumentReview;

/// <summary>评审委员会入围评议 (第十七条): votes with reasons, conflicted members stand aside, the office records and finalises.</summary>
public class ShortlistTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string?> Vote(bool select, string reason) => new() { ["Select"] = select ? "true" : "false", ["Reason"] = reason };

    [Fact]
    public async Task Members_vote_under_aliases_a_conflicted_member_stands_aside_and_the_office_finalises_the_selection()
    {
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [85, 60, 75]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var wu = await RankingBuilders.CommitteeAsync(app, "吴委员");
        var zheng = await RankingBuilders.CommitteeAsync(app, "郑委员");
        var wuClient = await Cast.SignInAsync(app, wu);
        var zhengClient = await Cast.SignInAsync(app, zheng);
        var url = $"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise";

        // 吴委员 declares a conflict with the best-ranked application, picking it by name from the unlinked list.
        var declared = await wuClient.SubmitAsync(url, new Dictionary<string, string?>
        {
            ["ApplicationId"] = apps[0].Id.ToString(), ["Reason"] = "近三年曾为该组织提供质量管理咨询",
        }, formSelector: "form[action*='handler=Declare']");
        Assert.Contains("已登记您的回避", declared.Text);
        var page = await wuClient.GetAsync(url);
        Assert.DoesNotContain(apps[1].Name, page.QuerySelector("#vote-h")!.ParentElement!.TextContent);
        var forms = page.QuerySelectorAll("form.vote-form");
        Assert.Equal(2, forms.Length);
        Assert.Single(page.QuerySelectorAll("td .badge-warn"));

        // Both members vote on the others; every vote needs a reason.
        var noReason = await wuClient.SubmitAsync(page, Vote(true, ""), formSelector: "form.vote-form");
        Assert.Contains("请填写投票理由", string.Join("", noReason.Errors));
        foreach (var (client, select) in new[] { (wuClient, true), (zhengClient, true) })
        {
            var p = await client.GetAsync(url);
            foreach (var _ in p.QuerySelectorAll("form.vote-form"))
            {
                var fresh = await client.GetAsync(url);
                var next = fresh.QuerySelectorAll("form.vote-form").First(f => f.QuerySelector("button")!.TextContent == "投票");
                var alias = next.QuerySelector("input[name=Alias]")!.GetAttribute("value");
                await client.SubmitAsync(fresh, Vote(select, "体系完整、结果领先"), formSelector: $"form.vote-form:has(input[value='{alias}'])");
            }
        }
        // 郑委员 votes on the conflicted application too; 吴委员 cannot (the API refuses).
        var zhengPage = await zhengClient.GetAsync(url);
        Assert.Equal(3, zhengPage.QuerySelectorAll("form.vote-form").Length);
        var api = await wuClient.ApiAsync();
        var refused = await api.PostAsJsonAsync("/api/document-review/shortlist/votes", new
        {
            cycleId, category = "Enterprise", applicationId = apps[0].Id, select = true, reason = "很好",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("已回避", await refused.Content.ReadAsStringAsync());

        // The office sees the tally with the conflict counted as 回避, records the outcome and finalises.
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var officePage = await office.GetAsync(url);
        await RankingArtifacts.SaveAsync("shortlist-office", officePage);
        await RankingArtifacts.SaveAsync("shortlist-member", await wuClient.GetAsync(url));
        var tallies = officePage.QuerySelectorAll("td.tally").Select(t => t.TextContent).ToList();
        Assert.Contains(tallies, t => t.Contains("回避 1"));
        var fields = new Dictionary<string, string?>();
        var rows = officePage.QuerySelectorAll("input[name$='.ApplicationId']").Select(i => i.GetAttribute("value")).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var selected = rows[i] != apps[1].Id.ToString();
            fields[$"Outcome[{i}].Selected"] = selected ? "true" : null;
            fields[$"Outcome[{i}].Reason"] = selected ? "综合得分领先，委员多数同意入围" : "得分排名靠后，未入围";
        }
        var recorded = await office.SubmitAsync(officePage, fields, formSelector: "form[action*='handler=Record']");
        Assert.Empty(recorded.Errors);
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.DocumentReview);
        var finalised = await office.SubmitAsync(recorded.Page, new Dictionary<string, string?>(), formSelector: "form[action*='handler=Finalise']");
        Assert.Contains("入围名单已确定", finalised.Text);

        var selectedIds = await app.WithDbAsync(db => ShortlistQueries.SelectedAsync(db, cycleId));
        Assert.Equal(new[] { apps[0].Id, apps[2].Id }.OrderBy(x => x), selectedIds.OrderBy(x => x));
        var decision = await app.WithDbAsync(db => db.Set<ShortlistDecision>().FirstAsync(d => d.CycleId == cycleId && d.Category == AwardCategory.Enterprise));
        var top = decision.Entries.Single(e => e.ApplicationId == apps[0].Id);
        Assert.Equal((1, 1), (top.VotesFor, top.Recused));
        Assert.Equal(2, decision.Entries.Single(e => e.ApplicationId == apps[2].Id).VotesFor);

        // After finalising, votes are locked.
        var late = await (await zhengClient.ApiAsync()).PostAsJsonAsync("/api/document-review/shortlist/votes", new
        {
            cycleId, category = "Enterprise", applicationId = apps[1].Id, select = true, reason = "改变主意",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var summary = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/shortlist/{cycleId}");
        Assert.Equal("Finalised", summary[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_office_cannot_finalise_before_recording_reasons_for_every_application()
    {
        await RankingBuilders.ScoredAsync(app, AwardCategory.Service, [70, 50, 60]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var url = $"/DocumentReview/Shortlist?cycleId={cycleId}&category=Service";
        var page = await office.GetAsync(url);
        Assert.Null(page.QuerySelector("form[action*='handler=Finalise']"));
        var result = await office.SubmitAsync(page, new Dictionary<string, string?> { ["Outcome[0].Reason"] = "得分最高" },
            formSelector: "form[action*='handler=Record']");
        Assert.Contains("没有填写评审委员会的理由", string.Join("", result.Errors));
    }
}
