using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Notifications;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.ClaimedBy);
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(100);
        b.Property(m => m.Subject).HasMaxLength(MessageTemplate.MaxSubjectLength);
        b.Property(m => m.TemplateKey).HasMaxLength(100);
        b.Property(m => m.ClaimedBy).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        b.Property(m => m.AttachmentName).HasMaxLength(200);
        b.Property(m => m.AttachmentContentType).HasMaxLength(200);
    }
}

internal sealed class InboxConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.HasIndex(m => new { m.UserId, m.ReadAt });
        b.HasIndex(m => new { m.UserId, m.CreatedAt });
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Title).HasMaxLength(MessageTemplate.MaxSubjectLength);
        b.Property(m => m.Link).HasMaxLength(1000);
    }
}

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.HasIndex(t => t.Key).IsUnique();
        b.Property(t => t.Key).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(200);
        b.Property(t => t.Subject).HasMaxLength(MessageTemplate.MaxSubjectLength);
        b.Property(t => t.Placeholders).HasMaxLength(1000);
        b.Property(t => t.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class SentNoticeConfiguration : IEntityTypeConfiguration<SentNotice>
{
    public void Configure(EntityTypeBuilder<SentNotice> b)
    {
        b.HasIndex(n => n.Occasion).IsUnique();
        b.Property(n => n.Occasion).HasMaxLength(SentNotice.MaxOccasionLength);
        b.Property(n => n.TemplateKey).HasMaxLength(100);
    }
}
