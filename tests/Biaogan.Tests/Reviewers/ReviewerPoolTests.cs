using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Reviewers;
using static Biaogan.Tests.Infrastructure.ReviewersBuilders;

namespace Biaogan.Tests.Reviewers;

/// <summary>The pool as other features see it (ReviewerPool.AvailableAsync, the API), the settings and concurrent edits.</summary>
public class ReviewerPoolTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Only_appointed_reviewers_within_their_term_are_available()
    {
        var available = await ReviewersTestKit.SaveAsync(app, Appointed("可用甲"));
        var lastDay = await ReviewersTestKit.SaveAsync(app, Appointed("末日乙", from: Today.AddYears(-3).AddDays(1)));
        var candidate = await ReviewersTestKit.SaveAsync(app, Eligible("候选丙", userId: Guid.NewGuid().ToString()));
        var suspended = await ReviewersTestKit.SaveAsync(app, Suspended("暂停丁"));
        var revoked = await ReviewersTestKit.SaveAsync(app, Revoked("撤销戊"));
        var future = await ReviewersTestKit.SaveAsync(app, Appointed("未到己", from: Today.AddDays(30)));
        var expiring = Appointed("届满庚", from: Today.AddDays(-30), termYears: 1);
        var expired = await ReviewersTestKit.SaveAsync(app, expiring);

        var today = (await app.WithDbAsync(db => ReviewerPool.AvailableAsync(db, Today))).Select(p => p.Id).ToHashSet();
        Assert.Contains(available, today);
        Assert.Contains(lastDay, today);
        Assert.Contains(expired, today);
        Assert.DoesNotContain(candidate, today);
        Assert.DoesNotContain(suspended, today);
        Assert.DoesNotContain(revoked, today);
        Assert.DoesNotContain(future, today);

        // A year later the one-year term has ended and the three-year term ending today is over too.
        var later = (await app.WithDbAsync(db => ReviewerPool.AvailableAsync(db, Today.AddYears(1)))).Select(p => p.Id).ToHashSet();
        Assert.DoesNotContain(expired, later);
        Assert.DoesNotContain(lastDay, later);
        Assert.Contains(available, later);
        Assert.Contains(future, later);
    }

    [Fact]
    public async Task The_available_reviewers_come_with_their_work_history_for_conflict_checks()
    {
        var id = await ReviewersTestKit.SaveAsync(app, Appointed("履历辛"));
        var pool = await app.WithDbAsync(db => ReviewerPool.AvailableAsync(db, Today));
        var mine = pool.Single(p => p.Id == id);
        Assert.Single(mine.WorkPeriods);
        Assert.Equal(2, mine.Trainings.Count);
        Assert.Equal(["C", "65"], mine.Industries);
    }

    [Fact]
    public async Task The_api_lists_available_reviewers_for_the_office_with_their_conditions()
    {
        var id = await ReviewersTestKit.SaveAsync(app, Appointed("接口壬"));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var list = await office.Http.GetFromJsonAsync<JsonElement>("/api/reviewers/available?date=2026-12-01");
        var row = list.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("已聘用", row.GetProperty("statusName").GetString());
        Assert.True(row.GetProperty("availableToday").GetBoolean());
        Assert.Equal("符合全部6项", row.GetProperty("eligibilitySummary").GetString());
        Assert.Equal(6, row.GetProperty("conditions").GetArrayLength());
    }

    [Fact]
    public async Task The_required_years_of_experience_are_an_office_setting_applied_at_once()
    {
        var p = Candidate("年限癸");
        p.AddWorkPeriod("甲公司", null, 2022, 2026, "销售经理", WorkField.Sales, Today.Year);
        var id = await ReviewersTestKit.SaveAsync(app, p);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var before = await office.GetAsync($"/Reviewers/Details/{id}");
        Assert.Contains("不足5年", before.QuerySelector("tr[data-condition=Experience]")!.TextContent);

        var saved = await office.SubmitAsync("/Reviewers/Settings", new Dictionary<string, string?>
        {
            ["Input.MinimumExperienceYears"] = "4", ["Input.DefaultTermYears"] = "2",
        }, "#settings-form");
        Assert.Empty(saved.Errors);
        var after = await office.GetAsync($"/Reviewers/Details/{id}");
        Assert.Contains("达到4年以上的要求", after.QuerySelector("tr[data-condition=Experience]")!.TextContent);

        await office.SubmitAsync("/Reviewers/Settings", new Dictionary<string, string?>
        {
            ["Input.MinimumExperienceYears"] = "5", ["Input.DefaultTermYears"] = "3",
        }, "#settings-form");
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_page_is_refused_and_the_input_kept()
    {
        var id = await ReviewersTestKit.SaveAsync(app, Candidate("并发子"));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var first = await office.GetAsync($"/Reviewers/Edit/{id}");
        var second = await office.GetAsync($"/Reviewers/Edit/{id}");
        var ok = await office.SubmitAsync(first, new Dictionary<string, string?> { ["Input.Phone"] = "010-11112222" }, "#profile-form");
        Assert.Empty(ok.Errors);

        var stale = await office.SubmitAsync(second, new Dictionary<string, string?> { ["Background.Institution"] = "北京大学" }, "#profile-form");
        Assert.Contains(stale.Errors, e => e.Contains("已被他人修改"));
        Assert.Equal("北京大学", stale.Page.QuerySelector("#Background_Institution")!.GetAttribute("value"));
        var stored = await ReviewersTestKit.LoadAsync(app, id);
        Assert.Equal("010-11112222", stored.Phone);
        Assert.Null(stored.Institution);
    }

    [Fact]
    public async Task A_second_profile_with_the_same_email_is_refused()
    {
        var email = NewEmail();
        await ReviewersTestKit.SaveAsync(app, Candidate("重复丑", email));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var again = await office.SubmitAsync("/Reviewers/Create", new Dictionary<string, string?>
        {
            ["Input.Name"] = "重复丑", ["Input.Email"] = email.ToUpperInvariant(),
        });
        Assert.Contains(again.Errors, e => e.Contains("已有评审员档案"));
    }

    [Fact]
    public async Task The_list_filters_by_status_industry_region_and_eligibility()
    {
        var appointed = await ReviewersTestKit.SaveAsync(app, Appointed("筛选寅"));
        var candidate = await ReviewersTestKit.SaveAsync(app, Candidate("筛选卯"));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        string Rows(AngleSharp.Dom.IDocument d) => d.QuerySelector("#reviewers")?.TextContent ?? "";
        var byStatus = Rows(await office.GetAsync("/Reviewers?Status=Available"));
        Assert.Contains("筛选寅", byStatus);
        Assert.DoesNotContain("筛选卯", byStatus);
        // 大类 65 belongs to 门类 I; the builder's profile names C and 65.
        Assert.Contains("筛选寅", Rows(await office.GetAsync("/Reviewers?Industry=I")));
        Assert.DoesNotContain("筛选寅", Rows(await office.GetAsync("/Reviewers?Industry=A")));
        Assert.Contains("筛选寅", Rows(await office.GetAsync("/Reviewers?Province=11")));
        var notMet = Rows(await office.GetAsync("/Reviewers?Eligibility=NotMet"));
        Assert.Contains("筛选卯", notMet);
        Assert.DoesNotContain("筛选寅", notMet);
        Assert.NotEqual(appointed, candidate);
    }
}
