using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Applications;

public class ApplicationJourneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_applicant_creates_fills_every_tab_uploads_and_submits_and_both_sides_are_notified()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "申报单位甲有限公司");
        var s = await Cast.SignInAsync(app, applicant);

        var list = await s.GetAsync("/Applications");
        Assert.Contains("2026年度全国用户满意标杆活动 正在接受申报", PageClient.Text(list));
        var created = await s.SubmitAsync(list, new Dictionary<string, string?>());
        Assert.Matches(@"^/Applications/Edit/[0-9a-f-]{36}$", created.Path);
        var id = Guid.Parse(created.Path.Split('/')[^1]);
        Assert.Contains("已新建申报草稿", created.Text);

        var basic = await s.SubmitAsync($"/Applications/Edit/{id}", new Dictionary<string, string?>
        {
            ["Input.Category"] = "Service", ["Input.ServiceName"] = "家电上门安装服务", ["Input.ServiceScope"] = "华北地区家电上门安装与维修",
        });
        Assert.Contains("已保存", basic.Text);

        var conditions = await s.SubmitAsync($"/Applications/Edit/{id}/Conditions", ApplicationsForms.Conditions(), files:
        [
            new UploadFile("report-0", "2023年测评报告.pdf", SampleFiles.Pdf("2023"), "application/pdf"),
            new UploadFile("report-1", "2024年测评报告.pdf", SampleFiles.Pdf("2024"), "application/pdf"),
            new UploadFile("report-2", "2025年测评报告.pdf", SampleFiles.Pdf("2025"), "application/pdf"),
            new UploadFile("declaration-file", "声明书.pdf", SampleFiles.Pdf("声明"), "application/pdf"),
        ]);
        Assert.Empty(conditions.Errors);
        Assert.Contains("2025年测评报告.pdf", conditions.Text);

        var sections = await s.GetAsync($"/Applications/Edit/{id}/SelfEvaluation");
        var texts = new Dictionary<string, string?>();
        for (var i = 0; sections.QuerySelector($"#section-{i}") is not null; i++)
            texts[$"Sections[{i}].Text"] = ApplicationsBuilders.SelfEvaluationText($"第{i + 1}部分");
        Assert.Equal(6, texts.Count);
        var saved = await s.SubmitAsync(sections, texts);
        Assert.Contains("已写 ", saved.Text);

        var evidence = await s.SubmitAsync($"/Applications/Edit/{id}/Evidence", new Dictionary<string, string?>
        {
            ["Uploads[0].Title"] = "用户满意度管理制度汇编",
        }, formSelector: "#upload-form", files: [new UploadFile("evidence-0", "制度汇编.docx", SampleFiles.Docx())]);
        Assert.Contains("用户满意度管理制度汇编", evidence.Text);
        Assert.Contains("Word 文档（.docx）", evidence.Text);

        await s.SubmitAsync($"/Applications/Edit/{id}/Recommender", new Dictionary<string, string?>
        {
            ["RecommendingBodyId"] = body.RecommendingBodyId.ToString(),
        });

        var details = await s.GetAsync($"/Applications/Details/{id}");
        Assert.Contains("申报内容已完整，可以提交", PageClient.Text(details));
        var submitted = await s.SubmitAsync(details, new Dictionary<string, string?>(), formSelector: "#submit-form");
        var number = Regex.Match(submitted.Text, @"BG2026-\d{4}").Value;
        Assert.NotEmpty(number);
        Assert.Contains("待推荐", submitted.Text);
        Assert.Contains("提交申报", submitted.Text); // timeline

        var stored = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal(number, stored.Number);
        Assert.Equal("家电上门安装服务", stored.ServiceName);
        Assert.All(stored.Measurements, m => Assert.NotNull(m.ReportFileId));
        var inbox = await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => i.UserId == applicant.UserId || i.UserId == body.UserId).ToListAsync());
        Assert.Contains(inbox, i => i.UserId == applicant.UserId && i.Title == $"申报已提交：{number}");
        Assert.Contains(inbox, i => i.UserId == body.UserId && i.Title == "请为 申报单位甲有限公司 出具推荐意见");
    }

    [Fact]
    public async Task The_details_page_shows_the_whole_application_and_its_history_oldest_first()
    {
        var body = await Cast.RecommenderAsync(app, "推荐单位丙（中国轻工业质量协会）");
        var applicant = await Cast.ApplicantAsync(app, "申报单位己有限公司");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, body);
        var s = await Cast.SignInAsync(app, applicant);

        var page = await s.GetAsync($"/Applications/Details/{id}");
        var text = PageClient.Text(page);
        Assert.Contains("推荐单位丙（中国轻工业质量协会）", text);
        Assert.Contains("中国质量认证中心", text);
        Assert.Contains("2025年满意度测评报告.pdf", text);
        Assert.Contains("用户满意度管理制度汇编", text);
        var timeline = page.QuerySelectorAll("#history .timeline li").Select(li => li.TextContent).ToList();
        Assert.Contains("创建申报草稿", timeline[0]);
        Assert.Contains("提交申报", timeline[^1]);
        Assert.Contains(timeline, t => t.Contains("上传声明书“声明书.pdf”"));
        Assert.Contains("2026年11月27日 10:00", timeline[0]);
    }
}
