using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, collecting every message it
/// accepts. It starts stopped, so a test can first see how the app copes with SMTP being down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    private CancellationTokenSource? _stop;
    private Task? _running;

    public async Task StartAsync()
    {
        if (_running is not null) return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    /// <summary>Messages addressed to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(20);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is null || _running is null) return;
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            sink.Messages.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>The app sending through <see cref="SmtpSink"/> (not started until a test starts it).</summary>
public class SmtpAppFactory : NotificationsAppFactory
{
    public SmtpSink Sink { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => base.ExtraSettings.Concat(
    [
        new("Mail:Host", "127.0.0.1"),
        new("Mail:Port", Sink.Port.ToString()),
        new("Mail:TimeoutSeconds", "20"),
    ]);

    public override async ValueTask DisposeAsync()
    {
        await Sink.DisposeAsync();
        await base.DisposeAsync();
    }
}
