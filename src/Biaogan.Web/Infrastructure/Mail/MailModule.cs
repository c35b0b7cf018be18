namespace Biaogan.Web.Infrastructure.Mail;

public static class MailModule
{
    /// <summary>Binds the "Mail" settings and registers the MailKit transport (used by the notification outbox).</summary>
    public static void AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => o.PollSeconds >= 1, "Mail:PollSeconds 必须至少为 1 秒。")
            .Validate(o => o.MaxAttempts >= 1, "Mail:MaxAttempts 必须至少为 1 次。")
            .Validate(o => o.UsePickupDirectory || o.Port is > 0 and < 65536, "Mail:Port 必须是 1–65535 之间的端口号。")
            .Validate(o => o.FromAddress.Contains('@'), "Mail:FromAddress 必须是有效的邮箱地址。")
            .ValidateOnStart();
        services.AddSingleton<MailTransport>();
    }
}
