using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Commitments;
using Microsoft.EntityFrameworkCore;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Commitments;

/// <summary>Issue 12 item 2 (第二十三条): a winner's goals and yearly progress report through the pages and the API.</summary>
public class ProgressReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private int ThisYear => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).Year;

    [Fact]
    public async Task A_winner_records_its_goals_and_files_the_years_report_and_the_office_reads_it_on_the_award_page()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "承诺目标有限公司");
        var page = await Cast.SignInAsync(app, winner.Contact);
        var goals = await page.SubmitAsync("/Commitments/Mine", new Dictionary<string, string?>
        {
            ["AwardId"] = winner.Award.Id.ToString(), ["Goals"] = "三年内用户满意度指数提升到 85 分以上；投诉处理时限缩短到 24 小时。",
        });
        Assert.Empty(goals.Errors);
        var year = ThisYear;
        var filed = await page.SubmitAsync(CommitmentRecords.Link(winner.Award.Id, year), new Dictionary<string, string?>
        {
            ["GoalProgress"] = "满意度指数 83.2 分，投诉处理时限 30 小时。", ["SatisfactionResults"] = "第三方测评，样本 3000 户，满意度 83.2 分。",
            ["NewPractices"] = "推行质量管理小组活动和数字化投诉闭环。",
        });
        Assert.Empty(filed.Errors);
        var report = await app.WithDbAsync(db => db.Set<ProgressReport>().AsNoTracking().SingleAsync(r => r.AwardId == winner.Award.Id));
        Assert.Equal(year, report.Year);
        Assert.Equal(new DateOnly(year + 1, 3, 31), report.DueOn);
        Assert.Equal(0, report.DaysLate);

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var details = PageClient.Text(await office.GetAsync($"/Awards/Details/{winner.Award.Id}"));
        Assert.Contains("三年内用户满意度指数提升到 85 分以上", details);
        Assert.Contains($"{year}年度进展报告", details);
        Assert.Contains("第三方测评，样本 3000 户", PageClient.Text(await office.GetAsync(CommitmentRecords.Link(winner.Award.Id, year))));
        Assert.Contains("推行质量管理小组活动", PageClient.Text(await page.GetAsync("/Awards/Mine")) + PageClient.Text(await page.GetAsync(CommitmentRecords.Link(winner.Award.Id, year))));
    }

    [Fact]
    public async Task Bad_input_is_answered_in_Chinese_and_what_was_typed_stays()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "进展校验有限公司");
        var page = await Cast.SignInAsync(app, winner.Contact);
        var result = await page.SubmitAsync(CommitmentRecords.Link(winner.Award.Id, ThisYear), new Dictionary<string, string?>
        {
            ["GoalProgress"] = "已完成第一阶段目标。", ["SatisfactionResults"] = "", ["NewPractices"] = "",
        });
        Assert.Contains(result.Errors, e => e.Contains("请填写本年度用户满意度测评结果"));
        Assert.Equal("已完成第一阶段目标。", result.Page.QuerySelector("textarea[name=GoalProgress]")!.TextContent.Trim());
        var goals = await page.SubmitAsync("/Commitments/Mine", new Dictionary<string, string?> { ["AwardId"] = winner.Award.Id.ToString(), ["Goals"] = " " });
        Assert.Contains(goals.Errors, e => e.Contains("请填写获奖后的质量新目标"));
        var early = await (await page.ApiAsync()).PostAsJsonAsync($"/api/commitments/{winner.Award.Id}/reports", new
        {
            year = ThisYear + 1, goalProgress = "a", satisfactionResults = "b", newPractices = "c",
        });
        Assert.Contains("尚未开始", await early.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<ProgressReport>().AnyAsync(r => r.AwardId == winner.Award.Id)));
        Assert.False(await app.WithDbAsync(db => db.Set<QualityGoals>().AnyAsync(r => r.AwardId == winner.Award.Id)));
    }

    [Fact]
    public async Task An_organisation_never_sees_or_files_another_ones_goals_or_reports()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "他人承诺有限公司");
        var own = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();
        await JsonAsync(await own.PutAsJsonAsync($"/api/commitments/{winner.Award.Id}/goals", new { goals = "用户满意度提升到 90 分。" }), HttpStatusCode.OK);
        await JsonAsync(await own.PostAsJsonAsync($"/api/commitments/{winner.Award.Id}/reports", new
        {
            year = ThisYear, goalProgress = "完成 80%。", satisfactionResults = "86 分。", newPractices = "无",
        }), HttpStatusCode.Created);

        var otherPerson = await Cast.ApplicantAsync(app, "别家承诺组织有限公司");
        var other = await Cast.SignInAsync(app, otherPerson);
        var api = await other.ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/commitments/{winner.Award.Id}")).StatusCode);
        Assert.DoesNotContain(winner.Award.Id.ToString(), await api.GetStringAsync("/api/commitments"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/commitments/{winner.Award.Id}/goals", new { goals = "篡改。" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/commitments/{winner.Award.Id}/reports", new
        {
            year = ThisYear + 1, goalProgress = "x", satisfactionResults = "y", newPractices = "z",
        })).StatusCode);
        await other.GetAsync(CommitmentRecords.Link(winner.Award.Id, ThisYear), HttpStatusCode.NotFound);
        Assert.DoesNotContain("用户满意度提升到 90 分", PageClient.Text(await other.GetAsync("/Commitments/Mine")));
        Assert.Equal("用户满意度提升到 90 分。", await app.WithDbAsync(db => db.Set<QualityGoals>().Where(g => g.AwardId == winner.Award.Id).Select(g => g.Goals).SingleAsync()));
    }
}
