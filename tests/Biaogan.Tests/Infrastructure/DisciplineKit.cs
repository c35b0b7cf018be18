using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>Discipline driven through /api/discipline as the office and a leading-group member would.</summary>
public static class DisciplineKit
{
    /// <summary>The office proposes, one member agrees, the office records the decision; returns the decision's JSON.</summary>
    public static async Task<JsonElement> DecideAsync(AppFactory app, Guid applicationId, string kind, string reason = "申报材料中的用户满意度测评数据经现场核实为编造。")
    {
        var office = await SupervisionKit.OfficeApiAsync(app);
        var leader = await SupervisionKit.LeaderApiAsync(app);
        var proposed = await SupervisionKit.JsonAsync(await office.PostAsJsonAsync("/api/discipline/sanctions",
            new { applicationId, kind, source = "OnSite", sourceNote = "现场评审问题未能核实", reason }), HttpStatusCode.Created);
        var id = proposed.GetProperty("id").GetGuid();
        var voted = await SupervisionKit.JsonAsync(await leader.PostAsJsonAsync($"/api/discipline/sanctions/{id}/votes",
            new { agree = true, reason = "查证属实。", version = proposed.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        return await SupervisionKit.JsonAsync(await office.PostAsJsonAsync($"/api/discipline/sanctions/{id}/decision",
            new { reason = "领导小组表决通过。", version = voted.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
    }

    public static Task<JsonElement> WithdrawAsync(AppFactory app, Guid applicationId) => DecideAsync(app, applicationId, "Withdrawal");

    /// <summary>The withdrawn steps the decision reports (“撤出入围名单” …).</summary>
    public static IReadOnlyList<string> Withdrawn(JsonElement decision) =>
        decision.GetProperty("withdrawn").EnumerateArray().Select(e => e.GetString()!).ToList();

    public static Task<Application> ApplicationAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == id));
}
