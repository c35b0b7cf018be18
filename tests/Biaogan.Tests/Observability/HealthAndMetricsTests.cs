using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Biaogan.Tests.Observability;

/// <summary>/healthz, /readyz and /metrics (issue 10, item 9).</summary>
public class HealthAndMetricsTests(HealthAndMetricsTests.MetricsApp app) : IClassFixture<HealthAndMetricsTests.MetricsApp>
{
    public sealed class MetricsApp : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("Metrics:Enabled", "true"), new("Metrics:BearerToken", "scrape-secret-2026")];
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Healthz_answers_anonymously_with_JSON_and_no_caching()
    {
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", (await JsonAsync(response)).GetProperty("status").GetString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Readyz_checks_the_database_the_file_store_and_the_mail_pickup_folder()
    {
        var response = await app.CreateClient().GetAsync("/readyz");
        var json = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = json.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("files").GetProperty("status").GetString());
        Assert.Contains("邮件投递目录可写", checks.GetProperty("mail").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Metrics_need_the_bearer_token_and_show_requests_and_the_outbox_backlog()
    {
        var client = app.CreateClient();
        await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/metrics")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/metrics")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-2026");
        // The exporter caches a scrape for a moment; the request metrics appear once a request has completed.
        var text = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("biaogan_outbox_messages{", text);
        Assert.Contains("status=\"pending\"", text);
    }
}

/// <summary>Readiness fails (503) once the database cannot be reached, while liveness stays 200.</summary>
public class ReadinessWithoutDatabaseTests
{
    [Fact]
    public async Task Readyz_is_503_when_the_database_is_gone_but_healthz_stays_200()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        if (TestDatabase.IsPostgres) TestDatabase.Drop(app.ConnectionString);
        else
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            foreach (var side in new[] { path + "-wal", path + "-shm" }) File.Delete(side);
            await File.WriteAllTextAsync(path, "这不是数据库文件，数据库已不可用。".PadRight(200, '.'));
        }

        var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
