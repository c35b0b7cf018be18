using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Calendar;

/// <summary>The working-day API over the database-backed calendar, seeded from the embedded notices.</summary>
public class CalendarApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_seeder_loads_2007_to_2026_as_published_and_2027_as_unpublished()
    {
        var years = await app.WithDbAsync(db => db.Set<CalendarYear>().OrderBy(y => y.Year).ToListAsync());
        Assert.Equal(Enumerable.Range(2007, 21), years.Select(y => y.Year));
        Assert.All(years.Where(y => y.Year <= 2026), y => Assert.True(y.Published));
        Assert.False(years.Single(y => y.Year == 2027).Published);
        Assert.All(years, y => Assert.Equal(CalendarAdmin.EmbeddedSource, y.Source));
        var bridging = await app.WithDbAsync(db => db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2022, 12, 31)));
        Assert.Equal(2023, bridging.NoticeYear);
        Assert.Equal(678, await app.WithDbAsync(db => db.Set<CalendarDay>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(WorkingDayArithmeticTests.PublishedVectors), MemberType = typeof(WorkingDayArithmeticTests))]
    public async Task Seven_working_days_over_http_match_the_published_vectors(string from, string endCounted, string endNextDay)
    {
        var client = await SignedInAsync();
        var counted = await GetAsync(client, $"/api/calendar/workdays?from={from}&days=7&countStart=true");
        var nextDay = await GetAsync(client, $"/api/calendar/workdays?from={from}&days=7&countStart=false");
        Assert.Equal(endCounted, counted.GetProperty("end").GetString());
        Assert.Equal(endNextDay, nextDay.GetProperty("end").GetString());
        Assert.True(counted.GetProperty("confirmed").GetBoolean());
        Assert.True(nextDay.GetProperty("confirmed").GetBoolean());
        Assert.Equal(Weekday(DateOnly.Parse(endCounted)), counted.GetProperty("endWeekday").GetString());
    }

    [Fact]
    public async Task A_window_into_the_unpublished_year_is_answered_as_unconfirmed()
    {
        var client = await SignedInAsync();
        var r = await GetAsync(client, "/api/calendar/workdays?from=2026-12-28&days=7&countStart=true");
        Assert.Equal("2027-01-05", r.GetProperty("end").GetString());
        Assert.Equal("周二", r.GetProperty("endWeekday").GetString());
        Assert.False(r.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task A_day_reports_whether_it_is_a_working_day_and_its_holiday_name()
    {
        var client = await SignedInAsync();
        var swapped = await GetAsync(client, "/api/calendar/days/2026-10-10");
        Assert.True(swapped.GetProperty("isWorkday").GetBoolean());
        Assert.Equal("国庆节", swapped.GetProperty("name").GetString());
        Assert.True(swapped.GetProperty("confirmed").GetBoolean());

        var holiday = await GetAsync(client, "/api/calendar/days/2026-10-01");
        Assert.False(holiday.GetProperty("isWorkday").GetBoolean());

        var unpublished = await GetAsync(client, "/api/calendar/days/2027-01-01");
        Assert.True(unpublished.GetProperty("isWorkday").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unpublished.GetProperty("name").ValueKind);
        Assert.False(unpublished.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task Bad_parameters_are_refused_with_a_Chinese_problem()
    {
        var client = await SignedInAsync();
        var response = await client.Http.GetAsync("/api/calendar/workdays?from=2026/09/24&days=7");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yyyy-MM-dd", await response.Content.ReadAsStringAsync());
        var zero = await client.Http.GetAsync("/api/calendar/workdays?from=2026-09-24&days=0");
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }

    [Fact]
    public async Task The_api_needs_a_signed_in_user()
    {
        var response = await Cast.Anonymous(app).Http.GetAsync("/api/calendar/days/2026-10-10");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_years_list_and_calculator_mark_unpublished_years_as_unconfirmed()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var list = PageClient.Text(await office.GetAsync("/Calendar"));
        Assert.Contains("未发布：按周一至周五计算，据此计算的日期均标注为“未确认”", list);
        Assert.Contains("2007年", list);

        var calc = PageClient.Text(await office.GetAsync("/Calendar/Calculator?From=2027-03-01&Days=7&CountStart=true"));
        Assert.Contains("2027年3月9日（周二）", calc);
        Assert.Contains("未确认", calc);
        var confirmed = PageClient.Text(await office.GetAsync("/Calendar/Calculator?From=2026-09-24&Days=7&CountStart=false"));
        Assert.Contains("2026年10月12日（周一）", confirmed);
    }

    private async Task<PageClient> SignedInAsync() => await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));

    private static async Task<JsonElement> GetAsync(PageClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Weekday(DateOnly d) => Biaogan.Web.Infrastructure.Time.ChinaTime.Weekday(d.DayOfWeek);
}
