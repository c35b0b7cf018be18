using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.DocumentReview;

/// <summary>The gate in front of an application's materials: only a declared, appointed, conflict-free seat holder gets through.</summary>
public class ReviewerMaterialsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> EvidenceFileAsync(Guid applicationId) => app.WithDbAsync(db => db.Set<StoredFile>()
        .Where(f => f.OwnerId == applicationId && f.Purpose == FilePurpose.Evidence).Select(f => f.Id).FirstAsync());

    private static async Task AssertShutOutAsync(PageClient s, Guid applicationId, Guid fileId)
    {
        await s.GetAsync($"/DocumentReview/Application/{applicationId}", HttpStatusCode.NotFound);
        await s.GetAsync($"/DocumentReview/Sheet/{applicationId}", HttpStatusCode.NotFound);
        await s.GetAsync($"/DocumentReview/Consensus/{applicationId}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/DocumentReview/Files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/document-review/sheets/{applicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/document-review/applications/{applicationId}/sheets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/document-review/consensus/{applicationId}")).StatusCode);
    }

    [Fact]
    public async Task A_declared_reviewer_reads_the_application_and_downloads_its_files_through_the_gated_links()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "材料甲", size: 2);
        var fileId = await EvidenceFileAsync(review.ApplicationId);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);

        var page = await s.GetAsync($"/DocumentReview/Application/{review.ApplicationId}");
        Assert.Contains(review.ApplicantName, PageClient.Text(page));
        Assert.Contains("保密承诺", PageClient.Text(page));
        var links = page.QuerySelectorAll("a[href^='/Applications/Files/']");
        Assert.Empty(links);
        Assert.NotNull(page.QuerySelector($"a[href='/DocumentReview/Files/{fileId}']"));
        var download = await s.Http.GetAsync($"/DocumentReview/Files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        // the applicant's own download address stays closed to the reviewer
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/Applications/Files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_who_has_not_declared_sees_nothing_of_the_application()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "材料乙", size: 2, declared: 1);
        var undeclared = review.Members.Single();
        var s = await Cast.SignInAsync(app, undeclared.Persona);
        await AssertShutOutAsync(s, review.ApplicationId, await EvidenceFileAsync(review.ApplicationId));
    }

    [Fact]
    public async Task A_reviewer_of_another_group_sees_nothing_of_this_application()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "材料丙", size: 1);
        var other = await DocumentReviewBuilders.GroupAsync(app, "材料丁", size: 1);
        var s = await Cast.SignInAsync(app, other.Leader.Persona);
        await AssertShutOutAsync(s, review.ApplicationId, await EvidenceFileAsync(review.ApplicationId));
    }

    [Fact]
    public async Task A_pending_conflict_closes_the_materials_and_the_sheet_of_a_declared_reviewer()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "材料戊", size: 2);
        var seat = review.Members.Single();
        var s = await Cast.SignInAsync(app, seat.Persona);
        await s.GetAsync($"/DocumentReview/Sheet/{review.ApplicationId}");
        await app.WithDbAsync(async db =>
        {
            db.Add(new ConflictCase(review.CycleId, review.ApplicationId, seat.ProfileId, ConflictSource.Employment, "三年内曾在申报组织任职", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await AssertShutOutAsync(s, review.ApplicationId, await EvidenceFileAsync(review.ApplicationId));
    }

    [Fact]
    public async Task A_removed_seat_closes_the_materials()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "材料己", size: 2);
        var seat = review.Members.Single();
        await app.WithDbAsync(async db =>
        {
            var member = await db.Set<GroupMember>().FirstAsync(m => m.Id == seat.MemberId);
            member.Remove("确认存在利益冲突", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var s = await Cast.SignInAsync(app, seat.Persona);
        await AssertShutOutAsync(s, review.ApplicationId, await EvidenceFileAsync(review.ApplicationId));
    }

    [Fact]
    public async Task The_applicant_and_the_office_cannot_use_the_reviewer_pages_of_the_sheet()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "材料庚", size: 1);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        await office.GetAsync($"/DocumentReview/Sheet/{review.ApplicationId}", HttpStatusCode.NotFound);
        await office.GetAsync($"/DocumentReview/Application/{review.ApplicationId}", HttpStatusCode.NotFound);
        var applicant = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "旁观申报单位有限公司"));
        await AssertShutOutAsync(applicant, review.ApplicationId, await EvidenceFileAsync(review.ApplicationId));
    }
}
