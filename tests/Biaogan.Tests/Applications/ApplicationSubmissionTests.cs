using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Applications;

/// <summary>提交 and 撤回: one number per application, one live application per organisation and cycle.</summary>
public class ApplicationSubmissionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Submitting_twice_from_the_same_page_gives_a_clear_status_message_and_never_a_second_number()
    {
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "申报单位甲一有限公司");
        var id = await ApplicationsBuilders.CompleteAsync(app, applicant, body);
        var s = await Cast.SignInAsync(app, applicant);
        var page = await s.GetAsync($"/Applications/Details/{id}");

        var first = await s.SubmitAsync(page, new Dictionary<string, string?>(), formSelector: "#submit-form");
        var number = Regex.Match(first.Text, @"申报编号 (BG2026-\d{4})").Groups[1].Value;
        Assert.NotEmpty(number);
        // The back button brings the old page again; posting it once more:
        var second = await s.SubmitAsync(page, new Dictionary<string, string?>(), formSelector: "#submit-form");
        Assert.Contains(second.Errors, e => e.StartsWith($"该申报已于2026年11月27日 10:00提交（编号 {number}），当前状态为“待推荐”，无需重复提交"));

        var stored = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(number, stored.Number);
        var requests = await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.UserId == body.UserId && i.Title.StartsWith("请为 申报单位甲一")));
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task Applications_submitted_at_the_same_moment_get_distinct_numbers()
    {
        var body = await Cast.RecommenderAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add(await ApplicationsBuilders.CompleteAsync(app, await Cast.ApplicantAsync(app, $"并发申报单位{i}有限公司"), body));

        await Task.WhenAll(ids.Select(id => Task.Run(() => app.WithScopeAsync(sp => sp.GetRequiredService<ApplicationWorkflow>().SubmitAsync(id, null)))));

        var numbers = await app.WithDbAsync(db => db.Set<Application>().Where(a => ids.Contains(a.Id)).Select(a => a.Number).ToListAsync());
        Assert.All(numbers, n => Assert.Matches(@"^BG2026-\d{4}$", n));
        Assert.Equal(4, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_second_application_in_the_same_cycle_is_refused_until_the_first_is_withdrawn()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "申报单位甲二有限公司");
        var s = await Cast.SignInAsync(app, applicant);
        var list = await s.GetAsync("/Applications");
        var created = await s.SubmitAsync(list, new Dictionary<string, string?>());
        var id = Guid.Parse(created.Path.Split('/')[^1]);

        // An old tab still shows the button: the second create is refused with a message.
        var refused = await s.SubmitAsync(list, new Dictionary<string, string?>());
        Assert.Contains(refused.Errors, e => e.StartsWith("本组织已有2026年度的申报（草稿），同一年度只能有一份申报"));
        Assert.Contains("本组织已有 2026 年度的申报（草稿）", PageClient.Text(await s.GetAsync("/Applications")));

        var details = await s.GetAsync($"/Applications/Details/{id}");
        var withdrawn = await s.SubmitAsync(details, new Dictionary<string, string?> { ["WithdrawReason"] = "填错了组织类别，重新申报。" }, formSelector: "#withdraw-form");
        Assert.Contains("申报已撤回", withdrawn.Text);
        var again = await s.SubmitAsync("/Applications", new Dictionary<string, string?>());
        Assert.Matches(@"^/Applications/Edit/[0-9a-f-]{36}$", again.Path);
        Assert.NotEqual(id, Guid.Parse(again.Path.Split('/')[^1]));
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_tells_the_recommending_body_and_once_in_qualification_the_office()
    {
        var body = await Cast.RecommenderAsync(app);
        var office = await Cast.OfficeAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "申报单位甲三有限公司");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, body);
        await app.WithDbAsync(async db =>
        {
            var a = await db.Set<Application>().FirstAsync(x => x.Id == id);
            a.Recommend("同意推荐。", Guid.NewGuid(), body.UserId, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var s = await Cast.SignInAsync(app, applicant);
        var details = await s.GetAsync($"/Applications/Details/{id}");

        var noReason = await s.SubmitAsync(details, new Dictionary<string, string?> { ["WithdrawReason"] = " " }, formSelector: "#withdraw-form");
        Assert.Contains("请填写撤回理由。", noReason.Errors);
        var done = await s.SubmitAsync(noReason.Page, new Dictionary<string, string?> { ["WithdrawReason"] = "企业重组，本年度不再参加。" }, formSelector: "#withdraw-form");
        Assert.Contains("已撤回", done.Text);
        Assert.Contains("撤回申报", done.Page.QuerySelectorAll("#history .timeline li").Last().TextContent);

        var stored = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Withdrawn, stored.Status);
        Assert.Equal("企业重组，本年度不再参加。", stored.WithdrawalReason);
        var notices = await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => i.Title == $"申报已撤回：{stored.Number}").Select(i => i.UserId).ToListAsync());
        Assert.Contains(body.UserId, notices);
        Assert.Contains(office.UserId, notices);
        Assert.Null(done.Page.QuerySelector("#withdraw-form"));
    }

    [Fact]
    public async Task A_declined_application_can_be_changed_and_resubmitted_keeping_its_number()
    {
        var body = await Cast.RecommenderAsync(app);
        var other = await Cast.RecommenderAsync(app, "推荐单位庚（中国机械工业质量管理协会）");
        var applicant = await Cast.ApplicantAsync(app, "申报单位甲四有限公司");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, body);
        var number = (await ApplicationsBuilders.LoadAsync(app, id)).Number;
        await app.WithDbAsync(async db =>
        {
            var a = await db.Set<Application>().FirstAsync(x => x.Id == id);
            a.DeclineRecommendation("本会只推荐本地区组织，请选择所在地区的推荐单位。", body.UserId, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var s = await Cast.SignInAsync(app, applicant);
        var tab = await s.GetAsync($"/Applications/Edit/{id}/Recommender");
        Assert.Contains("本会只推荐本地区组织", PageClient.Text(tab));

        var resubmitted = await s.SubmitAsync(tab, new Dictionary<string, string?> { ["RecommendingBodyId"] = other.RecommendingBodyId.ToString() }, submit: "Submit");
        Assert.Contains($"申报已提交，申报编号 {number}", resubmitted.Text);
        var stored = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal(other.RecommendingBodyId, stored.RecommendingBodyId);
        var asked = await app.WithDbAsync(db => db.Set<InboxItem>().AnyAsync(i => i.UserId == other.UserId && i.Title == "请为 申报单位甲四有限公司 出具推荐意见"));
        Assert.True(asked);
    }
}

public class ApplicationSupplementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_supplement_request_shows_its_deadline_opens_the_form_and_resubmitting_tells_the_office()
    {
        var body = await Cast.RecommenderAsync(app);
        var office = await Cast.OfficeAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "补正申报单位有限公司");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, body);
        await app.WithDbAsync(async db =>
        {
            var a = await db.Set<Application>().FirstAsync(x => x.Id == id);
            a.Recommend("同意推荐。", Guid.NewGuid(), body.UserId, app.Clock.GetUtcNow());
            a.RequestSupplement(new DateOnly(2026, 12, 11), deadlineConfirmed: false, "请补充 2024 年测评机构的资质证书，并重新上传清晰的声明书扫描件。", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var s = await Cast.SignInAsync(app, applicant);
        var detailsPage = await s.GetAsync($"/Applications/Details/{id}");
        var details = PageClient.Text(detailsPage);
        Assert.Contains("补正期限：2026年12月11日（周五）（未确认）", details);
        Assert.Contains("要求第1轮补正", details);
        Assert.Contains("需补正的内容：请补充 2024 年测评机构的资质证书", details);
        Assert.NotNull(detailsPage.QuerySelector($"#supplement-request a[href='/Qualification/Supplement/{id}']"));
        Assert.Null(detailsPage.QuerySelector("#submit-form")); // resubmission is on the 补正 page (or the form's own button)

        // The recommending body sees that a supplement is due, not the office's request itself.
        var bodyView = await (await Cast.SignInAsync(app, body)).GetAsync($"/Applications/Details/{id}");
        Assert.Contains("补正期限：2026年12月11日（周五）", PageClient.Text(bodyView));
        Assert.DoesNotContain("需补正的内容", PageClient.Text(bodyView));
        Assert.Null(bodyView.QuerySelector("a[href^='/Qualification/']"));

        var form = await s.GetAsync($"/Applications/Edit/{id}/Conditions");
        Assert.Null(form.QuerySelector("fieldset[disabled]"));
        Assert.Contains("保存并提交补正材料", PageClient.Text(form));
        var done = await s.SubmitAsync(form, new Dictionary<string, string?> { ["Input.QmsScope"] = "补正后的认证范围" }, submit: "Submit");
        Assert.Contains("补正材料已提交，活动办公室将继续资格审查", done.Text);
        var stored = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.AwaitingQualification, stored.Status);
        Assert.Equal("补正后的认证范围", stored.QmsScope);
        var told = await app.WithDbAsync(db => db.Set<InboxItem>().AnyAsync(i => i.UserId == office.UserId && i.Title == "补正申报单位有限公司 已提交补正材料"));
        Assert.True(told);
    }
}

public class ApplicationsWithoutOpenCycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task When_no_cycle_is_open_the_page_says_so_and_creating_is_refused()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var s = await Cast.SignInAsync(app, applicant);
        var page = await s.GetAsync("/Applications");
        Assert.Contains("当前没有接受申报的年度活动，暂时不能新建申报", PageClient.Text(page));
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Application>().CountAsync()));
    }
}
