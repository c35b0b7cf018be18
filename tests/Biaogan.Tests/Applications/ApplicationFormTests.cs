using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Applications;

/// <summary>The form's promises: typed text is never lost, files are checked, and two editors do not overwrite each other.</summary>
public class ApplicationFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(PageClient Client, Guid Id, Persona Applicant)> DraftAsync(string org)
    {
        var applicant = await Cast.ApplicantAsync(app, org);
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        return (await Cast.SignInAsync(app, applicant), id, applicant);
    }

    [Fact]
    public async Task Submitting_an_incomplete_application_lists_what_is_missing_and_keeps_what_was_typed()
    {
        var (s, id, _) = await DraftAsync("申报单位一有限公司");
        var result = await s.SubmitAsync($"/Applications/Edit/{id}", new Dictionary<string, string?>
        {
            ["Input.Category"] = "Service", ["Input.ServiceName"] = "城市燃气入户服务", ["Input.ServiceScope"] = "",
        }, submit: "Submit");

        Assert.Contains("服务类申报请填写服务范围。", result.Errors);
        Assert.Equal("城市燃气入户服务", ApplicationsForms.ValueOf(result.Page, "Input.ServiceName"));

        result = await s.SubmitAsync(result.Page, new Dictionary<string, string?> { ["Input.ServiceScope"] = "主城区居民用户" }, submit: "Submit");
        var problems = result.Page.QuerySelectorAll("#submit-problems li").Select(li => li.TextContent).ToList();
        Assert.Contains("选择推荐单位", problems);
        Assert.Contains("上传签字盖章的声明书", problems);
        Assert.Contains(problems, p => p.StartsWith("自我评价报告“4.1 领导”不少于 100 字"));
        Assert.Equal("城市燃气入户服务", ApplicationsForms.ValueOf(result.Page, "Input.ServiceName"));
        Assert.Equal("主城区居民用户", ApplicationsForms.ValueOf(result.Page, "Input.ServiceScope"));
        var stored = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Draft, stored.Status);
        Assert.Equal("主城区居民用户", stored.ServiceScope);
        Assert.Null(stored.Number);
    }

    [Fact]
    public async Task An_oversized_file_and_a_disguised_executable_are_refused_in_Chinese_next_to_the_upload_and_the_typed_fields_are_kept()
    {
        await ApplicationsBuilders.UpdateSettingsAsync(app, c => c.MaxFileSizeMb = 1);
        var (s, id, _) = await DraftAsync("申报单位二有限公司");
        var result = await s.SubmitAsync($"/Applications/Edit/{id}/Conditions", ApplicationsForms.Conditions("CERT-2026-88"), files:
        [
            new UploadFile("report-0", "2023年测评报告.pdf", SampleFiles.Pdf("big", padTo: 1_200_000), "application/pdf"),
            new UploadFile("report-1", "2024年测评报告.pdf", SampleFiles.Exe(), "application/pdf"),
            new UploadFile("report-2", "2025年测评报告.pdf", SampleFiles.Pdf("2025"), "application/pdf"),
        ]);

        var near0 = result.Page.QuerySelector("#report-0 ~ .field-error")?.TextContent ?? "";
        var near1 = result.Page.QuerySelector("#report-1 ~ .field-error")?.TextContent ?? "";
        Assert.Contains("超过 1 MB 的单个文件大小上限", near0);
        Assert.Contains("实际内容是可执行程序，不是允许的类型", near1);
        Assert.Contains("其他内容已保存", result.Text);
        Assert.Equal("CERT-2026-88", ApplicationsForms.ValueOf(result.Page, "Input.QmsCertificateNumber"));
        Assert.Equal("84.5", ApplicationsForms.ValueOf(result.Page, "Input.Measurements[2].Index"));

        var stored = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal("CERT-2026-88", stored.QmsCertificateNumber);
        Assert.Null(stored.Measurements[0].ReportFileId);
        Assert.Null(stored.Measurements[1].ReportFileId);
        Assert.NotNull(stored.Measurements[2].ReportFileId);

        // The form that came back carries the new version: saving again works.
        var again = await s.SubmitAsync(result.Page, new Dictionary<string, string?> { ["Input.QmsScope"] = "燃气供应服务" });
        Assert.Contains("已保存", again.Text);
        await ApplicationsBuilders.UpdateSettingsAsync(app, c => c.MaxFileSizeMb = 20);
    }

    [Fact]
    public async Task Input_that_is_not_a_number_is_refused_in_Chinese_without_naming_the_code_property()
    {
        var (s, id, _) = await DraftAsync("申报单位九有限公司");
        var fields = ApplicationsForms.Conditions();
        fields["Input.Measurements[0].Index"] = "八十二点五";
        var result = await s.SubmitAsync($"/Applications/Edit/{id}/Conditions", fields);
        Assert.Contains("填写的“八十二点五”格式不正确", result.Text);
        Assert.DoesNotContain("Index", result.Text);
        Assert.Null((await ApplicationsBuilders.LoadAsync(app, id)).Measurements[0].Index);
    }

    [Fact]
    public async Task An_upload_that_would_take_the_application_over_its_total_size_is_refused()
    {
        await ApplicationsBuilders.UpdateSettingsAsync(app, c => c.MaxApplicationFilesMb = 1);
        var (s, id, _) = await DraftAsync("申报单位三有限公司");
        var first = await s.SubmitAsync($"/Applications/Edit/{id}/Evidence", new Dictionary<string, string?> { ["Uploads[0].Title"] = "制度汇编" },
            formSelector: "#upload-form", files: [new UploadFile("evidence-0", "制度汇编.pdf", SampleFiles.Pdf("a", padTo: 700_000))]);
        Assert.Empty(first.Errors);
        var second = await s.SubmitAsync(first.Page, new Dictionary<string, string?> { ["Uploads[0].Title"] = "年度报告" },
            formSelector: "#upload-form", files: [new UploadFile("evidence-0", "年度报告.pdf", SampleFiles.Pdf("b", padTo: 700_000))]);
        Assert.Contains(second.Errors, e => e.Contains("本申报的文件总大小将超过 1 MB 上限"));
        Assert.Equal("年度报告", ApplicationsForms.ValueOf(second.Page, "Uploads[0].Title"));
        await ApplicationsBuilders.UpdateSettingsAsync(app, c => c.MaxApplicationFilesMb = 300);
    }

    [Fact]
    public async Task When_two_people_edit_the_same_draft_the_second_save_gets_the_concurrency_message_and_keeps_its_text()
    {
        var (first, id, applicant) = await DraftAsync("申报单位四有限公司");
        var colleague = await Cast.PersonAsync(app, "王同事", Web.Features.Accounts.Roles.Applicant, organizationId: applicant.OrganizationId);
        var second = await Cast.SignInAsync(app, colleague);
        var pageOfFirst = await first.GetAsync($"/Applications/Edit/{id}/SelfEvaluation");
        var pageOfSecond = await second.GetAsync($"/Applications/Edit/{id}/SelfEvaluation");

        var saved = await first.SubmitAsync(pageOfFirst, new Dictionary<string, string?> { ["Sections[0].Text"] = "第一位同事写的领导部分。" });
        Assert.Contains("已保存", saved.Text);
        var lost = await second.SubmitAsync(pageOfSecond, new Dictionary<string, string?> { ["Sections[0].Text"] = "第二位同事写的领导部分。" });

        Assert.Contains(DomainRuleFilter.ConcurrencyMessage, lost.Errors);
        Assert.Equal("第二位同事写的领导部分。", ApplicationsForms.ValueOf(lost.Page, "Sections[0].Text"));
        Assert.Equal("第一位同事写的领导部分。", (await ApplicationsBuilders.LoadAsync(app, id)).SelfEvaluation[0].Text);
    }

    [Fact]
    public async Task Autosave_saves_the_draft_and_answers_with_the_new_version_and_a_stale_autosave_gets_409()
    {
        var (s, id, _) = await DraftAsync("申报单位五有限公司");
        var page = await s.GetAsync($"/Applications/Edit/{id}/SelfEvaluation");
        var (status, json) = await ApplicationsForms.AutosaveAsync(s, page, new Dictionary<string, string?> { ["Sections[1].Text"] = "自动保存的策划内容。" });
        Assert.Equal(200, status);
        Assert.Equal("2026-11-27T10:00:00+08:00", json.GetProperty("savedAt").GetString());
        var version = json.GetProperty("version").GetInt32();
        Assert.Equal(version, (await ApplicationsBuilders.LoadAsync(app, id)).Version);
        Assert.Equal("自动保存的策划内容。", (await ApplicationsBuilders.LoadAsync(app, id)).SelfEvaluation[1].Text);

        var stale = await s.GetAsync($"/Applications/Edit/{id}/SelfEvaluation");
        stale.QuerySelector("input[name=Version]")!.SetAttribute("value", (version - 1).ToString());
        var (conflict, message) = await ApplicationsForms.AutosaveAsync(s, stale, new Dictionary<string, string?> { ["Sections[1].Text"] = "旧页面的内容" });
        Assert.Equal(409, conflict);
        Assert.Equal(DomainRuleFilter.ConcurrencyMessage, message.GetProperty("message").GetString());
        Assert.Equal("自动保存的策划内容。", (await ApplicationsBuilders.LoadAsync(app, id)).SelfEvaluation[1].Text);
    }

    [Fact]
    public async Task When_the_login_expires_mid_form_a_save_goes_to_login_with_the_form_as_return_url_and_autosave_is_not_answered_as_saved()
    {
        var (s, id, applicant) = await DraftAsync("申报单位六有限公司");
        var page = await s.GetAsync($"/Applications/Edit/{id}/SelfEvaluation");
        // The person signs out in another tab of the same browser: the login cookie is gone for this page too.
        await s.SubmitAsync("/Account/Logout", new Dictionary<string, string?>());

        var posted = await s.SubmitAsync(page, new Dictionary<string, string?> { ["Sections[0].Text"] = "登录过期时写的内容" });
        var landed = posted.Response.RequestMessage!.RequestUri!;
        Assert.Equal("/Account/Login", landed.AbsolutePath);
        var returnUrl = Uri.UnescapeDataString(landed.Query.Split("ReturnUrl=")[1]);
        Assert.Equal($"/Applications/Edit/{id}/SelfEvaluation", returnUrl);

        var autosave = await s.NoRedirects.PostAsync($"/Applications/Edit/{id}/SelfEvaluation?handler=Autosave",
            new FormUrlEncodedContent([new("Sections[0].Text", "x")]));
        Assert.Equal(HttpStatusCode.Redirect, autosave.StatusCode);
        Assert.Contains("/Account/Login", autosave.Headers.Location!.ToString());
        Assert.Equal("", (await ApplicationsBuilders.LoadAsync(app, id)).SelfEvaluation[0].Text);

        // After signing in again, the return address is the form itself.
        var again = await Cast.SignInAsync(app, applicant);
        var back = await again.GetAsync(returnUrl);
        Assert.NotNull(back.QuerySelector("textarea[name='Sections[0].Text']"));
    }

    [Fact]
    public async Task Evidence_can_get_a_new_version_and_be_removed_while_its_history_is_kept()
    {
        var (s, id, _) = await DraftAsync("申报单位七有限公司");
        var uploaded = await s.SubmitAsync($"/Applications/Edit/{id}/Evidence", new Dictionary<string, string?>
        {
            ["Uploads[0].Title"] = "顾客投诉处理制度", ["Uploads[1].Title"] = "满意度测评数据",
        }, formSelector: "#upload-form", files:
        [
            new UploadFile("evidence-0", "投诉制度.pdf", SampleFiles.Pdf("v1")),
            new UploadFile("evidence-1", "测评数据.xlsx", SampleFiles.Xlsx()),
        ]);
        Assert.Contains("Excel 表格（.xlsx）", uploaded.Text);
        MarkRowForm(uploaded.Page, "顾客投诉处理制度", "form.new-version", "target-version");
        var newVersion = await s.SubmitAsync(uploaded.Page, new Dictionary<string, string?>(), formSelector: "#target-version",
            files: [new UploadFile("new-version", "投诉制度（修订）.pdf", SampleFiles.Pdf("v2"))]);
        Assert.Contains("已上传“顾客投诉处理制度”的新版本", newVersion.Text);
        Assert.Contains("第 2 版", newVersion.Text);
        Assert.Contains("历史版本（1）", newVersion.Text);

        MarkRowForm(newVersion.Page, "顾客投诉处理制度", "form.remove", "target-remove");
        var removed = await s.SubmitAsync(newVersion.Page, new Dictionary<string, string?>(), formSelector: "#target-remove");
        Assert.Contains("已移除“顾客投诉处理制度”", removed.Text);
        Assert.Contains("已移除的材料（1）", removed.Text);
        var details = PageClient.Text(await s.GetAsync($"/Applications/Details/{id}"));
        Assert.Contains("移除文件“投诉制度（修订）.pdf”", details);
        Assert.Contains("上传证实性材料“投诉制度（修订）.pdf”（第 2 版）", details);
    }

    /// <summary>Gives the form in the evidence row titled <paramref name="title"/> an id to select it by.</summary>
    private static void MarkRowForm(AngleSharp.Dom.IDocument page, string title, string formSelector, string id)
    {
        var row = page.QuerySelectorAll("tbody tr").First(tr => tr.QuerySelector("td")?.TextContent.Trim() == title);
        row.QuerySelector(formSelector)!.SetAttribute("id", id);
    }

    [Fact]
    public async Task After_submission_the_form_is_read_only_with_a_banner_and_a_stale_save_is_refused()
    {
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "申报单位八有限公司");
        var id = await ApplicationsBuilders.CompleteAsync(app, applicant, body);
        var s = await Cast.SignInAsync(app, applicant);
        var open = await s.GetAsync($"/Applications/Edit/{id}");
        await s.SubmitAsync($"/Applications/Details/{id}", new Dictionary<string, string?>(), formSelector: "#submit-form");

        var locked = await s.GetAsync($"/Applications/Edit/{id}");
        Assert.Contains("只读：申报已于2026年11月27日 10:00提交，正在等待推荐单位出具推荐意见", PageClient.Text(locked));
        Assert.NotNull(locked.QuerySelector("fieldset[disabled]"));
        Assert.Null(locked.QuerySelector("button[formaction*='Submit']"));
        var refused = await s.SubmitAsync(open, new Dictionary<string, string?> { ["Input.ServiceName"] = "提交后想改" });
        Assert.Contains(refused.Errors, e => e.StartsWith("申报当前状态为“待推荐”，内容已锁定"));
    }
}
