using System.Reflection;
using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Architecture;

/// <summary>
/// docs/rules.md maps every article of the 实施细则 to the settings, code and tests that carry it. These tests keep that
/// index from rotting: every article has one row, every type, member, page, endpoint, setting key, file and test it names
/// exists in this build, every implemented article names a test, and every gap names the issue that covers it.
/// </summary>
public partial class RulesIndexTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Row(string Article, string Settings, string Code, string Tests, string Status, int Line);

    private const int Articles = 33;

    [Fact]
    public void Every_article_of_the_rules_has_exactly_one_row_in_order()
    {
        var expected = Enumerable.Range(1, Articles).Select(n => $"第{ChineseNumber(n)}条").ToList();
        Assert.Equal(expected, Rows().Select(r => r.Article).ToList());
    }

    [Fact]
    public void Every_type_member_setting_and_file_the_index_names_exists()
    {
        var problems = new List<string>();
        foreach (var row in Rows())
            foreach (var reference in References(row.Settings).Concat(References(row.Code)))
                if (ProblemWith(reference) is { } problem) problems.Add($"docs/rules.md line {row.Line} ({row.Article}): {problem}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_page_and_endpoint_the_index_names_is_mapped()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => Variants("/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
                .Select(path => (Path: path, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods)))
            .ToList();
        var problems = new List<string>();
        foreach (var row in Rows())
            foreach (var reference in References(row.Code).Concat(References(row.Settings)).Where(IsRoute))
            {
                var (method, path) = SplitRoute(reference);
                var found = endpoints.Any(e => e.Path == Normalise(path)
                    && (method is null || e.Methods is null || e.Methods.Contains(method)));
                if (!found) problems.Add($"docs/rules.md line {row.Line} ({row.Article}): no page or endpoint answers `{reference}`");
            }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_test_the_index_names_exists_and_every_implemented_article_names_one()
    {
        var testTypes = typeof(RulesIndexTests).Assembly.GetTypes();
        var problems = new List<string>();
        foreach (var row in Rows())
        {
            var tests = References(row.Tests).ToList();
            if (row.Status.StartsWith("已实现", StringComparison.Ordinal) && tests.Count == 0)
                problems.Add($"docs/rules.md line {row.Line} ({row.Article}): marked 已实现 but names no test");
            foreach (var test in tests)
            {
                var dot = test.LastIndexOf('.');
                if (dot < 1) { problems.Add($"line {row.Line}: `{test}` is not Class.Method"); continue; }
                var (cls, method) = (test[..dot], test[(dot + 1)..]);
                var inAssembly = testTypes.Where(t => t.Name == cls)
                    .Any(t => t.GetMethod(method, BindingFlags.Public | BindingFlags.Instance) is { } m
                              && m.GetCustomAttributes().Any(a => a is FactAttribute));
                if (!inAssembly && !InBrowserTests(cls, method))
                    problems.Add($"docs/rules.md line {row.Line} ({row.Article}): test `{test}` does not exist");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_article_not_fully_implemented_names_the_issue_that_covers_it()
    {
        var problems = Rows()
            .Where(r => r.Status.Contains("未实现") || r.Status.Contains("部分实现"))
            .Where(r => !IssueReference().IsMatch(r.Status))
            .Select(r => $"docs/rules.md line {r.Line} ({r.Article}): say which issue covers what is missing (e.g. “issue 12”)")
            .ToList();
        var unknown = Rows().Where(r => !Regex.IsMatch(r.Status, "已实现|部分实现|未实现|不需实现"))
            .Select(r => $"docs/rules.md line {r.Line} ({r.Article}): status must be 已实现, 部分实现, 未实现 or 不需实现");
        problems.AddRange(unknown);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // ── reading docs/rules.md ──────────────────────────────────────────────────────────────────────────────────────

    private static IReadOnlyList<Row> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "rules.md"));
        var rows = new List<Row>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!ArticleRow().IsMatch(lines[i])) continue;
            var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 6, $"docs/rules.md line {i + 1}: a row has 6 cells (条 | 内容 | 设置 | 实现 | 测试 | 状态), found {cells.Length}");
            rows.Add(new Row(cells[0], cells[2], cells[3], cells[4], cells[5], i + 1));
        }
        return rows;
    }

    /// <summary>Everything between backticks in a cell is a reference that must resolve.</summary>
    private static IEnumerable<string> References(string cell) =>
        Backticked().Matches(cell).Select(m => m.Groups[1].Value.Trim());

    private static bool IsRoute(string reference) => reference.StartsWith('/') || HttpVerb().IsMatch(reference);

    private static (string? Method, string Path) SplitRoute(string reference)
    {
        var m = HttpVerb().Match(reference);
        return m.Success ? (m.Groups[1].Value, reference[m.Length..].Trim()) : (null, reference);
    }

    /// <summary>A route pattern, normalised, with and without each trailing optional parameter (“Public/Notice/{id?}”).</summary>
    private static IEnumerable<string> Variants(string pattern)
    {
        var segments = pattern.TrimEnd('/').Split('/').ToList();
        yield return Normalise(string.Join('/', segments));
        while (segments.Count > 1 && segments[^1].StartsWith('{') && segments[^1].EndsWith("?}", StringComparison.Ordinal))
        {
            segments.RemoveAt(segments.Count - 1);
            yield return Normalise(string.Join('/', segments));
        }
    }

    /// <summary>Lower-case literal segments; every route parameter, whatever its name or constraint, becomes {}.</summary>
    private static string Normalise(string path) => string.Join('/', path.TrimEnd('/').Split('/')
        .Select(s => s.StartsWith('{') ? "{}" : s.ToLowerInvariant()));

    private static string? ProblemWith(string reference)
    {
        if (IsRoute(reference)) return null; // checked against the endpoints
        if (reference.Contains(':') && !reference.Contains(' '))
            return SettingKeyIsRead(reference) ? null : $"setting key `{reference}` is read nowhere in src/Biaogan.Web";
        if (reference.Contains('/'))
            return File.Exists(Path.Combine(RepositoryRoot(), reference)) || Directory.Exists(Path.Combine(RepositoryRoot(), reference))
                ? null : $"file `{reference}` does not exist";
        var m = TypeMember().Match(reference);
        if (!m.Success) return $"`{reference}` is neither Type, Type.Member, a route, a setting key nor a file";
        var types = WebTypes().Where(t => t.Name == m.Groups[1].Value).ToList();
        if (types.Count == 0) return $"type `{m.Groups[1].Value}` does not exist in Biaogan.Web";
        if (!m.Groups[2].Success) return null;
        var member = m.Groups[2].Value;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        return types.Any(t => t.GetMember(member, all).Length > 0) ? null : $"`{m.Groups[1].Value}` has no member `{member}`";
    }

    private static IEnumerable<Type> WebTypes() =>
        typeof(Program).Assembly.GetTypes().Where(t => !t.Name.Contains('<'));

    private static bool SettingKeyIsRead(string key)
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Biaogan.Web");
        var section = key[..key.IndexOf(':')];
        var leaf = key[(key.LastIndexOf(':') + 1)..];
        return Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText)
            .Any(text => text.Contains($"\"{key}\"") || (text.Contains($"\"{section}\"") && text.Contains(leaf)));
    }

    /// <summary>Browser journeys live in their own project (not referenced here); they are found in its source.</summary>
    private static bool InBrowserTests(string cls, string method)
    {
        var file = Path.Combine(RepositoryRoot(), "tests", "Biaogan.BrowserTests", cls + ".cs");
        return File.Exists(file) && Regex.IsMatch(File.ReadAllText(file), $@"class\s+{cls}\b[\s\S]*\bTask\s+{method}\s*\(");
    }

    private static string ChineseNumber(int n)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + digits[n % 10],
        };
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Biaogan.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    [GeneratedRegex(@"^\|\s*第[一二三四五六七八九十]+条\s*\|")]
    private static partial Regex ArticleRow();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH)\s+")]
    private static partial Regex HttpVerb();

    [GeneratedRegex(@"^([A-Z]\w*)(?:\.([A-Z]\w*))?$")]
    private static partial Regex TypeMember();

    [GeneratedRegex(@"issue \d+")]
    private static partial Regex IssueReference();
}
