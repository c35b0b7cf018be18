namespace Biaogan.Web.Features.Notifications;

public static class NotificationsModule
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
    }

    public static void MapNotifications(this WebApplication app)
    {
    }
}
