using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Confirmation;

/// <summary>Steps of the confirmation-group tests: a round opened on a fresh winner, its entry, the organisation's submission, opinions.</summary>
public static class ConfirmationGroupKit
{
    public sealed record OpenRound(Winner Winner, Guid RoundId, Guid EntryId, Guid CaseId);

    public static readonly object[] Figures =
    [
        new { year = 2026, revenue = 120000m, profit = 8000m, satisfaction = 86.5m },
        new { year = 2027, revenue = 131000m, profit = 8900m, satisfaction = 87.2m },
        new { year = 2028, revenue = 140500m, profit = 9400m, satisfaction = 88.0m },
    ];

    /// <summary>Moves the test clock to 2029-01-01 00:30 Beijing time unless it is already later (the 2026 awards are then due).</summary>
    public static void DueYear(AppFactory app)
    {
        var at = new DateTimeOffset(2028, 12, 31, 16, 30, 0, TimeSpan.Zero);
        if (app.Clock.GetUtcNow() < at) app.Clock.SetUtcNow(at);
    }

    public static DateOnly Today(AppFactory app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static async Task<OpenRound> OpenAsync(AppFactory app, HttpClient office, string orgName)
    {
        var winner = await AwardsTestKit.WinnerAsync(app, orgName);
        DueYear(app);
        var round = await JsonAsync(await office.PostAsJsonAsync("/api/confirmation/rounds",
            new { awardIds = new[] { winner.Award.Id }, submitBy = Today(app).AddDays(60) }), HttpStatusCode.Created);
        var id = round.GetProperty("id").GetGuid();
        var entry = (await JsonAsync(await office.GetAsync($"/api/confirmation/rounds/{id}"), HttpStatusCode.OK)).GetProperty("entries")[0];
        return new OpenRound(winner, id, entry.GetProperty("id").GetGuid(), entry.GetProperty("caseId").GetGuid());
    }

    public static async Task SubmitAsync(AppFactory app, OpenRound r)
    {
        var own = await (await Cast.SignInAsync(app, r.Winner.Contact)).ApiAsync();
        var e = await JsonAsync(await own.GetAsync($"/api/confirmation/entries/{r.EntryId}"), HttpStatusCode.OK);
        await JsonAsync(await own.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/submit", new
        {
            managementChanges = "新设客户体验部，推行服务标准化。", figures = Figures, statement = "本组织承诺所填内容真实。", version = e.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
    }

    public static async Task<JsonElement> GroupOfAsync(HttpClient office, OpenRound r) =>
        (await JsonAsync(await office.GetAsync($"/api/confirmation/rounds/{r.RoundId}/groups"), HttpStatusCode.OK))
        .GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("entryId").GetGuid() == r.EntryId);

    public static object Opinion(string? firstReason = "三年营业收入稳步增长，组织机构稳定。", string proposal = "Confirm") => new
    {
        ratings = new object[]
        {
            new { dimension = "经营管理", trend = "Stable", reason = firstReason },
            new { dimension = "综合绩效", trend = "Improving", reason = "营业收入和利润总额逐年提高。" },
            new { dimension = "用户满意度", trend = "Improving", reason = "第三方测评由 86.5 分升至 88.0 分。" },
            new { dimension = "目标承诺与进展", trend = "Stable", reason = "年度进展报告按时提交，目标基本实现。" },
            new { dimension = "事故与投诉", trend = "Stable", reason = "期间无重大事故和重大投诉。" },
        },
        proposal, proposalReason = "经营管理和综合绩效稳定向好，建议确认有效。",
    };
}
