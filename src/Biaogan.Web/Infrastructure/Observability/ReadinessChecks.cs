using System.Net.Sockets;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Infrastructure.Observability;

/// <summary>The database answers a query on one of the application's own tables (so an empty or foreign database fails too).</summary>
public sealed class DatabaseReadiness(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<AuditChainHead>().AsNoTracking().CountAsync(ct);
            return HealthCheckResult.Healthy("数据库可以访问。");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"数据库无法访问：{ex.GetType().Name}。请检查数据库服务和 ConnectionStrings:Biaogan。");
        }
    }
}

/// <summary>The file store's folder takes a new file (written, read back and removed).</summary>
public sealed class FileStoreReadiness(IConfiguration config, IHostEnvironment env) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(config["Files:Root"] ?? "App_Data/files", env.ContentRootPath);
        return await WritableAsync(Path.Combine(root, "tmp"), ct)
            ? HealthCheckResult.Healthy("文件存储可写。")
            : HealthCheckResult.Unhealthy($"文件存储目录不可写：{root}。请检查磁盘空间和目录权限（Files:Root）。");
    }

    internal static async Task<bool> WritableAsync(string folder, CancellationToken ct)
    {
        var probe = Path.Combine(folder, ".ready-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(probe, "ok", ct);
            return await File.ReadAllTextAsync(probe, ct) == "ok";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            try { File.Delete(probe); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>Mail can leave: the SMTP server accepts a TCP connection, or (pickup mode) the pickup folder is writable.</summary>
public sealed class MailReadiness(IOptions<MailOptions> options, IHostEnvironment env) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var mail = options.Value;
        if (mail.UsePickupDirectory)
        {
            var folder = Path.GetFullPath(mail.PickupDirectory, env.ContentRootPath);
            return await FileStoreReadiness.WritableAsync(folder, ct)
                ? HealthCheckResult.Healthy("邮件投递目录可写（未配置 SMTP）。")
                : HealthCheckResult.Unhealthy($"邮件投递目录不可写：{folder}。");
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Min(mail.TimeoutSeconds, 5)));
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(mail.Host, mail.Port, timeout.Token);
            return HealthCheckResult.Healthy($"SMTP 服务器 {mail.Host}:{mail.Port} 可以连接。");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            // Degraded, not unhealthy: the outbox keeps e-mails and retries, so the site can still serve.
            return HealthCheckResult.Degraded($"SMTP 服务器 {mail.Host}:{mail.Port} 无法连接，邮件留在发件箱中等待重试。");
        }
    }
}
