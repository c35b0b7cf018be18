using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Governance;

/// <summary>
/// Issue 11 item 9: every page and PDF computed from 待核定 criteria says so (one shared partial and helper), and 第二十一条's
/// 7 working days can only change with a recorded reason that the public notice shows.
/// </summary>
public class PlaceholderAndNoticePeriodTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/DocumentReview/Ranking")]
    [InlineData("/DocumentReview/Shortlist")]
    [InlineData("/Evaluation")]
    [InlineData("/Approval")]
    [InlineData("/DocumentReview/Feedback")]
    public async Task Each_page_computed_from_placeholder_criteria_says_待核定(string path)
    {
        var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
        Assert.True(CriteriaPlaceholders.PendingFor(cycle.StandardCode), "the programme's shipped criteria still have 待核定 points");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var page = await office.GetAsync($"{path}?cycleId={cycle.Id}");
        var notice = page.QuerySelector("[data-placeholder-notice]");
        Assert.NotNull(notice);
        Assert.Contains("待核定", notice.TextContent);
        Assert.Contains(cycle.StandardCode, notice.TextContent);
    }

    [Fact]
    public async Task The_work_report_and_the_feedback_pdf_say_待核定_and_the_report_lists_the_approved_committees()
    {
        var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
        var data = await StageReportsKit.WorkReportAsync(app, cycle.Id);
        Assert.Contains("待核定", data.Placeholder);
        Assert.Contains(WorkReport.Document(data).Blocks, b => b is PdfParagraph p && p.Text.Contains("待核定"));
        Assert.Contains(WorkReport.Document(data).Blocks, b => b is PdfHeading h && h.Text.Contains("委员会组成"));

        var report = new FeedbackReport(cycle.Id, Guid.NewGuid(), Guid.NewGuid(), "总体评价。", [], app.Clock.GetUtcNow());
        var pdf = FeedbackPdf.Document(report, new FeedbackHeader(cycle.Name, "甲", "1", "企业类", null, cycle.StandardCode));
        Assert.Contains(pdf.Blocks, b => b is PdfParagraph p && p.Text.StartsWith("待核定"));
    }

    [Fact]
    public async Task A_notice_period_other_than_7_working_days_needs_a_reason_which_the_public_notice_shows()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var created = await office.SubmitAsync("/Cycles/Create", new Dictionary<string, string?> { ["Year"] = "2052" });
        var refused = await office.SubmitAsync(created.Page, new Dictionary<string, string?> { ["Input.Settings.PublicNoticeWorkdays"] = "5" }, "#cycle-form");
        Assert.Contains(refused.Errors, e => e.Contains("第二十一条规定公示期为7个工作日") && e.Contains("请填写理由"));
        var saved = await office.SubmitAsync(refused.Page, new Dictionary<string, string?>
        {
            ["Input.Settings.PublicNoticeWorkdays"] = "5", ["Input.Settings.PublicNoticeWorkdaysReason"] = "细则修订征求意见期间，经领导小组同意缩短",
        }, "#cycle-form");
        Assert.Empty(saved.Errors);
        var id = Guid.Parse(created.Path["/Cycles/Edit/".Length..]);
        var settings = (await app.WithDbAsync(db => db.Set<Cycle>().SingleAsync(c => c.Id == id))).Settings;
        Assert.Equal("细则修订征求意见期间，经领导小组同意缩短", settings.PublicNoticeWorkdaysReason);

        var notice = new Biaogan.Web.Features.PublicNotice.PublicNotice(id, 2052,
            [new NoticeEntry { ApplicationId = Guid.NewGuid(), OrganizationName = "公示甲有限公司", Category = AwardCategory.Enterprise, Order = 1 }], app.Clock.GetUtcNow());
        var end = new WorkdayResult(new DateOnly(2052, 6, 28), true);
        Assert.Contains("没有记录理由", Assert.Throws<DomainRuleException>(() => notice.Schedule(new DateOnly(2052, 6, 21), 5, true, end, new TimeOnly(17, 0))).Message);
        notice.Schedule(new DateOnly(2052, 6, 21), 5, true, end, new TimeOnly(17, 0), settings.PublicNoticeWorkdaysReason);
        Assert.Equal("细则修订征求意见期间，经领导小组同意缩短", PublicNoticeView.From(notice, app.Clock.GetUtcNow()).WorkdaysReason);
    }
}
