using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.HasIndex(c => c.ReceiptNumber).IsUnique();
        b.HasIndex(c => c.CaseId);
        b.HasIndex(c => c.AwardId);
        b.Property(c => c.ReceiptNumber).HasMaxLength(20);
        b.Property(c => c.CompanyName).HasMaxLength(200);
        b.Property(c => c.ComplainantName).HasMaxLength(50);
        b.Property(c => c.UnitName).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.Email).HasMaxLength(200);
        b.Property(c => c.Grounds).HasMaxLength(Complaint.MaxGrounds);
        b.Property(c => c.CaseNumber).HasMaxLength(30);
        b.Property(c => c.Finding).HasMaxLength(Complaint.TextLength);
        b.Property(c => c.PublicOutcome).HasMaxLength(Complaint.TextLength);
        b.Property(c => c.ConcludedBy).HasMaxLength(100);
        b.OwnsMany(c => c.Notes, n => n.ToJson());
    }
}
