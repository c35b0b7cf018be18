using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Confirmation;

/// <summary>
/// Issue 12 item 6 (第二十四条): a confirmation round from the benchmarks falling due to the published announcement,
/// through the JSON API and the pages; 确认中 in the registry during the round, the confirmation date after it.
/// </summary>
public class ConfirmationRoundTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly object[] GoodFigures =
    [
        new { year = 2026, revenue = 120000m, profit = 8000m, satisfaction = 86.5m, satisfactionNote = "第三方测评，样本 1200" },
        new { year = 2027, revenue = 131000m, profit = 8900m, satisfaction = 87.2m, satisfactionNote = "第三方测评，样本 1300" },
        new { year = 2028, revenue = 140500m, profit = 9400m, satisfaction = 88.0m, satisfactionNote = "第三方测评，样本 1300" },
    ];

    private void AdvanceTo(DateTimeOffset at)
    {
        if (app.Clock.GetUtcNow() < at) app.Clock.SetUtcNow(at);
    }

    private static async Task<List<Guid>> DueAsync(HttpClient office) =>
        (await JsonAsync(await office.GetAsync("/api/confirmation/due"), HttpStatusCode.OK)).EnumerateArray()
        .Select(d => d.GetProperty("awardId").GetGuid()).ToList();

    private static async Task<JsonElement> RegistryLineAsync(HttpClient client, Award award) =>
        (await JsonAsync(await client.GetAsync("/api/public/benchmarks?size=200"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
        .Single(e => e.GetProperty("certificateNumber").GetString() == award.CertificateNumber);

    [Fact]
    public async Task A_round_runs_from_the_benchmarks_due_to_the_published_announcement_and_its_PDF()
    {
        var kept = await AwardsTestKit.WinnerAsync(app, "确认有效有限公司");
        var lost = await AwardsTestKit.WinnerAsync(app, "不予确认有限公司");
        var anonymous = Cast.Anonymous(app).Http;

        // Awarded for 2026: not due in 2028, due from 1 January 2029 China time (the default rule)
        var winnerPage = PageClient.Text(await (await Cast.SignInAsync(app, kept.Contact)).GetAsync("/Awards/Mine"));
        Assert.Contains("应于 2029年内（获奖年度后第三个日历年）进行确认", winnerPage);
        AdvanceTo(new DateTimeOffset(2028, 12, 31, 15, 30, 0, TimeSpan.Zero));
        var office = await OfficeApiAsync(app); // signed in after two years have passed
        Assert.DoesNotContain(kept.Award.Id, await DueAsync(office));
        var early = await JsonAsync(await office.PostAsJsonAsync("/api/confirmation/rounds",
            new { awardIds = new[] { kept.Award.Id }, submitBy = new DateOnly(2029, 3, 31) }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不在到期名单上", early.GetProperty("detail").GetString());
        AdvanceTo(new DateTimeOffset(2028, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 2029-01-01 00:30 in Beijing
        Assert.Contains(kept.Award.Id, await DueAsync(office));

        var badDate = await JsonAsync(await office.PostAsJsonAsync("/api/confirmation/rounds",
            new { awardIds = new[] { kept.Award.Id, lost.Award.Id }, submitBy = new DateOnly(2028, 12, 1) }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("提交截止日期应晚于今天", badDate.GetProperty("detail").GetString());
        var round = await JsonAsync(await office.PostAsJsonAsync("/api/confirmation/rounds",
            new { awardIds = new[] { kept.Award.Id, lost.Award.Id }, submitBy = new DateOnly(2029, 3, 31) }), HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        Assert.Equal("2029年获奖三年确认（第1批）", round.GetProperty("title").GetString());

        // 确认中 at once in the registry and on verification; no longer due; the organisation is told
        Assert.Equal("确认中", (await RegistryLineAsync(anonymous, kept.Award)).GetProperty("statusDisplay").GetString());
        Assert.DoesNotContain(kept.Award.Id, await DueAsync(office));
        var mail = await Messages.LatestMailAsync(app, kept.Contact.Email, DefaultTemplates.ConfirmationOpened);
        Assert.Contains("2029年3月31日", mail.Body);
        Assert.Contains("2026—2028", mail.Body);

        var detail = await JsonAsync(await office.GetAsync($"/api/confirmation/rounds/{roundId}"), HttpStatusCode.OK);
        var entries = detail.GetProperty("entries").EnumerateArray().ToList();
        Guid EntryOf(Award a) => entries.Single(e => e.GetProperty("awardId").GetGuid() == a.Id).GetProperty("id").GetGuid();
        Guid CaseOf(Award a) => entries.Single(e => e.GetProperty("awardId").GetGuid() == a.Id).GetProperty("caseId").GetGuid();

        // the organisation: a draft with an impossible figure is refused in Chinese; an incomplete submission lists what is missing
        var own = await (await Cast.SignInAsync(app, kept.Contact)).ApiAsync();
        var entry = await JsonAsync(await own.GetAsync($"/api/confirmation/entries/{EntryOf(kept.Award)}"), HttpStatusCode.OK);
        Assert.Equal(2026, entry.GetProperty("firstYear").GetInt32());
        var version = entry.GetProperty("version").GetInt32();
        var bad = await JsonAsync(await own.PutAsJsonAsync($"/api/confirmation/entries/{EntryOf(kept.Award)}", new
        {
            managementChanges = "新设客户体验部。", figures = new[] { new { year = 2026, satisfaction = 150m } }, statement = "", version,
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("2026 年的用户满意度测评结果应在 0 到 100 分之间", bad.GetProperty("detail").GetString());
        var draft = await JsonAsync(await own.PutAsJsonAsync($"/api/confirmation/entries/{EntryOf(kept.Award)}", new
        {
            managementChanges = "新设客户体验部。", figures = new[] { GoodFigures[0] }, statement = "", version,
        }), HttpStatusCode.OK);
        version = draft.GetProperty("version").GetInt32();
        var incomplete = await JsonAsync(await own.PostAsJsonAsync($"/api/confirmation/entries/{EntryOf(kept.Award)}/submit", new
        {
            managementChanges = "新设客户体验部。", figures = new[] { GoodFigures[0] }, statement = "", version,
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("请填写 2027 年的营业收入和利润总额", incomplete.GetProperty("detail").GetString());
        Assert.Contains("请填写组织声明", incomplete.GetProperty("detail").GetString());
        await JsonAsync(await own.PostAsJsonAsync($"/api/confirmation/entries/{EntryOf(kept.Award)}/submit", new
        {
            managementChanges = "新设客户体验部，推行服务标准化。", figures = GoodFigures, statement = "本组织承诺所填内容真实。", version,
        }), HttpStatusCode.OK);
        var lostOwn = await (await Cast.SignInAsync(app, lost.Contact)).ApiAsync();
        var lostEntry = await JsonAsync(await lostOwn.GetAsync($"/api/confirmation/entries/{EntryOf(lost.Award)}"), HttpStatusCode.OK);
        await JsonAsync(await lostOwn.PostAsJsonAsync($"/api/confirmation/entries/{EntryOf(lost.Award)}/submit", new
        {
            managementChanges = "主要负责人变更。", figures = GoodFigures, statement = "属实。", version = lostEntry.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        // another organisation does not know of either
        Assert.Equal(HttpStatusCode.NotFound, (await lostOwn.GetAsync($"/api/confirmation/entries/{EntryOf(kept.Award)}")).StatusCode);

        // not publishable before the leading group decided; forwarded, voted and decided through the cases
        var early2 = await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/rounds/{roundId}/publish",
            new { version = detail.GetProperty("round").GetProperty("version").GetInt32() }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("尚未由领导小组作出确认决定", early2.GetProperty("detail").GetString());
        var leader = await LeaderApiAsync(app);
        foreach (var (award, outcome, publicReason) in new[] { (kept.Award, "NoEffect", (string?)null), (lost.Award, "Revoke", "经营管理和综合绩效明显下滑，不再符合标杆条件。") })
        {
            // this test leaves the confirmation group out (ConfirmationGroupTests has it): the office records why
            var g = (await JsonAsync(await office.GetAsync($"/api/confirmation/rounds/{roundId}/groups"), HttpStatusCode.OK)).GetProperty("entries")
                .EnumerateArray().Single(x => x.GetProperty("entryId").GetGuid() == EntryOf(award));
            await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{EntryOf(award)}/without-opinion",
                new { reason = "本测试不组成确认组。", version = g.GetProperty("entryVersion").GetInt32() }), HttpStatusCode.OK);
            await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{EntryOf(award)}/forward", new { }), HttpStatusCode.OK);
            var refused = await JsonAsync(await leader.PostAsJsonAsync($"/api/supervision/cases/{CaseOf(award)}/votes",
                new { outcome = "Confirmation", reason = "再确认" }), HttpStatusCode.UnprocessableEntity);
            Assert.Contains("确认案件只能决定", refused.GetProperty("detail").GetString());
            await JsonAsync(await leader.PostAsJsonAsync($"/api/supervision/cases/{CaseOf(award)}/votes", new { outcome, reason = "三年数据稳定。" }), HttpStatusCode.OK);
            var c = await JsonAsync(await office.GetAsync($"/api/supervision/cases/{CaseOf(award)}"), HttpStatusCode.OK);
            var decided = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{CaseOf(award)}/decision",
                new { outcome, reason = "领导小组审议决定。", publicReason, version = c.GetProperty("case").GetProperty("version").GetInt32() }), HttpStatusCode.OK);
            Assert.Equal(outcome == "NoEffect" ? "确认有效" : "不予确认（撤销称号）", decided.GetProperty("outcomeText").GetString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Confirmation/Announcement/{roundId}")).StatusCode);

        var current = await JsonAsync(await office.GetAsync($"/api/confirmation/rounds/{roundId}"), HttpStatusCode.OK);
        await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/rounds/{roundId}/publish",
            new { version = current.GetProperty("round").GetProperty("version").GetInt32() }), HttpStatusCode.OK);

        var page = PageClient.Text(await Cast.Anonymous(app).GetAsync($"/Confirmation/Announcement/{roundId}"));
        Assert.Contains("确认有效有限公司", page);
        Assert.Contains("不予确认（称号撤销）", page);
        Assert.Contains("经营管理和综合绩效明显下滑", page);
        Assert.Contains("确认有效 1 个，不予确认 1 个", page);
        var pdf = await anonymous.GetAsync($"/api/public/confirmations/{roundId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        // the registry: the confirmation date for the one kept, 已撤销 for the other; the winner's page says so too
        var keptLine = await RegistryLineAsync(anonymous, kept.Award);
        Assert.Equal("有效", keptLine.GetProperty("statusDisplay").GetString());
        Assert.Equal("2029-01-01", keptLine.GetProperty("confirmedOn").GetString());
        Assert.Equal("已撤销", (await RegistryLineAsync(anonymous, lost.Award)).GetProperty("statusDisplay").GetString());
        Assert.Contains("2029年1月1日确认有效", PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Benchmarks")));
        Assert.Contains("已于 2029年1月1日", PageClient.Text(await (await Cast.SignInAsync(app, kept.Contact)).GetAsync("/Awards/Mine")));
    }

    [Fact]
    public async Task The_submission_form_answers_bad_input_in_Chinese_and_keeps_what_was_typed()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "表单校验有限公司");
        AdvanceTo(new DateTimeOffset(2029, 1, 5, 2, 0, 0, TimeSpan.Zero));
        var officePage = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var none = await officePage.SubmitAsync("/Confirmation", new Dictionary<string, string?> { ["AwardIds"] = null, ["SubmitBy"] = "2029-03-31" },
            "form[action*='handler=Open']");
        Assert.Contains("请至少选择一个到期的标杆", PageClient.Text(none.Page));
        var opened = await officePage.SubmitAsync("/Confirmation", new Dictionary<string, string?> { ["AwardIds"] = winner.Award.Id.ToString(), ["SubmitBy"] = "2029-03-31" },
            "form[action*='handler=Open']");
        Assert.Contains("（第", PageClient.Text(opened.Page));
        Assert.Contains("表单校验有限公司", PageClient.Text(opened.Page));
        var entryLink = opened.Page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").First(h => h.StartsWith("/Confirmation/Entry/"));

        var own = await Cast.SignInAsync(app, winner.Contact);
        var result = await own.SubmitAsync(entryLink, new Dictionary<string, string?>
        {
            ["ManagementChanges"] = "设立首席客户官。", ["Figures[0].Revenue"] = "9800", ["Figures[0].Profit"] = "-120", ["Figures[0].Satisfaction"] = "101",
            ["Figures[1].Satisfaction"] = "abc", ["Statement"] = "",
        }, submit: "Submit");
        var text = PageClient.Text(result.Page);
        Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
        Assert.DoesNotContain("The value", text);
        Assert.Matches("[\u4e00-\u9fff]", result.Page.QuerySelector(".validation-summary-errors, [role=alert], .alert-error")?.TextContent ?? "");
        Assert.Equal("设立首席客户官。", result.Page.QuerySelector("textarea[name=ManagementChanges]")?.TextContent);
        Assert.Equal("9800", (result.Page.QuerySelector("input[name='Figures[0].Revenue']") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);

        var fixedUp = await own.SubmitAsync(result.Page, new Dictionary<string, string?> { ["Figures[1].Satisfaction"] = "" }, submit: "Submit");
        var again = PageClient.Text(fixedUp.Page);
        Assert.Contains("2026 年的用户满意度测评结果应在 0 到 100 分之间", again);
        Assert.Contains("请填写组织声明", again);
        Assert.Equal("-120", (fixedUp.Page.QuerySelector("input[name='Figures[0].Profit']") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
    }
}
