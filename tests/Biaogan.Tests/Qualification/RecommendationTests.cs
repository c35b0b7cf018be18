using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Qualification;

/// <summary>推荐意见 (第十五条) by the recommending body the organisation chose.</summary>
public class RecommendationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static UploadFile Letter(byte[]? content = null, string name = "推荐函（盖章）.pdf") =>
        new("Letter", name, content ?? SampleFiles.Pdf(), "application/pdf");

    [Fact]
    public async Task A_recommendation_with_its_letter_sends_the_application_to_the_office_queue_and_the_office_can_pass_it()
    {
        var applicant = await Cast.ApplicantAsync(app, "甲方智能装备有限公司");
        var recommender = await Cast.RecommenderAsync(app);
        var office = await Cast.OfficeAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var number = (await ApplicationsBuilders.LoadAsync(app, id)).Number!;

        var rec = await Cast.SignInAsync(app, recommender);
        var queue = PageClient.Text(await rec.GetAsync("/Recommendations"));
        Assert.Contains(number, queue);
        Assert.Contains("甲方智能装备有限公司", queue);
        // the queue of applications waiting for this body; each shows the status every party sees (已提交)
        Assert.Contains("待出具推荐意见（1）", queue);
        Assert.Contains("已提交", queue);

        var review = await rec.GetAsync($"/Recommendations/Review/{id}");
        Assert.Contains("81.5", PageClient.Text(review));
        // The whole application, as its organisation sees it: the self-evaluation text itself, not only its length.
        Assert.Contains("我们持续开展用户满意度测量，改进产品和服务质量。", PageClient.Text(review));
        var result = await rec.SubmitAsync(review, new Dictionary<string, string?> { ["Opinion"] = "该组织长期践行以用户为中心的理念，同意推荐。" },
            "#recommend-form", files: [Letter()]);
        Assert.Empty(result.Errors);
        Assert.Contains("已为申报", result.Text);

        var a = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.AwaitingQualification, a.Status);
        var letter = await app.WithDbAsync(db => db.Set<StoredFile>().SingleAsync(f => f.LogicalId == a.RecommendationLetterFileId));
        Assert.Equal(FilePurpose.RecommendationLetter, letter.Purpose);
        Assert.Equal(id, letter.OwnerId);
        Assert.Equal("pdf", letter.Kind);
        Assert.Contains(await Messages.InboxAsync(app, applicant), t => t.Contains("已出具推荐意见"));
        Assert.Contains(await Messages.InboxAsync(app, office), t => t.Contains("新的资格审查申报") && t.Contains(number));

        var off = await Cast.SignInAsync(app, office);
        Assert.Contains(number, PageClient.Text(await off.GetAsync("/Qualification")));
        var decided = await off.SubmitAsync($"/Qualification/Review/{id}", new Dictionary<string, string?> { ["Outcome"] = "Pass" });
        Assert.Empty(decided.Errors);
        Assert.Contains("已作出资格审查通过结论", decided.Text);
        Assert.Equal(ApplicationStatus.Qualified, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        Assert.Contains(await Messages.InboxAsync(app, applicant), t => t.Contains("通过"));

        // The organisation's details page gives the outcome and leads to the rounds.
        var org = await Cast.SignInAsync(app, applicant);
        var details = await org.GetAsync($"/Applications/Details/{id}");
        Assert.Contains("资格审查结论：通过", PageClient.Text(details));
        var rounds = details.QuerySelector($"#qualification-outcome a[href='/Qualification/Supplement/{id}']");
        Assert.NotNull(rounds);
        Assert.Contains("第 1 轮", PageClient.Text(await org.GetAsync(rounds.GetAttribute("href")!)));

        var audit = await app.WithDbAsync(db => db.Set<Biaogan.Web.Infrastructure.Audit.AuditEntry>().AsNoTracking()
            .Where(e => e.SubjectType == "Application" && e.SubjectId == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("推荐单位出具推荐意见", audit);
        Assert.Contains("第1轮资格审查结论：通过", audit);
        Assert.Contains("资格审查通过", audit);
    }

    [Fact]
    public async Task A_letter_that_is_really_text_or_a_missing_opinion_is_refused_and_nothing_is_stored()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);

        var fake = await rec.SubmitAsync($"/Recommendations/Review/{id}", new Dictionary<string, string?> { ["Opinion"] = "同意推荐。" },
            "#recommend-form", files: [Letter("这不是PDF文件"u8.ToArray())]);
        Assert.Contains(fake.Errors, e => e.Contains("实际内容是纯文本或网页文件"));
        Assert.Equal("同意推荐。", fake.Page.QuerySelector("#Opinion")!.TextContent);

        var empty = await rec.SubmitAsync($"/Recommendations/Review/{id}", new Dictionary<string, string?> { ["Opinion"] = " " },
            "#recommend-form", files: [Letter()]);
        Assert.Contains(empty.Errors, e => e.Contains("请填写推荐意见"));

        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        Assert.False(await app.WithDbAsync(db => db.Set<StoredFile>().AnyAsync(f => f.OwnerId == id && f.Purpose == FilePurpose.RecommendationLetter)));
    }

    [Fact]
    public async Task A_decline_needs_a_reason_then_the_organisation_resubmits_and_the_body_recommends()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);

        var noReason = await rec.SubmitAsync($"/Recommendations/Review/{id}", new Dictionary<string, string?> { ["Reason"] = "" }, "#decline-form");
        Assert.Contains(noReason.Errors, e => e.Contains("请填写不予推荐的理由"));

        var declined = await rec.SubmitAsync($"/Recommendations/Review/{id}",
            new Dictionary<string, string?> { ["Reason"] = "测评报告与测评机构资质不一致，请核实后重新提交。" }, "#decline-form");
        Assert.Empty(declined.Errors);
        var a = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.RecommendationDeclined, a.Status);
        Assert.Contains(await Messages.InboxAsync(app, applicant), t => t.Contains("未出具推荐意见"));
        Assert.Contains("贵单位已不予推荐", PageClient.Text(await rec.GetAsync($"/Recommendations/Review/{id}")));

        await ApplicationsBuilders.SubmitAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        var recommended = await rec.SubmitAsync($"/Recommendations/Review/{id}", new Dictionary<string, string?> { ["Opinion"] = "核实后同意推荐。" },
            "#recommend-form", files: [Letter(name: "推荐函.pdf")]);
        Assert.Empty(recommended.Errors);
        Assert.Equal(ApplicationStatus.AwaitingQualification, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task Posting_twice_gives_the_status_message_and_a_stale_version_the_concurrency_message()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);

        var page = await rec.GetAsync($"/Recommendations/Review/{id}");
        await app.WithDbAsync(db => db.Set<Application>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1)));
        var stale = await rec.SubmitAsync(page, new Dictionary<string, string?> { ["Reason"] = "材料不全。" }, "#decline-form");
        Assert.Contains(stale.Errors, e => e.Contains(DomainRuleFilter.ConcurrencyMessage[..12]));
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationsBuilders.LoadAsync(app, id)).Status);

        page = await rec.GetAsync($"/Recommendations/Review/{id}");
        var first = await rec.SubmitAsync(page, new Dictionary<string, string?> { ["Opinion"] = "同意推荐。" }, "#recommend-form", files: [Letter()]);
        Assert.Empty(first.Errors);
        var second = await rec.SubmitAsync(page, new Dictionary<string, string?> { ["Opinion"] = "同意推荐。" }, "#recommend-form", files: [Letter()]);
        Assert.Contains(second.Errors, e => e.Contains("申报当前状态为“待资格审查”，不能出具推荐意见"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StoredFile>().CountAsync(f => f.OwnerId == id && f.Purpose == FilePurpose.RecommendationLetter)));
    }

    [Theory]
    [InlineData(RecommendingBodyStatus.Pending, "正在等待活动办公室审核")]
    [InlineData(RecommendingBodyStatus.Rejected, "未通过活动办公室审核")]
    public async Task A_body_not_approved_sees_a_banner_and_cannot_act(RecommendingBodyStatus status, string banner)
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app, status: status);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);

        Assert.Contains(banner, PageClient.Text(await rec.GetAsync("/Recommendations")));
        var review = await rec.GetAsync($"/Recommendations/Review/{id}");
        Assert.Contains(banner, PageClient.Text(review));
        Assert.Null(review.QuerySelector("#recommend-form"));

        var http = await rec.ApiAsync();
        var response = await http.PostAsJsonAsync($"/api/recommendations/{id}/decline", new { reason = "不予推荐", version = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(banner, await response.Content.ReadAsStringAsync());
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task The_api_recommends_with_a_multipart_letter_and_declines_with_json()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var first = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var second = await ApplicationsBuilders.SubmittedAsync(app, await Cast.ApplicantAsync(app, "乙方物流服务有限公司"), recommender);
        var http = await (await Cast.SignInAsync(app, recommender)).ApiAsync();

        var version = (await ApplicationsBuilders.LoadAsync(app, first)).Version;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("同意推荐。"), "opinion" },
            { new StringContent(version.ToString()), "version" },
            { new ByteArrayContent(SampleFiles.Pdf()), "letter", "推荐函.pdf" },
        };
        var recommended = await http.PostAsync($"/api/recommendations/{first}", form);
        Assert.Equal(HttpStatusCode.OK, recommended.StatusCode);
        Assert.Contains("AwaitingQualification", await recommended.Content.ReadAsStringAsync());

        var declined = await http.PostAsJsonAsync($"/api/recommendations/{second}/decline", new { reason = "", version = (await ApplicationsBuilders.LoadAsync(app, second)).Version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.StatusCode);
        Assert.Contains("请填写不予推荐的理由", await declined.Content.ReadAsStringAsync());
        declined = await http.PostAsJsonAsync($"/api/recommendations/{second}/decline", new { reason = "暂不符合条件。", version = (await ApplicationsBuilders.LoadAsync(app, second)).Version });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(ApplicationStatus.RecommendationDeclined, (await ApplicationsBuilders.LoadAsync(app, second)).Status);

        var stale = await http.PostAsJsonAsync($"/api/recommendations/{second}/decline", new { reason = "再次", version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
    }
}
