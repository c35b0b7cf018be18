using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Sharing;

/// <summary>Events and cases of experience sharing made through the API, and a small PDF to upload.</summary>
public static class SharingKit
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static DateOnly Today(AppFactory app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>An event the office created through the API, <paramref name="daysAhead"/> days from today; returns its id.</summary>
    public static async Task<Guid> EventAsync(HttpClient office, AppFactory app, string title, int daysAhead = 20)
    {
        var created = await JsonAsync(await office.PostAsJsonAsync("/api/sharing/events", new
        {
            kind = "Conference", title, topic = "以用户为中心的质量改进", startsOn = Today(app).AddDays(daysAhead), place = "北京市西城区（测试会场）",
        }), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static async Task InviteAsync(HttpClient office, Guid eventId, params Guid[] awardIds) =>
        await JsonAsync(await office.PostAsJsonAsync($"/api/sharing/events/{eventId}/invitations", new { awardIds }), HttpStatusCode.OK);

    /// <summary>The id of <paramref name="winner"/>'s invitation to <paramref name="eventId"/>, read through its own API.</summary>
    public static async Task<JsonElement> InvitationAsync(HttpClient winner, Guid eventId)
    {
        var list = await JsonAsync(await winner.GetAsync("/api/sharing/invitations"), HttpStatusCode.OK);
        return list.EnumerateArray().Single(i => i.GetProperty("eventId").GetGuid() == eventId);
    }

    /// <summary>A case the winner drafted and submitted through the API; returns its id.</summary>
    public static async Task<Guid> SubmittedPracticeAsync(HttpClient winner, Guid awardId, string title)
    {
        var created = await JsonAsync(await winner.PostAsJsonAsync("/api/sharing/practices", new
        {
            awardId, title, summary = "建立用户投诉“一单到底”闭环，三年用户满意度提升 3 分。", submit = true,
        }), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static async Task<int> VersionOfPracticeAsync(HttpClient client, Guid id) =>
        (await JsonAsync(await client.GetAsync($"/api/sharing/practices/{id}"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
}
