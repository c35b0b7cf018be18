using System.Text;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Audit;

/// <summary>审计日志: what the office sees, filters and exports; and that the trail cannot be rewritten.</summary>
public class AuditViewTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_state_change_appears_with_its_before_and_after()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var created = await office.SubmitAsync("/Cycles/Create", new Dictionary<string, string?> { ["Year"] = "2045" });
        var id = created.Path["/Cycles/Edit/".Length..];
        await office.SubmitAsync(created.Page, new Dictionary<string, string?> { ["Input.Quota"] = "11" }, "#cycle-form");
        await LeadingGroupSteps.ApproveRulesAsync(app, Guid.Parse(id));
        var edit = await office.GetAsync($"/Cycles/Edit/{id}");
        await office.SubmitAsync(edit, new Dictionary<string, string?>(), "#open-form");

        var page = await office.GetAsync($"/Audit?subject={id}");
        var text = PageClient.Text(page);
        Assert.Contains("开启年度活动", text);
        Assert.Contains("状态：筹备中 → 进行中", Squash(text));
        Assert.Contains("标杆数量上限：10 → 11", Squash(text));
        Assert.Contains("年度活动", text);

        var byAction = PageClient.Text(await office.GetAsync($"/Audit?action=开启&type=Cycle&from=2026-11-27&to=2026-11-27"));
        Assert.Contains("开启年度活动", byAction);
        var otherDay = PageClient.Text(await office.GetAsync($"/Audit?action=开启&from=2026-11-28"));
        Assert.Contains("没有符合条件的记录", otherDay);

        await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<Cycle>().SingleAsync(c => c.Year == 2045);
            cycle.Close(app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_trail_is_paged_fifty_at_a_time_and_filtered_by_actor()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var first = await office.GetAsync("/Audit?type=CalendarDay");
        Assert.Equal(50, first.QuerySelectorAll("#audit-table tbody tr").Length);
        var next = first.QuerySelector("#next-page")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.Contains("p=2", next);
        var second = await office.GetAsync(next);
        Assert.Contains("第 2 /", PageClient.Text(second));

        var system = PageClient.Text(await office.GetAsync("/Audit?actor=系统&type=CalendarYear"));
        Assert.Contains("导入2026年节假日安排", system);
        Assert.Contains("没有符合条件的记录", PageClient.Text(await office.GetAsync("/Audit?actor=不存在的人")));
    }

    [Fact]
    public async Task The_page_exports_the_filtered_trail_as_the_same_CSV_as_the_CLI()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var response = await office.Http.GetAsync("/Audit?handler=Csv&type=CalendarYear");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("时间（北京时间）", lines[0]);
        Assert.Equal(21 + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",日历年度,", l));
    }

    [Fact]
    public async Task Audit_records_cannot_be_modified_or_deleted_through_the_database_context()
    {
        await app.WithDbAsync(async db =>
        {
            var entry = await db.Set<AuditEntry>().OrderBy(a => a.Id).FirstAsync();
            db.Entry(entry).Property(a => a.Action).CurrentValue = "篡改";
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("只能追加", ex.Message);
        });
        await app.WithDbAsync(async db =>
        {
            var entry = await db.Set<AuditEntry>().OrderBy(a => a.Id).FirstAsync();
            db.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        Assert.False(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "篡改")));
    }

    [Fact]
    public async Task People_outside_the_office_get_403()
    {
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        Assert.True(await Cast.IsForbiddenAsync(reviewer, "/Audit"));
        Assert.True(await Cast.IsForbiddenAsync(reviewer, "/Audit?handler=Csv"));
        var recommender = await Cast.SignInAsync(app, await Cast.RecommenderAsync(app));
        Assert.True(await Cast.IsForbiddenAsync(recommender, "/Audit"));
    }

    /// <summary>The page text with the whitespace of the markup removed, to read “状态：A → B”.</summary>
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) || c == ' ')).Replace(" ", "").Replace("→", " → ");
}
