namespace Biaogan.Web.Infrastructure.Mail;

/// <summary>
/// The "Mail" section of appsettings.json (see docs/operations-mail.md). With an empty <see cref="Host"/>
/// every e-mail is written as an .eml file into <see cref="PickupDirectory"/> instead of being sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>SMTP server; empty = pickup-directory mode (development, or a local MTA that watches the folder).</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    /// <summary>Require STARTTLS after connecting. Port 465 always uses TLS from the first byte.</summary>
    public bool UseStartTls { get; set; }
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string FromAddress { get; set; } = "noreply@biaogan.local";
    public string FromName { get; set; } = "全国用户满意标杆活动办公室";
    /// <summary>Folder for .eml files in pickup mode; relative paths are under the application's content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";
    /// <summary>How often each app node looks for due e-mails in the outbox.</summary>
    public int PollSeconds { get; set; } = 5;
    /// <summary>Delivery attempts before an e-mail is marked failed and left for the office to look at.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>SMTP connect/command timeout.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsePickupDirectory => string.IsNullOrWhiteSpace(Host);
}
