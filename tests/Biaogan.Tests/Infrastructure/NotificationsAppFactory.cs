namespace Biaogan.Tests.Infrastructure;

/// <summary>The app for notification tests: links in e-mails are made absolute with a known public base URL.</summary>
public class NotificationsAppFactory : AppFactory
{
    public const string PublicBaseUrl = "https://biaogan.test";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("App:PublicBaseUrl", PublicBaseUrl)];
}
