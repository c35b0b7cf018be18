using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Governance;

internal sealed class LeadingGroupDecisionConfiguration : IEntityTypeConfiguration<LeadingGroupDecision>
{
    public void Configure(EntityTypeBuilder<LeadingGroupDecision> b)
    {
        b.ToTable("LeadingGroupDecisions");
        b.HasIndex(d => new { d.CycleId, d.Kind, d.Status });
        b.HasIndex(d => d.PlanId);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Proposal).HasMaxLength(LeadingGroupDecision.TextLength);
        b.Property(d => d.SubjectFingerprint).HasMaxLength(8000);
        b.Property(d => d.ProposedBy).HasMaxLength(100);
        b.Property(d => d.DecidedBy).HasMaxLength(100);
        b.Property(d => d.Reason).HasMaxLength(LeadingGroupDecision.TextLength);
    }
}

internal sealed class RulingConfiguration : IEntityTypeConfiguration<Ruling>
{
    public void Configure(EntityTypeBuilder<Ruling> b)
    {
        b.ToTable("Rulings");
        // Numbers run per year; two rulings recorded at once cannot take the same number.
        b.HasIndex(r => new { r.Year, r.Number }).IsUnique();
        b.Property(r => r.Question).HasMaxLength(500);
        b.Property(r => r.Text).HasMaxLength(Ruling.TextLength);
        b.Property(r => r.Reasons).HasMaxLength(Ruling.TextLength);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.Ignore(r => r.Reference);
    }
}

internal sealed class RulingCitationConfiguration : IEntityTypeConfiguration<RulingCitation>
{
    public void Configure(EntityTypeBuilder<RulingCitation> b)
    {
        b.ToTable("RulingCitations");
        b.HasIndex(c => new { c.SubjectType, c.SubjectId });
        b.HasIndex(c => c.RulingId);
        b.Property(c => c.SubjectType).HasMaxLength(50);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.CitedBy).HasMaxLength(100);
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("CommitteeMembers");
        b.HasIndex(m => new { m.CycleId, m.Committee });
        b.Property(m => m.Committee).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Affiliation).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Unit).HasMaxLength(200);
        b.Property(m => m.Post).HasMaxLength(100);
        b.Property(m => m.UserId).HasMaxLength(100);
        b.Property(m => m.AddedBy).HasMaxLength(100);
        b.Property(m => m.ApprovedBy).HasMaxLength(100);
        b.Property(m => m.RemovedBy).HasMaxLength(100);
        b.Ignore(m => m.IsActive);
        b.Ignore(m => m.IsApproved);
        b.Ignore(m => m.StatusDisplay);
    }
}
