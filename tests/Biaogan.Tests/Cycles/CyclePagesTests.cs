using AngleSharp.Dom;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Cycles;

/// <summary>The office sets up a 年度活动, opens it for applications and closes it.</summary>
public class CyclePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_creates_a_cycle_and_edits_its_settings_and_stage_dates()
    {
        var office = await OfficeAsync();
        var (id, edit) = await CreateAsync(office, 2031);
        Assert.Contains("筹备中", PageClient.Text(edit));

        var saved = await office.SubmitAsync(edit, new Dictionary<string, string?>
        {
            ["Input.Name"] = "2031年度全国用户满意标杆活动（试点）", ["Input.Quota"] = "8",
            ["Input.StandardCode"] = "GB/T 19580-2012",
            ["Input.Stages[1].StartDate"] = "2031-06-03", ["Input.Stages[1].EndDate"] = "2031-06-28",
            ["Input.Settings.SatisfactionThreshold"] = "85", ["Input.Settings.TrendRule"] = "StrictlyIncreasing",
            ["Input.Settings.FileTypes"] = "pdf", ["Input.Settings.PublicationDayCounts"] = "false",
        }, "#cycle-form");
        Assert.Empty(saved.Errors);
        Assert.Contains("已保存年度活动设置", saved.Text);

        var cycle = await app.WithDbAsync(db => db.Set<Cycle>().SingleAsync(c => c.Id == id));
        Assert.Equal("2031年度全国用户满意标杆活动（试点）", cycle.Name);
        Assert.Equal(8, cycle.Quota);
        Assert.Equal("GB/T 19580-2012", cycle.StandardCode);
        Assert.Equal(new DateOnly(2031, 6, 3), cycle.Stage(CycleStage.Qualification)!.StartDate);
        Assert.Equal(85m, cycle.Settings.SatisfactionThreshold);
        Assert.Equal(TrendRule.StrictlyIncreasing, cycle.Settings.TrendRule);
        Assert.Equal(["pdf"], cycle.Settings.AllowedFileTypeList);
        Assert.False(cycle.Settings.PublicationDayCounts);

        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == "修改年度活动设置" && a.After!.Contains("Settings.SatisfactionThreshold"));
        Assert.Contains(audit, a => a.Action.StartsWith("修改“资格审查（第十六条）”日期"));
    }

    [Fact]
    public async Task A_quota_above_ten_is_saved_with_a_visible_warning()
    {
        var office = await OfficeAsync();
        var (_, edit) = await CreateAsync(office, 2032);
        var saved = await office.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Quota"] = "12" }, "#cycle-form");
        Assert.Empty(saved.Errors);
        Assert.Contains("第五条规定标杆数量原则上每年不超过10个", saved.Page.QuerySelector("#quota-warning")?.TextContent);
        Assert.Contains("超过10个", PageClient.Text(await office.GetAsync("/Cycles")));
    }

    [Fact]
    public async Task The_public_notice_end_is_computed_in_working_days_and_flagged_when_unconfirmed()
    {
        var office = await OfficeAsync();
        var (_, edit) = await CreateAsync(office, 2039);
        var end = edit.QuerySelector("#public-notice-end")?.TextContent ?? "";
        // 2039-11-02 (Wed) counted: 11-02, 03, 04, 07, 08, 09, 10 — 2039 has no published notice.
        Assert.Contains("按 7 个工作日", end);
        Assert.Contains("2039年11月10日（周四）", end);
        Assert.Contains("未确认", end);
    }

    [Fact]
    public async Task A_stage_ending_before_it_starts_is_refused_and_the_input_kept()
    {
        var office = await OfficeAsync();
        var (id, edit) = await CreateAsync(office, 2033);
        var refused = await office.SubmitAsync(edit, new Dictionary<string, string?>
        {
            ["Input.Name"] = "保留这个名称", ["Input.Stages[2].StartDate"] = "2033-08-20", ["Input.Stages[2].EndDate"] = "2033-08-01",
        }, "#cycle-form");
        Assert.Contains(refused.Errors, e => e.Contains("“资料评审（第十七、十八条）”的开始日期（2033年8月20日）晚于结束日期（2033年8月1日）"));
        Assert.Equal("保留这个名称", Value(refused.Page, "Input_Name"));
        Assert.Equal("2033-08-20", Value(refused.Page, "Input_Stages_2__StartDate"));
        var cycle = await app.WithDbAsync(db => db.Set<Cycle>().SingleAsync(c => c.Id == id));
        Assert.Equal("2033年度全国用户满意标杆活动", cycle.Name);
    }

    [Fact]
    public async Task Settings_out_of_range_are_refused_in_Chinese()
    {
        var office = await OfficeAsync();
        var (_, edit) = await CreateAsync(office, 2034);
        var refused = await office.SubmitAsync(edit, new Dictionary<string, string?>
        {
            ["Input.Settings.SatisfactionThreshold"] = "120", ["Input.Settings.FileTypes"] = null, ["Input.Quota"] = "abc",
        }, "#cycle-form");
        Assert.Contains(refused.Errors, e => e.Contains("满意度阈值应在 0 至 100 之间"));
        Assert.Contains(refused.Errors, e => e.Contains("不是有效的标杆数量上限"));
        Assert.DoesNotContain(refused.Errors, e => e.Contains("The value"));
    }

    [Fact]
    public async Task Only_one_cycle_is_open_at_a_time_and_a_closed_cycle_is_read_only()
    {
        var office = await OfficeAsync();
        var (first, firstEdit) = await CreateAsync(office, 2035);
        var (second, secondEdit) = await CreateAsync(office, 2036);
        // 第七条: the leading group approves both cycles' rules first (the edit pages are shown again after it).
        await LeadingGroupSteps.ApproveRulesAsync(app, first);
        await LeadingGroupSteps.ApproveRulesAsync(app, second);
        firstEdit = await office.GetAsync($"/Cycles/Edit/{first}");
        secondEdit = await office.GetAsync($"/Cycles/Edit/{second}");

        var opened = await office.SubmitAsync(firstEdit, new Dictionary<string, string?>(), "#open-form");
        Assert.Contains("已开启", opened.Text);
        Assert.Equal(first, (await app.WithDbAsync(db => CycleQueries.CurrentOpenAsync(db)))!.Id);

        var refused = await office.SubmitAsync(secondEdit, new Dictionary<string, string?>(), "#open-form");
        Assert.Contains(refused.Errors, e => e.Contains("同一时间只能有一个年度活动接受申报"));
        Assert.Equal(CycleStatus.Draft, (await app.WithDbAsync(db => db.Set<Cycle>().SingleAsync(c => c.Id == second))).Status);

        var beforeClose = await office.GetAsync($"/Cycles/Edit/{first}");
        var closed = await office.SubmitAsync(beforeClose, new Dictionary<string, string?>(), "#close-form");
        Assert.Contains("已结束", closed.Text);
        Assert.NotNull(closed.Page.QuerySelector("#readonly-banner"));
        Assert.Empty(closed.Page.QuerySelectorAll("main input, main select, main textarea"));

        // A form kept open from before the close is refused.
        var late = await office.SubmitAsync(beforeClose, new Dictionary<string, string?> { ["Input.Name"] = "结束后修改" }, "#cycle-form");
        Assert.Contains(late.Errors, e => e.Contains("已结束，只能查看，不能修改"));
        Assert.NotEqual("结束后修改", (await app.WithDbAsync(db => db.Set<Cycle>().SingleAsync(c => c.Id == first))).Name);

        var reopen = await office.SubmitAsync(secondEdit, new Dictionary<string, string?>(), "#open-form");
        Assert.Empty(reopen.Errors);
        await CloseAsync(office, second);
    }

    [Fact]
    public async Task A_concurrent_edit_is_detected_and_the_later_input_kept()
    {
        var office = await OfficeAsync();
        var (id, _) = await CreateAsync(office, 2037);
        var mine = await office.GetAsync($"/Cycles/Edit/{id}");
        var theirs = await office.GetAsync($"/Cycles/Edit/{id}");
        Assert.Empty((await office.SubmitAsync(theirs, new Dictionary<string, string?> { ["Input.Stages[0].EndDate"] = "2037-05-20" }, "#cycle-form")).Errors);

        var late = await office.SubmitAsync(mine, new Dictionary<string, string?> { ["Input.Stages[0].EndDate"] = "2037-05-25" }, "#cycle-form");
        Assert.Contains(late.Errors, e => e.Contains(DomainRuleFilter.ConcurrencyMessage[..12]));
        Assert.Equal("2037-05-25", Value(late.Page, "Input_Stages_0__EndDate"));
        var cycle = await app.WithDbAsync(db => db.Set<Cycle>().SingleAsync(c => c.Id == id));
        Assert.Equal(new DateOnly(2037, 5, 20), cycle.Stage(CycleStage.Application)!.EndDate);
    }

    [Fact]
    public async Task People_outside_the_office_get_403_on_the_cycle_pages()
    {
        var office = await OfficeAsync();
        var (id, _) = await CreateAsync(office, 2038);
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        var applicant = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app));
        foreach (var url in new[] { "/Cycles", "/Cycles/Create", $"/Cycles/Edit/{id}" })
        {
            Assert.True(await Cast.IsForbiddenAsync(reviewer, url), url);
            Assert.True(await Cast.IsForbiddenAsync(applicant, url), url);
        }
    }

    private async Task<PageClient> OfficeAsync() => await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

    private static async Task<(Guid Id, IDocument Edit)> CreateAsync(PageClient office, int year)
    {
        var created = await office.SubmitAsync("/Cycles/Create", new Dictionary<string, string?> { ["Year"] = year.ToString() });
        Assert.StartsWith("/Cycles/Edit/", created.Path);
        return (Guid.Parse(created.Path["/Cycles/Edit/".Length..]), created.Page);
    }

    private static async Task CloseAsync(PageClient office, Guid id) =>
        Assert.Empty((await office.SubmitAsync($"/Cycles/Edit/{id}", new Dictionary<string, string?>(), "#close-form")).Errors);

    private static string? Value(IDocument page, string id) => page.GetElementById(id)?.GetAttribute("value");
}
