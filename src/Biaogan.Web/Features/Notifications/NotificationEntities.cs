using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>An e-mail waiting to be sent. Written in the same transaction as the change it reports;
/// a background sender (<see cref="OutboxDispatcher"/>) claims, sends and retries it, so no request ever waits for SMTP.</summary>
public sealed class OutboxMessage : Entity
{
    public const int MaxErrorLength = 1000;

    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string TemplateKey { get; set; } = "";
    /// <summary>One attached file (e.g. the .ics of a site visit), or null; small text files only.</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public string? AttachmentContent { get; set; }
    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;
    /// <summary>Delivery attempts so far, successful or not.</summary>
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Row claim for exactly-once sending across several app nodes.</summary>
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset now)
    {
        RequirePending();
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = now;
        ReleaseClaim();
        RecordAction("邮件已发送");
    }

    /// <summary>
    /// Records a failed attempt: retried after 1, 2, 4 … minutes (at most an hour), failed for good after
    /// <paramref name="maxAttempts"/> attempts or at once when retrying cannot help (e.g. an invalid address).
    /// </summary>
    public void RecordFailure(string error, DateTimeOffset now, int maxAttempts, bool permanent = false)
    {
        RequirePending();
        Attempts++;
        LastError = TextLimit.Truncate(error, MaxErrorLength);
        ReleaseClaim();
        if (permanent || Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            RecordAction("邮件发送失败");
            return;
        }
        NextAttemptAt = now + RetryDelay(Attempts);
        RecordAction("邮件发送失败，等待重试");
    }

    /// <summary>Puts a failed e-mail back in the queue after the office fixed the cause.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed)
            throw new DomainRuleException("只有发送失败的邮件可以重新发送；这封邮件已发送或仍在等待发送。");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        RecordAction("重新发送邮件");
    }

    /// <summary>Exponential backoff: 1, 2, 4, 8 … minutes after the n-th failure, capped at 60.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Clamp(attempts - 1, 0, 6))));

    private void ReleaseClaim()
    {
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    private void RequirePending()
    {
        if (Status != OutboxStatus.Pending)
            throw new DomainRuleException("这封邮件已不在待发送状态，不能再次发送。");
    }
}

/// <summary>站内信 — an in-app message for one user.</summary>
public sealed class InboxItem : Entity
{
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Local link to the thing the message is about.</summary>
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now)
    {
        if (ReadAt is not null) return;
        ReadAt = now;
        RecordAction("阅读站内信");
    }
}

/// <summary>A Chinese notification template the office can edit; placeholders look like {{组织名称}}.</summary>
public sealed class MessageTemplate : Entity
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 10000;

    public string Key { get; set; } = "";
    /// <summary>What the template is for, shown to the office.</summary>
    public string Description { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Placeholders the system fills, comma separated, shown beside the editor.</summary>
    public string Placeholders { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>A fresh row with the same content (the defaults in code are shared, never tracked).</summary>
    public MessageTemplate Copy(DateTimeOffset now) => new()
    {
        Key = Key, Description = Description, Subject = Subject, Body = Body, Placeholders = Placeholders,
        UpdatedAt = now, UpdatedBy = UpdatedBy,
    };

    /// <summary>The office changes subject and body; a placeholder the system cannot fill is refused.</summary>
    public void Edit(string subject, string body, string by, DateTimeOffset now)
    {
        subject = (subject ?? "").Trim();
        body = (body ?? "").Replace("\r\n", "\n").TrimEnd();
        if (subject.Length == 0) throw new DomainRuleException("请填写邮件主题。");
        if (subject.Contains('\n')) throw new DomainRuleException("邮件主题不能换行，请写成一行。");
        if (subject.Length > MaxSubjectLength) throw new DomainRuleException($"邮件主题不能超过 {MaxSubjectLength} 个字，请精简。");
        if (body.Trim().Length == 0) throw new DomainRuleException("请填写正文。");
        if (body.Length > MaxBodyLength) throw new DomainRuleException($"正文不能超过 {MaxBodyLength} 个字，请精简。");
        var unknown = TemplateText.Unknown(Placeholders, subject, body);
        if (unknown.Count > 0)
            throw new DomainRuleException(
                $"本模板不提供占位符 {string.Join("、", unknown.Select(u => "{{" + u + "}}"))}，系统无法填写，收件人会原样看到这些文字。" +
                "请删除，或改用“可用占位符”中列出的名称。");
        if (subject == Subject && body == Body) return;
        Subject = subject;
        Body = body;
        UpdatedBy = by;
        UpdatedAt = now;
        RecordAction("修改通知模板");
    }

    /// <summary>Puts the system's original text back (恢复默认).</summary>
    public void RestoreDefault(MessageTemplate original, string by, DateTimeOffset now)
    {
        Subject = original.Subject;
        Body = original.Body;
        Placeholders = original.Placeholders;
        UpdatedBy = by;
        UpdatedAt = now;
        RecordAction("恢复默认通知模板");
    }

    /// <summary>True while the text is still the system's original.</summary>
    public bool IsDefault => DefaultTemplates.Find(Key) is { } d && d.Subject == Subject && d.Body == Body;
}
