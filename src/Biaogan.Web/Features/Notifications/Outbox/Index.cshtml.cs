using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications.Outbox;

/// <summary>/Notifications/Outbox — the office sees what was e-mailed, what waits, what failed and why, and resends.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, MailTransport transport, NotificationOffice office) : AppPageModel
{
    public const int Shown = 100;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public OutboxStatus? Status { get; private set; }

    /// <summary>How e-mail leaves this installation, in words for the office.</summary>
    public string Delivery => transport.Options.UsePickupDirectory
        ? "未配置发信服务器：邮件只保存在服务器的投递目录中，不会真正发给收件人。请联系系统管理员配置发信服务器（运维说明“邮件”一节）。"
        : $"通过邮件服务器 {transport.Options.Host}:{transport.Options.Port} 发送；失败的邮件会按 1、2、4……分钟（最长 1 小时）自动重试，共尝试 {transport.Options.MaxAttempts} 次。";

    public static string Display(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "待发送",
        OutboxStatus.Sent => "已发送",
        _ => "发送失败",
    };

    public async Task OnGetAsync(OutboxStatus? status)
    {
        Status = status;
        Counts = (await db.Set<OutboxMessage>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        Messages = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Shown).ToListAsync();
    }

    /// <summary>重新发送: a failed e-mail goes back into the queue, with a fresh set of attempts.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var message = await office.RetryAsync(id, HttpContext.RequestAborted);
        if (message is null) return NotFound();
        Flash = $"已将发给 {message.ToName}（{message.ToAddress}）的邮件重新加入发送队列。";
        return RedirectToPage(new { status = OutboxStatus.Failed });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await OnGetAsync(OutboxStatus.Failed);
        return Page();
    }
}
