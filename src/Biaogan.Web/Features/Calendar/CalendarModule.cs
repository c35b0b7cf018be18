namespace Biaogan.Web.Features.Calendar;

public static class CalendarModule
{
    public static void AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<WorkingDayCalendar>();
    }

    public static void MapCalendar(this WebApplication app)
    {
    }
}
