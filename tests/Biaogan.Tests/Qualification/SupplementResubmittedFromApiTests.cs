using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Qualification;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Qualification;

/// <summary>
/// An organisation in 待补正 may resubmit from the form or the API as well as from the 补正 page; every path records
/// the round as resubmitted and sends the office to the qualification review page.
/// </summary>
public class SupplementResubmittedFromApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Resubmitting_through_the_api_marks_the_supplement_round_and_links_the_office_to_the_review()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var office = await Cast.OfficeAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);
        await rec.SubmitAsync($"/Recommendations/Review/{id}", new Dictionary<string, string?> { ["Opinion"] = "同意推荐。" },
            "#recommend-form", files: [new UploadFile("Letter", "推荐函.pdf", SampleFiles.Pdf(), "application/pdf")]);
        var off = await Cast.SignInAsync(app, office);
        var requested = await off.SubmitAsync($"/Qualification/Review/{id}", new Dictionary<string, string?>
        {
            ["Outcome"] = "Supplement", ["Reasons"] = "请补充测评报告。", ["Items[2].Verdict"] = "NeedsSupplement",
        });
        Assert.Empty(requested.Errors);

        var org = await Cast.SignInAsync(app, applicant);
        var http = await org.ApiAsync();
        var response = await http.PostAsync($"/api/applications/{id}/submit", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(ApplicationStatus.AwaitingQualification, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        var round = await app.WithDbAsync(db => db.Set<QualificationReview>().AsNoTracking().SingleAsync(r => r.ApplicationId == id));
        Assert.Equal(app.Clock.GetUtcNow(), round.ResubmittedAt);
        var notice = await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Notifications.InboxItem>().AsNoTracking()
            .Where(n => n.UserId == office.UserId && n.Title.Contains("已提交补正材料")).Select(n => n.Link).ToListAsync());
        Assert.Contains($"/Qualification/Review/{id}", notice);
    }
}
