using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Security;

/// <summary>The app as a developer runs it (Development, where bad input used to be a 500 page), with the demo world for real ids.</summary>
public sealed class InputWalkAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>
/// Walks every operation of the OpenAPI document — discovered from /openapi/v1.json, so endpoints added later are walked too —
/// as the office and as an applicant, with plausible values, malformed JSON, wrong types, integer overflow, bad ids and
/// dates, strings over every maxLength, a 2 MB body and control characters. No answer may be a 5xx, and every 400, 413 and
/// 415 must be problem+json with a Chinese title.
/// </summary>
public class ApiInputWalkTests(InputWalkAppFactory app) : IClassFixture<InputWalkAppFactory>
{
    [Fact]
    public async Task No_endpoint_of_the_OpenAPI_document_answers_bad_input_with_a_server_error()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var applicant = await Cast.SignInAsync(app, new Persona("", "林晓燕", "xinghe@demo.biaogan.cn", "Demo2026pass", null, null, null));
        var document = JsonDocument.Parse(await office.Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var ids = await RealIdsAsync();
        var own = new Dictionary<string, Guid>(ids) { ["Application"] = await OwnApplicationAsync("xinghe@demo.biaogan.cn") };

        var failures = new List<string>();
        var requests = 0;
        foreach (var (who, client, pool) in new[] { ("办公室", office, ids), ("申报组织", applicant, own) })
        {
            var http = await client.ApiAsync();
            var inputs = new OpenApiInputs(document, pool);
            // Reads first and deletions last, so that the walk keeps its real resources as long as possible.
            var operations = inputs.Operations().OrderBy(o => o.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 }).ToList();
            Assert.True(operations.Count > 20, $"The OpenAPI document lists only {operations.Count} operations.");
            foreach (var op in operations)
            {
                foreach (var (label, request) in Cases(op, inputs))
                {
                    requests++;
                    HttpResponseMessage response;
                    try
                    {
                        response = await http.SendAsync(request);
                    }
                    catch (HttpRequestException e)
                    {
                        // The server broke off the response (e.g. a database read still running when the request ended).
                        failures.Add($"〔{who}〕{op.Method} {op.Path} — {label}: {e.Message} {e.InnerException?.InnerException?.Message}");
                        continue;
                    }
                    using (response)
                    {
                        if (await ProblemAsync(response) is { } problem)
                            failures.Add($"〔{who}〕{op.Method} {op.Path} — {label}: {problem}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests went wrong:{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<(string Label, HttpRequestMessage Request)> Cases(ApiOperation op, OpenApiInputs inputs)
    {
        var method = new HttpMethod(op.Method);
        var pathParams = op.Parameters.Where(p => p.In == "path").ToList();
        var queryParams = op.Parameters.Where(p => p.In == "query").ToList();
        string Url(ApiParameter? spoilt = null, Spoil spoil = Spoil.None, bool omitRequiredQuery = false, string? raw = null)
        {
            var segments = op.Path.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                var p = pathParams.FirstOrDefault(x => segments[i] == "{" + x.Name + "}");
                if (p is null) continue;
                var previous = i > 0 ? segments[i - 1] : "";
                var value = p == spoilt ? raw ?? inputs.Parameter(p, previous, spoil) : inputs.Parameter(p, previous, Spoil.None);
                segments[i] = Uri.EscapeDataString(value);
            }
            var query = queryParams.Where(q => !(omitRequiredQuery && q.Required))
                .Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q == spoilt ? raw ?? inputs.Parameter(q, "", spoil) : inputs.Parameter(q, "", Spoil.None))}");
            var qs = string.Join('&', query);
            return string.Join('/', segments) + (qs.Length > 0 ? "?" + qs : "");
        }
        HttpRequestMessage Request(string url, HttpContent? content = null) => new(method, url) { Content = content };
        static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

        if (op.Body is { } schema)
        {
            yield return ("plausible body", Request(Url(), Json(inputs.Body(schema, Spoil.None)?.ToJsonString() ?? "{}")));
            yield return ("malformed JSON", Request(Url(), Json("{\"version\": [1, 2,")));
            yield return ("JSON of the wrong kind (an array)", Request(Url(), Json("[1, \"二\", null]")));
            yield return ("wrong types", Request(Url(), Json(inputs.Body(schema, Spoil.WrongType)?.ToJsonString() ?? "\"x\"")));
            yield return ("integer overflow", Request(Url(), Json(inputs.Body(schema, Spoil.Overflow)?.ToJsonString() ?? "99999999999999999999")));
            yield return ("control characters", Request(Url(), Json(inputs.Body(schema, Spoil.Control)?.ToJsonString() ?? "{}")));
            yield return ("strings over their maxLength", Request(Url(), Json(inputs.Body(schema, Spoil.Oversize)?.ToJsonString() ?? "{}")));
            yield return ("escaped NUL and lone surrogate", Request(Url(), Json(Escaped(inputs.Body(schema, Spoil.None)))));
            yield return ("empty body", Request(Url(), Json("")));
            yield return ("body as text/plain", Request(Url(), new StringContent("{}", Encoding.UTF8, "text/plain")));
        }
        else
        {
            yield return ("plausible", Request(Url()));
        }
        if (op.Method != "GET")
            yield return ("2 MB body", Request(Url(), Json("{\"text\":\"" + new string('a', 2 * 1024 * 1024) + "\"}")));
        foreach (var p in pathParams)
        {
            yield return ($"path {p.Name} of the wrong type", Request(Url(p, Spoil.WrongType)));
            yield return ($"path {p.Name} a random id", Request(Url(p, raw: Guid.NewGuid().ToString())));
            yield return ($"path {p.Name} an overflowing number", Request(Url(p, raw: "99999999999999999999")));
            yield return ($"path {p.Name} a bad date", Request(Url(p, raw: "2026-02-30")));
            // (A NUL in the path never reaches the application: the server refuses the request line itself.)
            yield return ($"path {p.Name} with control characters", Request(Url(p, raw: OpenApiInputs.ControlText.Replace("\u0000", ""))));
        }
        foreach (var q in queryParams)
        {
            yield return ($"query {q.Name} of the wrong type", Request(Url(q, Spoil.WrongType)));
            yield return ($"query {q.Name} an overflowing number", Request(Url(q, raw: "99999999999999999999")));
            yield return ($"query {q.Name} with control characters", Request(Url(q, raw: OpenApiInputs.ControlText)));
            yield return ($"query {q.Name} too long", Request(Url(q, Spoil.Oversize)));
        }
        if (queryParams.Any(q => q.Required))
            yield return ("required query parameters missing", Request(Url(omitRequiredQuery: true)));
    }

    /// <summary>A plausible body whose first string is replaced by JSON escapes the reader cannot store: \u0000 and a lone \ud800.</summary>
    private static string Escaped(JsonNode? body)
    {
        var text = body?.ToJsonString() ?? "{}";
        var at = text.IndexOf(":\"", StringComparison.Ordinal);
        return at < 0 ? "{\"text\":\"\\u0000\\ud800\"}" : text[..(at + 2)] + "\\u0000\\ud800" + text[(at + 2)..];
    }

    /// <summary>What is wrong with an answer: a 5xx, or a refusal of input that is not a Chinese problem+json.</summary>
    private static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) return $"{status} {Short(body)}";
        if (status is 400 or 413 or 415)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return $"{status} without problem+json ({response.Content.Headers.ContentType?.MediaType ?? "empty"}) {Short(body)}";
            var title = JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
            if (!title.Any(c => c is >= '\u4E00' and <= '\u9FFF')) return $"{status} with a title that is not Chinese: {Short(body)}";
        }
        return null;
    }

    private static string Short(string body) => body.Length > 300 ? body[..300] + "…" : body;

    /// <summary>One real id per kind of entity in the demo world (the first by id), keyed by the entity's class name.</summary>
    private Task<Dictionary<string, Guid>> RealIdsAsync() => app.WithDbAsync(async db =>
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && typeof(Entity).IsAssignableFrom(t.ClrType) && !t.ClrType.IsAbstract))
        {
            var set = (IQueryable<Entity>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            var first = await set.OrderBy(e => e.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync();
            if (first is { } id) ids[type.ClrType.Name] = id;
        }
        return ids;
    });

    private async Task<Guid> OwnApplicationAsync(string email)
    {
        Guid id = default;
        await app.WithScopeAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            id = await sp.GetRequiredService<AppDbContext>().Set<Application>().Where(a => a.OrganizationId == user!.OrganizationId).Select(a => a.Id).FirstAsync();
        });
        return id;
    }
}
