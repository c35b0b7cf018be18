using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.MutualFeedback;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.MutualFeedback;

/// <summary>
/// 双向反馈 (第三十条): the organisation rates each reviewer, the reviewers rate the organisation; both reach only the
/// office; a rating is locked once submitted; the deadline counts working days after the visit.
/// </summary>
public class MutualFeedbackTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static IEnumerable<string> ReviewerCodes => FeedbackQuestions.ForReviewer.Select(q => q.Code);
    private static IEnumerable<string> OrganizationCodes => FeedbackQuestions.ForOrganization.Select(q => q.Code);

    [Fact]
    public async Task Each_side_rates_the_other_and_only_the_office_sees_the_ratings_never_the_one_rated()
    {
        var visit = await MutualFeedbackKit.VisitAsync(app, "保密");
        var officePersona = await Cast.OfficeAsync(app);
        var rated = visit.Leader;
        const string orgComment = "组长提问专业到位，未接受宴请（组织意见甲）";
        const string reviewerComment = "组织配合良好，未安排宴请或赠礼（评审员意见乙）";

        var org = await Cast.SignInAsync(app, visit.Applicant);
        var mine = await org.GetAsync("/MutualFeedback/Mine");
        Assert.All(visit.Team, r => Assert.Contains(r.Name, mine.Body!.TextContent));

        // A low score needs a comment; then the rating is submitted and locked.
        var url = $"/MutualFeedback/Rate/{visit.ApplicationId}/{rated.ProfileId}";
        var low = await org.SubmitAsync(url, MutualFeedbackKit.Answers(ReviewerCodes, 2, ""));
        Assert.Contains("请在意见和建议中说明", string.Join("", low.Errors));
        var done = await org.SubmitAsync(url, MutualFeedbackKit.Answers(ReviewerCodes, 5, orgComment));
        Assert.Empty(done.Errors);
        Assert.Contains("已提交对评审员", done.Text);
        var locked = await org.GetAsync(url);
        Assert.Contains("已锁定", locked.Body!.TextContent);
        Assert.Null(locked.QuerySelector("main form[method=post]"));
        var again = await (await org.ApiAsync()).PostAsJsonAsync("/api/mutual-feedback/reviewer-ratings", new
        {
            applicationId = visit.ApplicationId, reviewerId = rated.ProfileId,
            answers = ReviewerCodes.ToDictionary(c => c, _ => 1), comments = "改为很差",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("已提交并锁定", await again.Content.ReadAsStringAsync());

        // The rated reviewer (组长) rates the organisation.
        var reviewer = await Cast.SignInAsync(app, rated.Persona);
        var ratedOrg = await reviewer.SubmitAsync($"/MutualFeedback/RateOrganization/{visit.ApplicationId}",
            MutualFeedbackKit.Answers(OrganizationCodes, 4, reviewerComment));
        Assert.Empty(ratedOrg.Errors);

        // The reviewer rated never sees the organisation's rating: no page, no API, no message.
        foreach (var page in new[] { "/MutualFeedback/Mine", $"/MutualFeedback/RateOrganization/{visit.ApplicationId}", "/api/mutual-feedback/mine",
                     "/Notifications/Inbox", "/api/inbox", "/Reviewers/Me" })
        {
            var body = await reviewer.Http.GetStringAsync(page);
            Assert.DoesNotContain(orgComment, body);
        }
        foreach (var page in new[] { url, $"/MutualFeedback/Application/{visit.ApplicationId}", $"/MutualFeedback/Reviewer/{rated.ProfileId}",
                     $"/api/mutual-feedback/applications/{visit.ApplicationId}", $"/api/mutual-feedback/reviewers/{rated.ProfileId}", "/MutualFeedback" })
            Assert.True(await Cast.IsForbiddenAsync(reviewer, page) || (await reviewer.Http.GetAsync(page)).StatusCode == HttpStatusCode.NotFound, page);
        // Nor does a colleague on the same team.
        var colleague = await Cast.SignInAsync(app, visit.Team[1].Persona);
        Assert.DoesNotContain(orgComment, await colleague.Http.GetStringAsync("/api/mutual-feedback/mine"));
        Assert.DoesNotContain(reviewerComment, await colleague.Http.GetStringAsync($"/MutualFeedback/RateOrganization/{visit.ApplicationId}"));

        // The organisation never sees the reviewers' rating of it.
        foreach (var page in new[] { "/MutualFeedback/Mine", url, "/api/mutual-feedback/mine", $"/Applications/Details/{visit.ApplicationId}",
                     "/Notifications/Inbox" })
            Assert.DoesNotContain(reviewerComment, await org.Http.GetStringAsync(page));
        Assert.True(await Cast.IsForbiddenAsync(org, $"/MutualFeedback/RateOrganization/{visit.ApplicationId}"));
        Assert.True(await Cast.IsForbiddenAsync(org, $"/api/mutual-feedback/applications/{visit.ApplicationId}"));

        // The office sees both, was told of both, and the reviewer's record shows the averages.
        var office = await Cast.SignInAsync(app, officePersona);
        var both = (await office.GetAsync($"/MutualFeedback/Application/{visit.ApplicationId}")).Body!.TextContent;
        Assert.Contains(orgComment, both);
        Assert.Contains(reviewerComment, both);
        var record = await office.GetAsync($"/MutualFeedback/Reviewer/{rated.ProfileId}");
        Assert.Contains("5.00", record.QuerySelector("#averages")!.TextContent);
        Assert.Contains(orgComment, record.Body!.TextContent);
        Assert.Contains($"/MutualFeedback/Reviewer/{rated.ProfileId}",
            (await office.GetAsync($"/Reviewers/Details/{rated.ProfileId}")).QuerySelector("#mutual-feedback-link")!.GetAttribute("href"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<OutboxMessage>()
            .CountAsync(m => m.TemplateKey == DefaultTemplates.MutualFeedbackSubmitted && m.ToAddress == officePersona.Email)));

        // The office reopens the organisation's rating with a reason (audited); the organisation may then change it.
        var officePage = await office.GetAsync($"/MutualFeedback/Application/{visit.ApplicationId}");
        var reopened = await office.SubmitAsync(officePage, new Dictionary<string, string?> { ["Reason"] = "组织反映误选分值" },
            formSelector: "form[action*='handler=Reopen']");
        Assert.Empty(reopened.Errors);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action.Contains("重新开放双向反馈"))));
        var changed = await org.SubmitAsync(url, MutualFeedbackKit.Answers(ReviewerCodes, 4, orgComment + "（更正）"));
        Assert.Empty(changed.Errors);
        Assert.Contains("已锁定", (await org.GetAsync(url)).Body!.TextContent);
    }

    [Fact]
    public async Task The_deadline_counts_working_days_after_the_visit_and_late_ratings_are_marked()
    {
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.MutualFeedbackWorkdays = 3);
        // The visit ends on Friday 27 November 2026: three working days later is Wednesday 2 December (the weekend does not count).
        var visit = await MutualFeedbackKit.VisitAsync(app, "期限");
        var reviewer = await Cast.SignInAsync(app, visit.Team[2].Persona);
        var mine = await reviewer.GetAsync("/MutualFeedback/Mine");
        Assert.Contains("2026年12月2日", mine.Body!.TextContent);

        app.Clock.Advance(TimeSpan.FromDays(6)); // Thursday 3 December
        reviewer = await Cast.SignInAsync(app, visit.Team[2].Persona);
        var late = await reviewer.SubmitAsync($"/MutualFeedback/RateOrganization/{visit.ApplicationId}",
            MutualFeedbackKit.Answers(OrganizationCodes, 5, ""));
        Assert.True(late.Errors.Count == 0, string.Join("；", late.Errors) + late.Path);
        var rating = await app.WithDbAsync(db => db.Set<MutualRating>().SingleAsync(r => r.ApplicationId == visit.ApplicationId));
        Assert.True(rating.Late);
        Assert.Equal(new DateOnly(2026, 12, 2), rating.DueDate);
        Assert.Contains("逾期提交", (await reviewer.GetAsync("/MutualFeedback/Mine")).Body!.TextContent);
    }

    [Fact]
    public async Task Nobody_outside_the_visit_can_rate_or_open_its_forms()
    {
        var visit = await MutualFeedbackKit.VisitAsync(app, "外人");
        var outsider = await AssignmentTestKit.ReviewerAsync(app, "局外评审员", "另一家单位");
        var client = await Cast.SignInAsync(app, outsider.Persona);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/MutualFeedback/RateOrganization/{visit.ApplicationId}")).StatusCode);
        var refused = await (await client.ApiAsync()).PostAsJsonAsync("/api/mutual-feedback/organization-ratings", new
        {
            applicationId = visit.ApplicationId, answers = OrganizationCodes.ToDictionary(c => c, _ => 5),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        var otherOrg = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "无关申报组织有限公司"));
        Assert.Equal(HttpStatusCode.NotFound,
            (await otherOrg.Http.GetAsync($"/MutualFeedback/Rate/{visit.ApplicationId}/{visit.Leader.ProfileId}")).StatusCode);
        Assert.Contains("目前没有需要填写的双向反馈", (await otherOrg.GetAsync("/MutualFeedback/Mine")).Body!.TextContent);
    }
}
