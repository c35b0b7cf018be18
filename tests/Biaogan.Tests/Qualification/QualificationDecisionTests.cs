using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Qualification;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Qualification;

/// <summary>The office's 资格审查 decisions on the review page and through the API (clock fixed at 2026-11-27 10:00).</summary>
public class QualificationDecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Guid Id, Persona Applicant, PageClient Office)> RecommendedAsync(decimal[]? indices = null)
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender, indices);
        var http = await (await Cast.SignInAsync(app, recommender)).ApiAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("同意推荐。"), "opinion" },
            { new StringContent((await ApplicationsBuilders.LoadAsync(app, id)).Version.ToString()), "version" },
            { new ByteArrayContent(SampleFiles.Pdf()), "letter", "推荐函.pdf" },
        };
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/recommendations/{id}", form)).StatusCode);
        return (id, applicant, await Cast.SignInAsync(app, await Cast.OfficeAsync(app)));
    }

    [Fact]
    public async Task The_review_page_shows_each_condition_with_its_pre_check_and_the_computed_deadline()
    {
        var (id, _, office) = await RecommendedAsync([78.0m, 78.0m, 79.5m]);
        var page = await office.GetAsync($"/Qualification/Review/{id}");
        var text = PageClient.Text(page);
        foreach (var item in QualificationChecklist.Items) Assert.Contains(item.Title, text);
        Assert.Contains("符合本年度“每年不低于上一年”的发展趋势规则", text);
        Assert.Contains("78.0 → 78.0 → 79.5", text);
        Assert.Contains("我们持续开展用户满意度测量，改进产品和服务质量。", text);
        Assert.Contains("符合 GB 32100-2015 编码规则", text);
        Assert.Contains("2026年12月11日（周五），10个工作日", text);
        Assert.DoesNotContain("未确认", text);
        Assert.Equal(QualificationChecklist.Items.Count, page.QuerySelectorAll("select[name$='.Verdict'] option[selected][value='Satisfied']").Length);
    }

    [Fact]
    public async Task Failing_requires_reasons_and_then_notifies_the_organisation()
    {
        var (id, applicant, office) = await RecommendedAsync();
        var fields = new Dictionary<string, string?> { ["Outcome"] = "Fail", ["Reasons"] = "", ["Items[1].Verdict"] = "NotSatisfied" };
        var noReasons = await office.SubmitAsync($"/Qualification/Review/{id}", fields);
        Assert.Contains(noReasons.Errors, e => e.Contains("请填写不通过的理由"));
        Assert.Equal(ApplicationStatus.AwaitingQualification, (await ApplicationsBuilders.LoadAsync(app, id)).Status);

        fields["Reasons"] = "质量管理体系认证证书已被认证机构暂停。";
        var failed = await office.SubmitAsync(noReasons.Page, fields);
        Assert.Empty(failed.Errors);
        Assert.Equal(ApplicationStatus.Disqualified, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        Assert.Contains(await Messages.InboxAsync(app, applicant), t => t.Contains("未通过"));
        var body = await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Notifications.OutboxMessage>()
            .Where(m => m.TemplateKey == "qualification.failed").Select(m => m.Body).ToListAsync());
        Assert.Contains(body, b => b.Contains("证书已被认证机构暂停"));
        Assert.Contains("证书已被认证机构暂停", PageClient.Text(await office.GetAsync($"/Qualification/Review/{id}")));
    }

    [Fact]
    public async Task Passing_is_refused_while_an_item_is_not_satisfied_and_a_second_decision_gets_the_status_message()
    {
        var (id, _, office) = await RecommendedAsync();
        var page = await office.GetAsync($"/Qualification/Review/{id}");
        var blocked = await office.SubmitAsync(page, new Dictionary<string, string?> { ["Outcome"] = "Pass", ["Items[6].Verdict"] = "NeedsSupplement" });
        Assert.Contains(blocked.Errors, e => e.Contains("不能作出通过结论"));

        var passed = await office.SubmitAsync(page, new Dictionary<string, string?> { ["Outcome"] = "Pass" });
        Assert.Empty(passed.Errors);
        var again = await office.SubmitAsync(page, new Dictionary<string, string?> { ["Outcome"] = "Pass" });
        Assert.Contains(again.Errors, e => e.Contains("申报当前状态为“资格审查通过”"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<QualificationReview>().CountAsync(r => r.ApplicationId == id)));
    }

    [Fact]
    public async Task A_decision_on_a_stale_page_gets_the_concurrency_message_and_keeps_the_input()
    {
        var (id, _, office) = await RecommendedAsync();
        var page = await office.GetAsync($"/Qualification/Review/{id}");
        await app.WithDbAsync(db => db.Set<Application>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1)));
        var stale = await office.SubmitAsync(page, new Dictionary<string, string?> { ["Outcome"] = "Fail", ["Reasons"] = "证书已暂停。", ["Items[1].Verdict"] = "NotSatisfied" });
        Assert.Contains(stale.Errors, e => e.Contains("已被他人修改"));
        Assert.Contains("证书已暂停。", stale.Page.QuerySelector("#Reasons")!.TextContent);
        Assert.Equal(ApplicationStatus.AwaitingQualification, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        Assert.False(await app.WithDbAsync(db => db.Set<QualificationReview>().AnyAsync(r => r.ApplicationId == id)));
    }

    [Fact]
    public async Task The_office_may_set_another_deadline_only_with_a_reason()
    {
        var (id, _, office) = await RecommendedAsync();
        var fields = new Dictionary<string, string?>
        {
            ["Outcome"] = "Supplement", ["Reasons"] = "请补充 2024 年测评报告的资质证明。", ["Items[2].Verdict"] = "NeedsSupplement",
            ["OverrideDeadline"] = "2026-12-18", ["OverrideReason"] = "",
        };
        var noReason = await office.SubmitAsync($"/Qualification/Review/{id}", fields);
        Assert.Contains(noReason.Errors, e => e.Contains("请填写调整理由"));

        fields["OverrideReason"] = "测评机构年底出具资质证明需要时间。";
        var done = await office.SubmitAsync(noReason.Page, fields);
        Assert.Empty(done.Errors);
        var a = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.SupplementRequested, a.Status);
        Assert.Equal(new DateOnly(2026, 12, 18), a.SupplementDeadline);
        var round = await app.WithDbAsync(db => db.Set<QualificationReview>().SingleAsync(r => r.ApplicationId == id));
        Assert.Equal(15, round.SupplementWorkdays);
        Assert.Equal(new DateOnly(2026, 12, 11), round.ComputedDeadline);
        Assert.Contains("2026年12月18日（周五），15个工作日", PageClient.Text(done.Page));
    }

    [Fact]
    public async Task The_api_decides_with_every_item_and_shows_rounds_and_pre_checks_to_the_applicant()
    {
        var (id, applicant, office) = await RecommendedAsync();
        var http = await office.ApiAsync();
        var version = (await ApplicationsBuilders.LoadAsync(app, id)).Version;

        var missing = await http.PostAsJsonAsync($"/api/qualification/{id}/decision", new { outcome = "Pass", items = Array.Empty<object>(), version });
        Assert.True(HttpStatusCode.UnprocessableEntity == missing.StatusCode, await missing.Content.ReadAsStringAsync());
        Assert.Contains("请对每个审查项给出意见", await missing.Content.ReadAsStringAsync());

        var items = QualificationChecklist.Items.Select(i => new { code = i.Code, verdict = i.Code == "C3" ? "NeedsSupplement" : "Satisfied", note = "" }).ToList();
        var supplement = await http.PostAsJsonAsync($"/api/qualification/{id}/decision",
            new { outcome = "Supplement", reasons = "请补充测评报告原件扫描件。", items, version });
        Assert.Equal(HttpStatusCode.OK, supplement.StatusCode);
        var json = JsonDocument.Parse(await supplement.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("SupplementRequested", json.GetProperty("status").GetString());
        Assert.Equal("2026-12-11", json.GetProperty("round").GetProperty("supplementDeadline").GetString());

        var early = await http.PostAsJsonAsync($"/api/qualification/{id}/decision", new { outcome = "Fail", reasons = "逾期未补正", items, version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("尚未届满", await early.Content.ReadAsStringAsync());

        var mine = await (await Cast.SignInAsync(app, applicant)).Http.GetFromJsonAsync<JsonElement>($"/api/qualification/{id}");
        Assert.Equal(1, mine.GetProperty("rounds").GetArrayLength());
        Assert.Equal("2026年12月11日（周五），10个工作日", mine.GetProperty("rounds")[0].GetProperty("supplementDeadlineText").GetString());
        Assert.Contains(mine.GetProperty("preChecks").EnumerateArray(), p => p.GetProperty("code").GetString() == "level-trend" && p.GetProperty("status").GetString() == "Pass");

        var queue = await http.GetFromJsonAsync<JsonElement>("/api/qualification/queue?size=200");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("status").GetString() == "SupplementRequested");
    }
}
