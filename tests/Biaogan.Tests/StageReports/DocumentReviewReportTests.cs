using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.StageReports;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.StageReports;

/// <summary>
/// 第九条: the 资料评审阶段工作报告 — generated from the records, 审议 by the committee's members, and the shortlist refused
/// until every member without a 回避 has responded on the current data; a change of data makes the draft stale.
/// </summary>
public class DocumentReviewReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_shortlist_waits_for_every_unconflicted_member_names_who_has_not_responded_and_a_change_of_data_restarts_the_deliberation()
    {
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [85, 60]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var jia = await RankingBuilders.CommitteeAsync(app, "甲委员");
        var yi = await RankingBuilders.CommitteeAsync(app, "乙委员");
        var bing = await RankingBuilders.CommitteeAsync(app, "丙委员");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();
        var root = $"/api/document-review/shortlist/{cycleId}/Enterprise";
        // 丙委员 stands aside on the second application: the rule does not wait for them.
        await app.WithScopeAsync(sp => sp.GetRequiredService<ShortlistWorkflow>().RecordConflictAsync(cycleId, apps[1].Id, bing.UserId,
            CommitteeConflictSource.MemberDeclared, "曾在该组织任职", bing.UserId, default));
        var version = await RecordAsync(api, root, apps, "资料评审成绩领先，入围", 0);

        var none = await api.PostAsJsonAsync($"{root}/finalise", new { version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("评审委员会须审议资料评审阶段工作报告", await none.Content.ReadAsStringAsync());

        var due = app.Clock.Today().AddDays(5);
        var generated = await Json(await api.PostAsJsonAsync($"/api/stage-reports/{cycleId}/DocumentReview/generate", new { dueOn = due }));
        Assert.Equal(1, generated.GetProperty("revision").GetInt32());
        var figures = generated.GetProperty("documentReview");
        Assert.Equal(2, figures.GetProperty("categories")[0].GetProperty("reviewed").GetInt32());
        Assert.Equal(1, figures.GetProperty("categories")[0].GetProperty("proposed").GetInt32());
        Assert.Equal(2, figures.GetProperty("groups").GetArrayLength());
        Assert.Contains("丙委员", figures.GetProperty("conflicts")[0].GetProperty("person").GetString());
        var inbox = await OutcomeNoticesKit.InboxAsync(app, yi.UserId, "资料评审阶段工作报告待您审议");
        Assert.Contains($"请在 {Web.Infrastructure.Time.ChinaTime.Format(due)} 前完成审议", Assert.Single(inbox).Body);

        // 甲 agrees on the page; 乙 has not responded: the refusal names 乙 and not 丙 (conflicted).
        var jiaClient = await Cast.SignInAsync(app, jia);
        var url = $"/StageReports?cycleId={cycleId}&kind=DocumentReview";
        var agreed = await jiaClient.SubmitAsync(url, new Dictionary<string, string?> { ["Agreed"] = "true" }, "form[action*='handler=Respond']");
        Assert.Contains("已记录您对资料评审阶段工作报告的审议：同意", agreed.Text);
        var yiClient = await Cast.SignInAsync(app, yi);
        var todo = PageClient.Text(await yiClient.GetAsync("/Progress/Todo"));
        Assert.Contains("待审议：资料评审阶段工作报告（第 1 稿）", todo);
        var waiting = await api.PostAsJsonAsync($"{root}/finalise", new { version });
        var why = await waiting.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, waiting.StatusCode);
        Assert.Contains("尚未审议的委员：乙委员", why);
        Assert.DoesNotContain("丙委员", why);
        Assert.Contains("1/2", why);

        // A comment must say something; then 乙's comment counts as a response.
        var yiApi = await yiClient.ApiAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await yiApi.PostAsJsonAsync($"/api/stage-reports/{cycleId}/DocumentReview/responses", new { agreed = false })).StatusCode);
        var commented = await Json(await yiApi.PostAsJsonAsync($"/api/stage-reports/{cycleId}/DocumentReview/responses",
            new { agreed = false, comment = "建议在报告中说明第二项申报评分极差较大的原因" }));
        Assert.True(commented.GetProperty("deliberated").GetBoolean());

        // The office changes the recorded outcome: the draft is stale, the list is refused and members cannot respond to it.
        version = await RecordAsync(api, root, apps, "一致性评审得分第一，委员多数同意入围", version);
        var stale = await Json(await api.GetAsync($"/api/stage-reports/{cycleId}/DocumentReview"));
        Assert.True(stale.GetProperty("stale").GetBoolean());
        Assert.Contains("数据已变化", PageClient.Text(await jiaClient.GetAsync(url)));
        var refusedStale = await api.PostAsJsonAsync($"{root}/finalise", new { version });
        Assert.Contains("评审数据已变化", await refusedStale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await yiApi.PostAsJsonAsync($"/api/stage-reports/{cycleId}/DocumentReview/responses", new { agreed = true })).StatusCode);

        // Generated again: draft 2, nobody has responded, the members are told again; after both agree the list is final.
        var second = await Json(await api.PostAsJsonAsync($"/api/stage-reports/{cycleId}/DocumentReview/generate", new { }));
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        Assert.Equal(["乙委员", "甲委员"], second.GetProperty("notYetResponded").EnumerateArray().Select(e => e.GetString()!).Order().ToArray());
        Assert.Equal(2, (await OutcomeNoticesKit.InboxAsync(app, jia.UserId, "资料评审阶段工作报告待您审议")).Count);
        foreach (var member in new[] { jiaClient, yiClient })
            Assert.Equal(HttpStatusCode.OK, (await (await member.ApiAsync()).PostAsJsonAsync($"/api/stage-reports/{cycleId}/DocumentReview/responses",
                new { agreed = true, comment = "同意报告所列入围建议" })).StatusCode);
        (await api.PostAsJsonAsync($"{root}/finalise", new { version })).EnsureSuccessStatusCode();

        // The PDF of the draft: real figures, the proposed list with the recorded reason, and the 审议.
        var pdf = await office.Http.GetAsync($"/StageReports/Pdf?cycleId={cycleId}&kind=DocumentReview");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = DocumentReview.PdfWriterTests.PdfToText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("2026年度全国用户满意标杆资料评审阶段工作报告", text.Replace(" ", ""));
        Assert.Contains("第2稿", text.Replace(" ", ""));
        Assert.Contains("企业申报1有限公司", text.Replace(" ", ""));
        Assert.Contains("一致性评审得分第一", text.Replace(" ", ""));
        Assert.Contains("丙委员", text.Replace(" ", ""));
        Assert.Matches(@"甲委员\s+同意", text);
        var audit = await app.WithDbAsync(db => db.Set<Web.Infrastructure.Audit.AuditEntry>().AsNoTracking()
            .Where(e => e.Action.Contains("资料评审阶段工作报告")).Select(e => e.Action).ToListAsync());
        Assert.Contains(audit, a => a.Contains("审议重新开始"));
    }

    [Fact]
    public async Task Under_the_majority_rule_more_than_half_of_the_unconflicted_members_suffice()
    {
        var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
        var members = new List<Persona>();
        foreach (var name in new[] { "多数甲委员", "多数乙委员", "多数丙委员" }) members.Add(await RankingBuilders.CommitteeAsync(app, name));
        await app.WithScopeAsync(async sp =>
        {
            var workflow = sp.GetRequiredService<StageReportWorkflow>();
            var db = sp.GetRequiredService<Web.Infrastructure.Data.AppDbContext>();
            var c = await db.Set<Cycle>().FirstAsync(x => x.Id == cycle.Id);
            c.Settings.StageReportQuorum = StageReportQuorum.Majority;
            await db.SaveChangesAsync();
            await workflow.GenerateAsync(cycle.Id, StageReportKind.OnSite, null, "office", default);
        });
        StageReportView? view = null;
        await app.WithScopeAsync(async sp => view = await sp.GetRequiredService<StageReportWorkflow>().ViewAsync(cycle.Id, StageReportKind.OnSite, default));
        var counted = view!.Counted;
        var needed = view.Needed;
        Assert.True(counted.Count >= 3 && needed == counted.Count / 2 + 1 && needed < counted.Count);
        async Task<string?> RefusalAsync() => await Refusal(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<StageReportWorkflow>().EnsureDeliberatedAsync(cycle.Id, StageReportKind.OnSite, default)));
        for (var i = 0; i < needed - 1; i++)
        {
            var member = counted[i].UserId;
            await app.WithScopeAsync(sp => sp.GetRequiredService<StageReportWorkflow>().RespondAsync(cycle.Id, StageReportKind.OnSite, member, true, null, default));
        }
        Assert.Contains("须过半数无回避事项的委员审议", await RefusalAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<StageReportWorkflow>().RespondAsync(cycle.Id, StageReportKind.OnSite, counted[needed - 1].UserId, true, null, default));
        Assert.Null(await RefusalAsync());
    }

    private static async Task<string?> Refusal(Func<Task> act)
    {
        try { await act(); return null; }
        catch (Web.Infrastructure.Errors.DomainRuleException e) { return e.Message; }
    }

    private static async Task<int> RecordAsync(HttpClient api, string root, IReadOnlyList<ScoredApplication> apps, string reason, int version)
    {
        var recorded = await api.PostAsJsonAsync($"{root}/record", new
        {
            entries = new object[]
            {
                new { applicationId = apps[0].Id, selected = true, reason },
                new { applicationId = apps[1].Id, selected = false, reason = "得分未达到入围水平" },
            },
            version,
        });
        return (await Json(recorded)).GetProperty("version").GetInt32();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
