using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Biaogan.Web.Infrastructure.Mail;

/// <summary>Why one e-mail could not be delivered, in Chinese for the office; permanent failures are not retried.</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>
/// Builds MIME messages (UTF-8, Chinese subject and plain-text body) and delivers them with MailKit,
/// or writes them as .eml files when no SMTP host is configured.
/// </summary>
public sealed class MailTransport(IOptions<MailOptions> options, IHostEnvironment env)
{
    public MailOptions Options => options.Value;

    /// <summary>The pickup folder as an absolute path (relative settings are under the content root).</summary>
    public string PickupDirectory => Path.GetFullPath(Path.Combine(env.ContentRootPath, Options.PickupDirectory));

    /// <summary>
    /// A plain-text UTF-8 message. <paramref name="uniqueId"/> becomes the Message-Id, identical on every
    /// retry, so a receiving server can recognise a message it already accepted.
    /// </summary>
    public MimeMessage Compose(string toAddress, string toName, string subject, string body, string uniqueId, DateTimeOffset date,
        MailAttachment? attachment = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Options.FromName, Options.FromAddress));
        try
        {
            message.To.Add(new MailboxAddress(toName, MailboxAddress.Parse(toAddress).Address));
        }
        catch (Exception ex) when (ex is ParseException or ArgumentException)
        {
            throw new MailDeliveryException($"收件人邮箱地址“{toAddress}”格式不正确，无法发送。请更正该用户的邮箱。", permanent: true, ex);
        }
        message.Subject = subject;
        message.Date = date;
        var domain = Options.FromAddress.Contains('@') ? Options.FromAddress[(Options.FromAddress.IndexOf('@') + 1)..] : "biaogan.local";
        message.MessageId = $"{uniqueId}@{domain}";
        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText(Encoding.UTF8, body);
        if (attachment is null)
        {
            message.Body = text;
            return message;
        }
        var file = new MimePart(ContentType.Parse(attachment.ContentType))
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(attachment.Content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
        message.Body = new Multipart("mixed") { text, file };
        return message;
    }

    /// <summary>A connection for a batch: one SMTP session (opened on first use) or the pickup folder.</summary>
    public MailSession OpenSession() => new(Options, PickupDirectory);
}

/// <summary>Delivers several messages over one SMTP connection; if connecting fails, the rest of the batch fails fast.</summary>
public sealed class MailSession(MailOptions options, string pickupDirectory) : IAsyncDisposable
{
    private SmtpClient? _client;
    private MailDeliveryException? _connectFailure;

    /// <summary>Sends (or writes) one message; returns where it went, for the log. Throws <see cref="MailDeliveryException"/>.</summary>
    public async Task<string> DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        if (options.UsePickupDirectory) return await WritePickupFileAsync(message, ct);
        var client = await ConnectAsync(ct);
        try
        {
            await client.SendAsync(message, ct);
            return $"SMTP {options.Host}:{options.Port}";
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Describe(ex, message) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<string> WritePickupFileAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(pickupDirectory);
            var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{(message.MessageId ?? "").Split('@')[0]}.eml";
            var path = Path.Combine(pickupDirectory, name);
            // Write beside, then rename: a mail agent watching the folder never sees half a file.
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, path, overwrite: true);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException("无法写入服务器上的邮件投递目录，请系统管理员检查目录权限和磁盘空间（详情见系统日志）。", permanent: false, ex);
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        if (_connectFailure is not null) throw _connectFailure;
        if (_client is { IsConnected: true }) return _client;
        _client?.Dispose();
        _client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = options.UseStartTls ? SecureSocketOptions.StartTls
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        try
        {
            await _client.ConnectAsync(options.Host, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await _client.AuthenticateAsync(options.UserName, options.Password, ct);
            return _client;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Describe(ex, null) is { } failure)
        {
            _connectFailure = failure;
            throw failure;
        }
    }

    /// <summary>A Chinese description of what went wrong, or null for exceptions that are programming errors.</summary>
    private MailDeliveryException? Describe(Exception ex, MimeMessage? message)
    {
        var server = $"{options.Host}:{options.Port}";
        return ex switch
        {
            MailDeliveryException d => d,
            SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c when (int)c.StatusCode >= 500 =>
                new($"邮件服务器拒收收件人 {c.Mailbox?.Address ?? message?.To.ToString()}（{(int)c.StatusCode} {c.Message}）。请核对该用户的邮箱。", true, ex),
            SmtpCommandException c => new($"邮件服务器 {server} 拒绝了请求（{(int)c.StatusCode} {c.Message}）。", false, ex),
            AuthenticationException => new($"登录邮件服务器 {server} 失败，请检查 Mail:UserName 和 Mail:Password（{ex.Message}）。", false, ex),
            SslHandshakeException => new($"与邮件服务器 {server} 建立 TLS 加密连接失败，请检查 Mail:UseStartTls 和端口（{ex.Message}）。", false, ex),
            SmtpProtocolException or ServiceNotConnectedException => new($"与邮件服务器 {server} 通信出错（{ex.Message}）。", false, ex),
            SocketException => new($"无法连接邮件服务器 {server}（{ex.Message}）。", false, ex),
            IOException or TimeoutException or OperationCanceledException =>
                new($"邮件服务器 {server} 无响应或连接中断（{ex.Message}）。", false, ex),
            _ => null,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SocketException or TimeoutException or OperationCanceledException)
        {
            // The messages were already accepted; a failed QUIT changes nothing.
        }
        _client.Dispose();
    }
}
