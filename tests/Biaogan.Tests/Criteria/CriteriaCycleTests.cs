using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Criteria;

/// <summary>A cycle pins a published version; applications follow its categories; retiring keeps the pin; only the office gets in.</summary>
public class CriteriaCycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_cycle_pinning_a_version_gives_new_applications_one_section_per_category_of_that_version()
    {
        var office = await OfficeAsync();
        var doc = CriteriaBuilders.Small() with
        {
            Title = "三类目评价准则",
            Categories = [.. CriteriaBuilders.Small().Categories, new CategoryNode("3", "改进与创新", 20, false, "", "改进要点",
                [new ItemNode("3.1", "持续改进", ItemKind.Process, 20, false, "", "")])],
            TotalPoints = 120,
        };
        var (_, key) = await CriteriaSteps.PublishedAsync(office, doc);

        var created = await office.SubmitAsync("/Cycles/Create", new Dictionary<string, string?> { ["Year"] = "2040" });
        var cycleId = Guid.Parse(created.Path["/Cycles/Edit/".Length..]);
        Assert.Contains(created.Page.QuerySelectorAll("#Input_StandardCode option"), o => o.GetAttribute("value") == key);
        var saved = await office.SubmitAsync(created.Page, new Dictionary<string, string?> { ["Input.StandardCode"] = key }, "#cycle-form");
        Assert.Empty(saved.Errors);
        Assert.Contains("三类目评价准则", saved.Page.QuerySelector($".standard-note[data-code='{key}']")!.TextContent);

        await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<Cycle>().SingleAsync(c => c.Id == cycleId);
            Assert.Equal(key, cycle.StandardCode);
            cycle.ApproveRules(LeadingGroupKit.By, app.Clock.GetUtcNow());
            cycle.Open(false, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var applicant = await Cast.ApplicantAsync(app, "三类目申报单位有限公司");
        Application created2 = null!;
        await app.WithScopeAsync(async sp => created2 = await sp.GetRequiredService<ApplicationWorkflow>().CreateAsync(applicant.OrganizationId!.Value));
        var application = await ApplicationsBuilders.LoadAsync(app, created2.Id);
        Assert.Equal(["1", "2", "3"], application.SelfEvaluation.Select(s => s.CriteriaCode));
        Assert.Equal(["领导与策划", "结果", "改进与创新"], application.SelfEvaluation.Select(s => s.Title));

        // Retired: no longer offered to new cycles, still what the pinned cycle uses and shows.
        var retired = await office.SubmitAsync($"/Criteria/Details/{await CriteriaSteps.IdOfAsync(app, key)}", new Dictionary<string, string?>(), "#retire-form");
        Assert.Empty(retired.Errors);
        Assert.DoesNotContain(CriteriaCatalog.All, o => o.Code == key);
        Assert.Equal(3, CriteriaCatalog.ForCycle(key).Categories.Count);
        var edit = await office.GetAsync($"/Cycles/Edit/{cycleId}");
        var option = edit.QuerySelector($"#Input_StandardCode option[value='{key}']")!;
        Assert.True(option.HasAttribute("selected"));
        Assert.Contains("（已停用）", option.TextContent);

        var reinstated = await office.SubmitAsync($"/Criteria/Details/{await CriteriaSteps.IdOfAsync(app, key)}", new Dictionary<string, string?>(), "#reinstate-form");
        Assert.Empty(reinstated.Errors);
        Assert.Contains(CriteriaCatalog.All, o => o.Code == key);
    }

    [Fact]
    public async Task A_draft_is_not_offered_to_cycles()
    {
        var office = await OfficeAsync();
        var id = await CriteriaSteps.ImportAsync(office, CriteriaBuilders.Small());
        var key = (await CriteriaSteps.LoadAsync(app, id)).Key;
        var created = await office.SubmitAsync("/Cycles/Create", new Dictionary<string, string?> { ["Year"] = "2041" });
        Assert.DoesNotContain(created.Page.QuerySelectorAll("#Input_StandardCode option"), o => o.GetAttribute("value") == key);
        var refused = await office.SubmitAsync(created.Page, new Dictionary<string, string?> { ["Input.StandardCode"] = key }, "#cycle-form");
        Assert.Contains("请从列表中选择评审标准。", refused.Errors);
    }

    [Fact]
    public async Task Only_the_office_and_administrators_reach_the_criteria_pages()
    {
        var office = await OfficeAsync();
        var id = await CriteriaSteps.IdOfAsync(app, "T/CAQ 10301-2016");
        var draft = await CriteriaSteps.ImportAsync(office, CriteriaBuilders.Small());
        string[] urls = ["/Criteria", $"/Criteria/Details/{id}", $"/Criteria/Details/{id}?handler=Json", $"/Criteria/Details/{id}?handler=Excel",
            $"/Criteria/Edit/{draft}"];
        var outsiders = new[]
        {
            await Cast.SignInAsync(app, await Cast.ReviewerAsync(app)),
            await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "外部申报单位有限公司")),
            await Cast.SignInAsync(app, await Cast.RecommenderAsync(app, "外部推荐单位")),
        };
        foreach (var client in outsiders)
            foreach (var url in urls)
                Assert.True(await Cast.IsForbiddenAsync(client, url), url);

        var anonymous = await Cast.Anonymous(app).Http.GetAsync("/Criteria");
        Assert.StartsWith("/Account/Login", anonymous.RequestMessage!.RequestUri!.AbsolutePath);

        var admin = await Cast.SignInAsync(app, await Cast.AdminAsync(app));
        Assert.Contains("评价准则", PageClient.Text(await admin.GetAsync("/Criteria")));

        // A reviewer's form post is refused too, and changes nothing.
        var reviewer = outsiders[0];
        var post = await reviewer.Http.PostAsync($"/Criteria/Details/{draft}?handler=Publish", new FormUrlEncodedContent([new("PostedVersion", "1")]));
        Assert.True(post.StatusCode == System.Net.HttpStatusCode.Forbidden
            || post.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Account/AccessDenied", StringComparison.Ordinal), post.StatusCode.ToString());
        Assert.Equal(CriteriaStatus.Draft, (await CriteriaSteps.LoadAsync(app, draft)).Status);
    }

    private async Task<PageClient> OfficeAsync() => await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
}
