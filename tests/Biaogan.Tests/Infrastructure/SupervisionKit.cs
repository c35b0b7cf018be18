using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// Supervision cases driven through /api/supervision, as the office and a leading-group member would: the only way an
/// award's status changes (the registry, verification and certificate tests revoke through here).
/// </summary>
public static class SupervisionKit
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<HttpClient> OfficeApiAsync(AppFactory app) => await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();

    public static async Task<HttpClient> LeaderApiAsync(AppFactory app, string name = "王组长") =>
        await (await Cast.SignInAsync(app, await Cast.PersonAsync(app, name, Roles.LeadingGroup))).ApiAsync();

    /// <summary>Opens a complaint case on the award and submits it to the leading group; returns its id and version.</summary>
    public static async Task<(Guid Id, int Version)> CaseBeforeGroupAsync(HttpClient office, Guid awardId, string kind = "Complaint")
    {
        var opened = await JsonAsync(await office.PostAsJsonAsync("/api/supervision/cases", new { kind, awardId, title = "用户重大投诉" }),
            HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        var submitted = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{id}/submit",
            new { version = opened.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        return (id, submitted.GetProperty("version").GetInt32());
    }

    /// <summary>A case decided by one member's vote and the office's record of it (撤销称号 with <paramref name="publicReason"/>).</summary>
    public static async Task<Guid> DecideAsync(AppFactory app, Guid awardId, string outcome, string publicReason, string kind = "Complaint")
    {
        var office = await OfficeApiAsync(app);
        var leader = await LeaderApiAsync(app);
        var (id, version) = await CaseBeforeGroupAsync(office, awardId, kind);
        await JsonAsync(await leader.PostAsJsonAsync($"/api/supervision/cases/{id}/votes", new { outcome, reason = "查证属实。" }), HttpStatusCode.OK);
        await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{id}/decision",
            new { outcome, reason = "领导小组审议决定。", publicReason, version }), HttpStatusCode.OK);
        return id;
    }

    public static Task<Guid> RevokeAsync(AppFactory app, Guid awardId, string publicReason) => DecideAsync(app, awardId, "Revoke", publicReason);

    /// <summary>
    /// The same decided case through the workflow the pages and API call, for browser journeys (their host listens on a
    /// real socket and has no in-memory HTTP client): opened and submitted by the office, one leading-group vote, decided.
    /// </summary>
    public static async Task RevokeThroughWorkflowAsync(AppFactory app, Guid awardId, string publicReason)
    {
        var leader = await Cast.PersonAsync(app, "王组长", Roles.LeadingGroup);
        var member = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, leader.UserId), new Claim(ClaimTypes.Role, Roles.LeadingGroup)], "test"));
        await app.WithScopeAsync(async sp =>
        {
            var cases = sp.GetRequiredService<CaseWorkflow>();
            var opened = await cases.OpenAsync(CaseKind.Complaint, awardId, "用户重大投诉", CancellationToken.None);
            var submitted = (await cases.SubmitAsync(opened.Id, opened.Version, CancellationToken.None))!;
            await cases.VoteAsync(member, submitted.Id, CaseOutcome.Revoke, "查证属实。", CancellationToken.None);
            await cases.DecideAsync(submitted.Id, submitted.Version, CaseOutcome.Revoke, "领导小组审议决定。", publicReason, CancellationToken.None);
        });
    }
}
