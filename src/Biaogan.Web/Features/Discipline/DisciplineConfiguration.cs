using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Discipline;

internal sealed class OrganizationSanctionConfiguration : IEntityTypeConfiguration<OrganizationSanction>
{
    public void Configure(EntityTypeBuilder<OrganizationSanction> b)
    {
        b.ToTable("OrganizationSanctions");
        b.HasIndex(s => s.Number).IsUnique();
        // A later application is matched by 统一社会信用代码.
        b.HasIndex(s => new { s.Uscc, s.Status });
        b.HasIndex(s => new { s.OrganizationId, s.Status });
        b.HasIndex(s => new { s.CycleId, s.Status });
        b.Property(s => s.Number).HasMaxLength(30);
        b.Property(s => s.OrganizationName).HasMaxLength(200);
        b.Property(s => s.Uscc).HasMaxLength(18);
        b.Property(s => s.ApplicationNumber).HasMaxLength(30);
        b.Property(s => s.SourceNote).HasMaxLength(500);
        b.Property(s => s.Reason).HasMaxLength(OrganizationSanction.TextLength);
        b.Property(s => s.ProposedBy).HasMaxLength(100);
        b.Property(s => s.DecidedBy).HasMaxLength(100);
        b.Property(s => s.DecisionReason).HasMaxLength(OrganizationSanction.TextLength);
        // The votes are read with the proposal only.
        b.OwnsMany(s => s.Votes, v => v.ToJson());
    }
}

internal sealed class JudicialReferralConfiguration : IEntityTypeConfiguration<JudicialReferral>
{
    public void Configure(EntityTypeBuilder<JudicialReferral> b)
    {
        b.ToTable("JudicialReferrals");
        b.HasIndex(r => new { r.Subject, r.SubjectId });
        b.Property(r => r.SubjectName).HasMaxLength(200);
        b.Property(r => r.Authority).HasMaxLength(200);
        b.Property(r => r.Reference).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
    }
}
