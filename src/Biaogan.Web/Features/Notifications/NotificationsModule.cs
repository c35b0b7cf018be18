using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;

namespace Biaogan.Web.Features.Notifications;

public static class NotificationsModule
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddMail(builder.Configuration);
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<NoticeLedger>();
        builder.Services.AddScoped<CommitteeNotices>();
        builder.Services.AddScoped<IAccountMail, AccountMail>();
        builder.Services.AddScoped<NotificationOffice>();
        builder.Services.AddScoped<UserInbox>();
        builder.Services.AddScoped<OutboxDispatcher>();
        builder.Services.AddHostedService<OutboxSender>();
        builder.Services.AddScoped<ISeeder, TemplateSeeder>();
    }

    public static void MapNotifications(this WebApplication app)
    {
        app.MapInboxApi();
    }
}
