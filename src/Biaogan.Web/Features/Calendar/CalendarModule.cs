using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Calendar;

public static class CalendarModule
{
    public static void AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<WorkingDayCalendar>();
        builder.Services.AddScoped<CalendarAdmin>();
        builder.Services.AddScoped<ISeeder, CalendarSeeder>();
    }

    public static void MapCalendar(this WebApplication app) => app.MapCalendarApi();
}

/// <summary>Loads the embedded holiday notices (2007–2027) into the database on first start.</summary>
internal sealed class CalendarSeeder(CalendarAdmin admin) : ISeeder
{
    public int Order => 10;

    public Task SeedAsync(CancellationToken ct) => admin.SeedEmbeddedIfEmptyAsync(ct);
}
