using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.Tests.Cycles;

public class CyclesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_current_cycle_comes_with_its_stages_and_settings_and_drafts_stay_with_the_office()
    {
        var open = new Cycle(2040, app.Clock.GetUtcNow());
        open.ApproveRules(LeadingGroupKit.By, app.Clock.GetUtcNow());
        open.Open(anotherCycleOpen: false, app.Clock.GetUtcNow());
        var draft = new Cycle(2041, app.Clock.GetUtcNow());
        await app.WithDbAsync(async db => { db.AddRange(open, draft); await db.SaveChangesAsync(); });

        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        var current = await reviewer.Http.GetFromJsonAsync<JsonElement>("/api/cycles/current");
        Assert.Equal(2040, current.GetProperty("year").GetInt32());
        Assert.Equal(7, current.GetProperty("stages").GetArrayLength());
        Assert.Equal(80, current.GetProperty("settings").GetProperty("satisfactionThreshold").GetDecimal());
        Assert.Equal("进行中", current.GetProperty("statusDisplay").GetString());

        var seen = await reviewer.Http.GetFromJsonAsync<JsonElement>("/api/cycles");
        Assert.DoesNotContain(seen.EnumerateArray(), c => c.GetProperty("year").GetInt32() == 2041);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var all = await office.Http.GetFromJsonAsync<JsonElement>("/api/cycles");
        Assert.Contains(all.EnumerateArray(), c => c.GetProperty("year").GetInt32() == 2041);
    }

    [Fact]
    public async Task The_api_needs_a_signed_in_user()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Cast.Anonymous(app).Http.GetAsync("/api/cycles")).StatusCode);
    }
}
