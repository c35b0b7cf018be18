using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Security;

public partial class AuthorizationMatrixTests
{
    [Fact]
    public void The_language_check_catches_program_words_and_lets_addresses_through()
    {
        Assert.Empty(VisibleLanguage.Offences("请联系 office@caq.org.cn 或打开 https://biaogan.example.cn/Public/Notice 查看，申报编号 BG2026-0001。"));
        foreach (var bad in new[] { "未配置 App:PublicBaseUrl", "字段 Settings.Quota 已修改", "调用 /api/applications 接口", "邮件写入 /var/lib/biaogan/mail",
                     "模板 ScoringReminder", "模板 outcome.shortlisted", "App_Data/mail 目录", "applicationId 无效" })
            Assert.NotEmpty(VisibleLanguage.Offences(bad));
    }

    /// <summary>
    /// Every page of the read matrix, as every persona who may open it: its visible text has no class names, configuration
    /// keys, API paths or server paths (issue 11 item 10).
    /// </summary>
    [Fact]
    public async Task Pages_people_read_show_no_program_identifiers_configuration_keys_api_or_server_paths()
    {
        var world = await app.WorldAsync();
        var pages = Reads.Where(r => !r.Route.StartsWith("/api", StringComparison.Ordinal) && r.Route is not ("/healthz" or "/readyz")).ToList();
        var perPersona = await Task.WhenAll(world.Clients.Select(async (client, i) =>
        {
            var found = new List<string>();
            foreach (var (route, expected) in pages)
            {
                if (expected[i] != 'O') continue;
                using var response = await client.NoRedirects.GetAsync(world.Url(route));
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = await PageClient.ParseAsync(response);
                foreach (var word in VisibleLanguage.Offences(VisibleLanguage.VisibleText(page)))
                    found.Add($"{route} 〔{Cast11[i]}〕: {word}");
            }
            return found;
        }));
        var offences = perPersona.SelectMany(f => f).Distinct().ToList();
        Assert.True(offences.Count == 0, "页面上出现了程序用语 / program words on pages:\n" + string.Join("\n", offences));
    }
}
