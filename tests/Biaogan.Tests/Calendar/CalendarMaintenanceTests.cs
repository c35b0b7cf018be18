using System.Text;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Calendar;

/// <summary>The office keeps the calendar: imports a new notice, types one in, corrects a day.</summary>
public class CalendarMaintenanceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Notice2027 = """
        {"year": 2027, "papers": ["国办发明电〔2026〕测试号"],
         "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}
        """;

    [Fact]
    public async Task Importing_a_new_years_file_confirms_and_changes_deadlines()
    {
        var before = await AddAsync(new DateOnly(2026, 12, 28), 7);
        Assert.Equal(new DateOnly(2027, 1, 5), before.End);
        Assert.False(before.Confirmed);

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var result = await office.SubmitAsync("/Calendar/Import", new Dictionary<string, string?>(), "#upload-form",
            files: [new UploadFile("Upload", "2027.json", Encoding.UTF8.GetBytes(Notice2027), "application/json")]);
        Assert.Equal("/Calendar/Year/2027", result.Path);
        Assert.Contains("已导入2027年节假日安排", result.Text);
        Assert.Contains("已发布", result.Text);

        var after = await AddAsync(new DateOnly(2026, 12, 28), 7);
        Assert.Equal(new DateOnly(2027, 1, 6), after.End);
        Assert.True(after.Confirmed);
        var year = await app.WithDbAsync(db => db.Set<CalendarYear>().SingleAsync(y => y.Year == 2027));
        Assert.True(year.Published);
        Assert.Equal(CalendarAdmin.FileSource, year.Source);
    }

    [Fact]
    public async Task Correcting_a_day_changes_the_working_day_arithmetic()
    {
        Assert.Equal(new DateOnly(2026, 10, 10), (await AddAsync(new DateOnly(2026, 9, 24), 7)).End);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var result = await office.SubmitAsync("/Calendar/Correct?date=2026-10-09", new Dictionary<string, string?>
        {
            ["Input.Correction"] = "Off", ["Input.Name"] = "临时放假", ["Input.Note"] = "依据补充通知临时放假（测试）",
        });
        Assert.Equal("/Calendar/Year/2026", result.Path);
        Assert.Contains("依据补充通知临时放假（测试）", result.Text);
        Assert.Equal(new DateOnly(2026, 10, 12), (await AddAsync(new DateOnly(2026, 9, 24), 7)).End);

        var back = await office.SubmitAsync("/Calendar/Correct?date=2026-10-09", new Dictionary<string, string?>
        {
            ["Input.Correction"] = "Normal", ["Input.Note"] = "撤销临时放假（测试）",
        });
        Assert.Empty(back.Errors);
        Assert.Equal(new DateOnly(2026, 10, 10), (await AddAsync(new DateOnly(2026, 9, 24), 7)).End);
    }

    [Fact]
    public async Task A_correction_without_a_note_is_refused_and_the_input_kept()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var result = await office.SubmitAsync("/Calendar/Correct?date=2026-11-30", new Dictionary<string, string?>
        {
            ["Input.Correction"] = "Off", ["Input.Name"] = "无说明的更正", ["Input.Note"] = "",
        });
        Assert.Contains(result.Errors, e => e.Contains("更正说明"));
        Assert.Equal("无说明的更正", result.Page.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.True((await AddAsync(new DateOnly(2026, 11, 30), 1)).End == new DateOnly(2026, 11, 30));
    }

    [Theory]
    [InlineData("{ \"year\": 2028, \"days\": [", "不是有效的")]
    [InlineData("{\"year\": 2028, \"days\": [{\"name\": \"元旦\", \"date\": \"2028/01/01\", \"isOffDay\": true}]}", "格式不正确")]
    [InlineData("{\"year\": 2028, \"papers\": [], \"days\": []}", "没有任何放假或调休上班日期")]
    [InlineData("{\"year\": 2028, \"days\": [{\"name\": \"元旦\", \"date\": \"2030-01-01\", \"isOffDay\": true}]}", "不属于2028年通知的范围")]
    public async Task A_bad_file_is_refused_with_a_Chinese_message_and_changes_nothing(string json, string message)
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var countBefore = await app.WithDbAsync(db => db.Set<CalendarDay>().CountAsync());
        var result = await office.SubmitAsync("/Calendar/Import", new Dictionary<string, string?>(), "#upload-form",
            files: [new UploadFile("Upload", "2028.json", Encoding.UTF8.GetBytes(json), "application/json")]);
        Assert.Contains(result.Errors, e => e.Contains(message));
        Assert.DoesNotContain(result.Errors, e => e.Contains("LineNumber") || e.Contains("Path:") || e.Contains("invalid"));
        Assert.Equal(countBefore, await app.WithDbAsync(db => db.Set<CalendarDay>().CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<CalendarYear>().AnyAsync(y => y.Year == 2028 && y.Published)));
    }

    [Fact]
    public async Task A_year_typed_in_by_hand_is_stored_and_published()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var result = await office.SubmitAsync("/Calendar/Import?year=2029", new Dictionary<string, string?>
        {
            ["Manual.Lines"] = "2029-01-01 元旦 放假\n2029-01-06，元旦，上班", ["Manual.Papers"] = "测试录入",
        }, "#manual-form");
        Assert.Equal("/Calendar/Year/2029", result.Path);
        Assert.Contains("调休上班", result.Text);
        HolidayTable? table = null;
        await app.WithScopeAsync(async sp => table = await sp.GetRequiredService<WorkingDayCalendar>().GetTableAsync());
        Assert.NotNull(table);
        Assert.True(table.IsPublished(2029));
        Assert.True(table.IsWorkday(new DateOnly(2029, 1, 6)));
        Assert.False(table.IsWorkday(new DateOnly(2029, 1, 1)));
    }

    [Fact]
    public async Task A_line_typed_wrongly_names_its_line_and_keeps_the_text()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var result = await office.SubmitAsync("/Calendar/Import?year=2030", new Dictionary<string, string?>
        {
            ["Manual.Lines"] = "2030-01-01 元旦 放假\n2030-01-02 元旦 请假",
        }, "#manual-form");
        Assert.Contains(result.Errors, e => e.Contains("第 2 行"));
        Assert.Contains("2030-01-02 元旦 请假", result.Page.QuerySelector("#Manual_Lines")?.TextContent);
    }

    [Fact]
    public async Task People_outside_the_office_cannot_open_the_calendar_pages()
    {
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        Assert.True(await Cast.IsForbiddenAsync(reviewer, "/Calendar"));
        Assert.True(await Cast.IsForbiddenAsync(reviewer, "/Calendar/Import"));
        var applicant = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app));
        Assert.True(await Cast.IsForbiddenAsync(applicant, "/Calendar/Correct"));
    }

    private async Task<WorkdayResult> AddAsync(DateOnly start, int days)
    {
        WorkdayResult? r = null;
        await app.WithScopeAsync(async sp => r = await sp.GetRequiredService<WorkingDayCalendar>().AddWorkdaysAsync(start, days, true));
        return r!;
    }
}
