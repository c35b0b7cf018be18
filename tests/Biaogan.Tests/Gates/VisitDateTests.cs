using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Gates;

/// <summary>Date sanity (docs/decisions/0031): nothing verified on site — the report's approval — before the visit's first day (China time).</summary>
public class VisitDateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_leader_cannot_approve_the_report_before_the_first_day_of_the_visit_and_can_from_that_day()
    {
        var world = await OnSiteTestKit.VisitAsync(app, "日期");
        var office = await world.Office.ApiAsync();
        (await office.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/schedule", new
        {
            startDate = "2026-12-14", endDate = "2026-12-15", sites = new[] { "上海市浦东新区世纪大道100号" },
            agenda = new[] { new { time = "第一天 09:00—09:30", activity = "首次会议", participants = "专家组全体" } },
        })).EnsureSuccessStatusCode();
        var org = await Cast.SignInAsync(app, world.Applicant);
        Assert.Empty((await org.SubmitAsync($"/OnSite/Schedule/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=Agree']")).Errors);

        var leader = await (await Cast.SignInAsync(app, world.Leader.Persona)).ApiAsync();
        var items = (await OnSiteTestKit.LoadAsync(app, world.ApplicationId)).Items.Select(i => new { itemCode = i.ItemCode, percent = (int?)60, reason = "" });
        (await leader.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/record", new { items, opinion = "总体符合。" })).EnsureSuccessStatusCode();

        // 2026-11-27 in the test clock: the visit starts on 14 December.
        var early = await leader.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/leader-approval", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("现场评审定于 2026年12月14日 开始，今天（2026年11月27日）还不能确认现场评审报告", await early.Content.ReadAsStringAsync());

        PublicNoticeKit.SetChinaTime(app, 2026, 12, 14, 8, 30);
        leader = await (await Cast.SignInAsync(app, world.Leader.Persona)).ApiAsync();
        (await leader.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/leader-approval", new { })).EnsureSuccessStatusCode();
    }
}
