using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Jobs;

/// <summary>/Jobs and /api/jobs: the office sees what is due, running, failed and done, reads the error and retries.</summary>
public class ScheduledWorkPageTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    private sealed record PageDto(int Total, int Page, int PageCount, Dictionary<string, int> Counts, List<ItemDto> Items);

    private sealed record ItemDto(Guid Id, string Kind, string Title, string Key, string State, string StateText, int Attempts, string? LastError);

    private async Task<Guid> FailedItemAsync(string key)
    {
        await app.ScheduleAsync(FailingWork.WorkKind, key, app.Clock.GetUtcNow(), maxAttempts: 1);
        Assert.True(await app.NewRunner().RunDueAsync() >= 1);
        var work = await app.WorkAsync(FailingWork.WorkKind, key);
        Assert.Equal(WorkState.Failed, work.State);
        return work.Id;
    }

    [Fact]
    public async Task The_office_sees_a_failed_item_with_its_error_and_puts_it_back_with_retry()
    {
        var key = $"页面-{Guid.NewGuid():N}";
        var id = await FailedItemAsync(key);
        await app.ScheduleAsync(CountingWork.WorkKind, $"将来-{key}", app.Clock.GetUtcNow().AddYears(3));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var page = await office.GetAsync("/Jobs?state=Failed");
        var row = page.QuerySelectorAll("#jobs-table tbody tr").Single(r => r.TextContent.Contains(key));
        Assert.Contains("测试失败", row.TextContent);
        Assert.Contains("失败", row.QuerySelector(".badge")!.TextContent);
        Assert.Contains("模拟的外部服务不可用（第 1 次）", row.TextContent);
        Assert.DoesNotContain($"将来-{key}", PageClient.Text(page));

        var pending = await office.GetAsync($"/Jobs?state=Pending&kind={CountingWork.WorkKind}");
        var future = pending.QuerySelectorAll("#jobs-table tbody tr").Single(r => r.TextContent.Contains($"将来-{key}"));
        Assert.Contains("待执行", future.TextContent);
        Assert.Contains("2029年11月27日", future.TextContent);

        var retried = await office.SubmitAsync(page, new Dictionary<string, string?>(), formSelector: $"form[action*='{id}']");
        Assert.Contains("重新加入执行队列", retried.Text);
        var work = await app.WorkAsync(FailingWork.WorkKind, key);
        Assert.Equal(WorkState.Pending, work.State);
        Assert.Equal(0, work.Attempts);
        var audit = await app.WithDbAsync(db => db.Set<Biaogan.Web.Infrastructure.Audit.AuditEntry>().AsNoTracking()
            .Where(a => a.EntityId == id.ToString() && a.Action.StartsWith("重试后台任务")).ToListAsync());
        Assert.Equal("赵丙", Assert.Single(audit).ActorName);

        // retrying twice is refused in Chinese: the item is no longer failed
        var again = await office.SubmitAsync(page, new Dictionary<string, string?>(), formSelector: $"form[action*='{id}']");
        Assert.Contains("只有失败的后台任务可以重试", again.Text);
    }

    [Fact]
    public async Task The_api_lists_the_table_filtered_by_state_and_kind_for_the_office()
    {
        var key = $"接口-{Guid.NewGuid():N}";
        var id = await FailedItemAsync(key);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var list = (await office.Http.GetFromJsonAsync<PageDto>($"/api/jobs?state=Failed&kind={FailingWork.WorkKind}"))!;
        Assert.All(list.Items, i => Assert.Equal("Failed", i.State));
        var item = Assert.Single(list.Items, i => i.Key == key);
        Assert.Equal("失败", item.StateText);
        Assert.Equal("测试失败", item.Title);
        Assert.Contains("模拟的外部服务不可用", item.LastError);
        Assert.True(list.Counts["Failed"] >= 1);

        var one = (await office.Http.GetFromJsonAsync<ItemDto>($"/api/jobs/{id}"))!;
        Assert.Equal(key, one.Key);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Http.GetAsync($"/api/jobs/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_office_and_the_administrator_reach_the_page_and_the_api()
    {
        var id = await FailedItemAsync($"权限-{Guid.NewGuid():N}");
        var admin = await Cast.SignInAsync(app, await Cast.AdminAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/Jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/api/jobs/{id}")).StatusCode);

        foreach (var persona in new[] { await Cast.ReviewerAsync(app), await Cast.ApplicantAsync(app, "申报组织甲（后台任务）") })
        {
            var client = await Cast.SignInAsync(app, persona);
            Assert.True(await Cast.IsForbiddenAsync(client, "/Jobs"));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/api/jobs")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync($"/api/jobs/{id}")).StatusCode);
            var retry = await client.NoRedirects.PostAsync($"/Jobs?handler=Retry&id={id}", new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.OK, retry.StatusCode);
        }
        var anonymous = Cast.Anonymous(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.NoRedirects.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(WorkState.Failed, (await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().SingleAsync(w => w.Id == id))).State);
    }
}
