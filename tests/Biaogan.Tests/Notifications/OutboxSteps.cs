using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Notifications;

/// <summary>The steps notification tests take: notify someone, run the dispatcher, look at the outbox.</summary>
internal static class OutboxSteps
{
    /// <summary>A person with a unique e-mail address (not stored: the Notifier needs only name, id and e-mail).</summary>
    public static AppUser Recipient(string name = "李晓梅") =>
        new() { DisplayName = name, Email = $"r{Guid.NewGuid():N}"[..13] + "@test.biaogan.cn" };

    /// <summary>Notifies and commits, as a feature would in its own SaveChanges.</summary>
    public static Task NotifyAsync(AppFactory app, string templateKey, IEnumerable<AppUser> recipients,
        Dictionary<string, string> values, string? link = null) =>
        app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Notifier>().NotifyAsync(templateKey, recipients, values, link);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

    public static async Task<DispatchResult> DispatchAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    public static Task<OutboxMessage> OutboxToAsync(AppFactory app, string address) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ToAddress == address));

    public static Dictionary<string, string> Passed(string number) => new()
    {
        ["申报编号"] = number,
        ["链接"] = "https://biaogan.example.cn/Applications/" + number,
    };
}
