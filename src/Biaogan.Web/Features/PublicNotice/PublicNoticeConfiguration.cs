using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.PublicNotice;

internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> b)
    {
        b.ToTable("PublicNotices");
        b.HasIndex(n => n.CycleId).IsUnique();
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Text).HasMaxLength(4000);
        b.Property(n => n.WorkdaysReason).HasMaxLength(500);
        b.Property(n => n.PostalAddress).HasMaxLength(300);
        b.Property(n => n.Phone).HasMaxLength(60);
        b.Property(n => n.Email).HasMaxLength(200);
        b.Property(n => n.IssuedBy).HasMaxLength(200);
        b.Property(n => n.PublishedBy).HasMaxLength(450);
        b.OwnsMany(n => n.Entries, e => e.ToJson());
        b.OwnsMany(n => n.Corrections, e => e.ToJson());
        b.Ignore(n => n.CorrectionPending);
        b.Ignore(n => n.Listed);
        b.Ignore(n => n.PeriodText);
        b.Ignore(n => n.DatesText);
        b.Ignore(n => n.DeadlineText);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("Objections");
        b.HasIndex(o => o.ReceiptNumber).IsUnique();
        b.HasIndex(o => new { o.NoticeId, o.Status });
        b.Property(o => o.ReceiptNumber).HasMaxLength(20);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Conclusion).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.OrganizationName).HasMaxLength(200);
        b.Property(o => o.ObjectorName).HasMaxLength(50);
        b.Property(o => o.UnitName).HasMaxLength(200);
        b.Property(o => o.IdLast4).HasMaxLength(4);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Email).HasMaxLength(200);
        b.Property(o => o.Grounds).HasMaxLength(Objection.MaxGrounds);
        b.Property(o => o.Reply).HasMaxLength(Objection.MaxGrounds);
        b.Property(o => o.RepliedByName).HasMaxLength(100);
        b.Property(o => o.Finding).HasMaxLength(4000);
        b.Property(o => o.ConclusionReason).HasMaxLength(2000);
        b.Property(o => o.PublicConclusion).HasMaxLength(2000);
        b.Property(o => o.ConcludedBy).HasMaxLength(450);
        b.OwnsMany(o => o.Notes, n => n.ToJson());
        b.Ignore(o => o.IsOpen);
    }
}

internal sealed class LateObjectionConfiguration : IEntityTypeConfiguration<LateObjection>
{
    public void Configure(EntityTypeBuilder<LateObjection> b)
    {
        b.ToTable("LateObjections");
        b.HasIndex(l => l.CycleId);
        b.Property(l => l.OrganizationName).HasMaxLength(200);
    }
}
