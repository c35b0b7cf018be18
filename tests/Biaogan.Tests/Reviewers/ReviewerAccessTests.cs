using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Reviewers;

/// <summary>Who reaches which page of the pool, and that a reviewer reaches only their own profile.</summary>
public class ReviewerAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string[] StaffPages(Guid id) =>
    [
        "/Reviewers", "/Reviewers/Create", "/Reviewers/Settings", $"/Reviewers/Details/{id}", $"/Reviewers/Sanctions/{id}",
        "/Reviewers/Decisions", $"/Reviewers/Edit/{id}", $"/Reviewers/Records/{id}", "/Reviewers/Me",
    ];

    [Fact]
    public async Task Applicants_and_recommending_bodies_are_refused_everywhere_in_the_pool()
    {
        var id = await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Appointed("外人甲"));
        foreach (var persona in new[] { await Cast.ApplicantAsync(app, "外人申报有限公司"), await Cast.RecommenderAsync(app, "外人推荐单位") })
        {
            var client = await Cast.SignInAsync(app, persona);
            foreach (var url in StaffPages(id))
                Assert.True(await Cast.IsForbiddenAsync(client, url), $"{persona.Name} reached {url}");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/api/reviewers")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync($"/api/reviewers/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/api/reviewers/available")).StatusCode);
        }
    }

    [Fact]
    public async Task A_reviewer_reaches_their_own_profile_and_never_another_reviewers()
    {
        var (ding, mine) = await ReviewersTestKit.AppointedReviewerAsync(app, "钱丁");
        var (_, other) = await ReviewersTestKit.AppointedReviewerAsync(app, "李戊");
        var otherFile = await CertificateAsync(other);
        var client = await Cast.SignInAsync(app, ding);

        Assert.Contains("钱丁", PageClient.Text(await client.GetAsync("/Reviewers/Me")));
        await client.GetAsync($"/Reviewers/Edit/{mine}");
        await client.GetAsync("/Reviewers/Records");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/reviewers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/api/reviewers/{mine}")).StatusCode);

        foreach (var url in new[] { $"/Reviewers/Details/{other}", $"/Reviewers/Edit/{other}", $"/Reviewers/Records/{other}",
                     $"/Reviewers/Sanctions/{other}", "/Reviewers", "/Reviewers/Decisions", "/Reviewers/Create", $"/Reviewers/Details/{mine}" })
            Assert.True(await Cast.IsForbiddenAsync(client, url), $"reviewer reached {url}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/reviewers/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/api/reviewers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Reviewers/Files/{otherFile}")).StatusCode);

        // A hand-made post against the other profile is refused as well, and changes nothing.
        var token = await ReviewersTestKit.TokenAsync(client, "/Reviewers/Records");
        var status = await ReviewersTestKit.PostAsync(client, $"/Reviewers/Records/{other}?handler=AddWork", token, new()
        {
            ["Work.EmployerName"] = "伪造单位", ["Work.FromYear"] = "2000", ["Work.ToYear"] = "2010", ["Work.Title"] = "经理", ["Work.Field"] = "Sales",
        });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Single((await ReviewersTestKit.LoadAsync(app, other)).WorkPeriods);
    }

    [Fact]
    public async Task A_reviewer_edits_content_but_not_contact_details_or_status()
    {
        var (ding, mine) = await ReviewersTestKit.AppointedReviewerAsync(app, "孙自改");
        var client = await Cast.SignInAsync(app, ding);
        var form = await client.GetAsync("/Reviewers/Edit");
        Assert.Null(form.QuerySelector("#Input_Email"));
        var saved = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Background.Major"] = "市场营销", ["Input.Email"] = "hijack@example.cn", ["Input.Name"] = "改名",
        }, "#profile-form");
        Assert.Empty(saved.Errors);
        var p = await ReviewersTestKit.LoadAsync(app, mine);
        Assert.Equal("市场营销", p.Major);
        Assert.Equal("孙自改", p.Name);
        Assert.Equal(ding.Email, p.Email);

        var token = await ReviewersTestKit.TokenAsync(client, "/Reviewers/Me");
        var suspend = await ReviewersTestKit.PostAsync(client, $"/Reviewers/Sanctions/{mine}?handler=Suspend", token,
            new() { ["SuspensionReason"] = "自己暂停", ["Version"] = p.Version.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, suspend);
        Assert.Equal(ReviewerStatus.Appointed, (await ReviewersTestKit.LoadAsync(app, mine)).Status);
    }

    [Fact]
    public async Task Only_the_leading_group_and_the_administrator_reach_the_appointment_decisions()
    {
        var id = await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Eligible("决定丙", userId: Guid.NewGuid().ToString()));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        Assert.True(await Cast.IsForbiddenAsync(office, "/Reviewers/Decisions"));
        var token = await ReviewersTestKit.TokenAsync(office, "/Reviewers");
        var appoint = await ReviewersTestKit.PostAsync(office, "/Reviewers/Decisions?handler=Appoint", token, new()
        {
            ["Input.Id"] = id.ToString(), ["Input.Version"] = "0", ["Input.AppointedOn"] = "2026-11-27", ["Input.TermEndsOn"] = "2029-11-26",
        });
        Assert.Equal(HttpStatusCode.Forbidden, appoint);
        Assert.Equal(ReviewerStatus.Candidate, (await ReviewersTestKit.LoadAsync(app, id)).Status);

        var leader = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "蒋领导", Roles.LeadingGroup));
        Assert.Contains("决定丙", PageClient.Text(await leader.GetAsync("/Reviewers/Decisions")));
        Assert.True(await Cast.IsForbiddenAsync(leader, $"/Reviewers/Edit/{id}"));
        Assert.True(await Cast.IsForbiddenAsync(leader, "/Reviewers/Create"));
        await leader.GetAsync($"/Reviewers/Details/{id}");

        var admin = await Cast.SignInAsync(app, await Cast.AdminAsync(app));
        var appointed = await admin.SubmitAsync("/Reviewers/Decisions", new Dictionary<string, string?>(), $"#appoint-{id}");
        Assert.Empty(appointed.Errors);
        Assert.Equal(ReviewerStatus.Appointed, (await ReviewersTestKit.LoadAsync(app, id)).Status);
    }

    /// <summary>Stores a certificate for the profile directly and returns its file id.</summary>
    private async Task<Guid> CertificateAsync(Guid profileId)
    {
        Guid fileId = default;
        await app.WithScopeAsync(async sp =>
        {
            var store = sp.GetService(typeof(FileStore)) as FileStore;
            var db = sp.GetService(typeof(Biaogan.Web.Infrastructure.Data.AppDbContext)) as Biaogan.Web.Infrastructure.Data.AppDbContext;
            var file = await store!.SaveAsync(new MemoryStream(ReviewersTestKit.Pdf), "证书.pdf",
                new UploadRequest("ReviewerProfile", profileId, "培训证书", "培训证书", ["pdf"], 1024 * 1024));
            var profile = await db!.Set<ReviewerProfile>().SingleAsync(p => p.Id == profileId);
            profile.AttachCertificate(profile.Trainings[0].Id, file.Id);
            await db.SaveChangesAsync();
            fileId = file.Id;
        });
        return fileId;
    }
}
