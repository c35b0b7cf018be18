using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Notifications;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>An e-mail waiting to be sent. Written in the same transaction as the change it reports;
/// a background sender claims, sends and retries it, so no request ever waits for SMTP.</summary>
public sealed class OutboxMessage : Entity
{
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string TemplateKey { get; set; } = "";
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Row claim for exactly-once sending across several app nodes.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
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
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>A Chinese notification template the office can edit; placeholders look like {{组织名称}}.</summary>
public sealed class MessageTemplate : Entity
{
    public string Key { get; set; } = "";
    /// <summary>What the template is for, shown to the office.</summary>
    public string Description { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Placeholders the system fills, comma separated, shown beside the editor.</summary>
    public string Placeholders { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.Subject).HasMaxLength(300);
    }
}

internal sealed class InboxConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.HasIndex(m => new { m.UserId, m.ReadAt });
        b.Property(m => m.Title).HasMaxLength(300);
    }
}

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.HasIndex(t => t.Key).IsUnique();
        b.Property(t => t.Key).HasMaxLength(100);
    }
}
