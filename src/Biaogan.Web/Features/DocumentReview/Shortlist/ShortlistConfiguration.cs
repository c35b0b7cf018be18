using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

internal sealed class ShortlistDecisionConfiguration : IEntityTypeConfiguration<ShortlistDecision>
{
    public void Configure(EntityTypeBuilder<ShortlistDecision> b)
    {
        b.ToTable("ShortlistDecisions");
        b.HasIndex(d => new { d.CycleId, d.Category }).IsUnique();
        b.Property(d => d.FinalisedBy).HasMaxLength(450);
        b.OwnsMany(d => d.Entries, e => e.ToJson());
        b.Ignore(d => d.IsFinal);
    }
}

internal sealed class ShortlistVoteConfiguration : IEntityTypeConfiguration<ShortlistVote>
{
    public void Configure(EntityTypeBuilder<ShortlistVote> b)
    {
        b.ToTable("ShortlistVotes");
        b.HasIndex(v => new { v.ApplicationId, v.MemberId }).IsUnique();
        b.HasIndex(v => v.CycleId);
        b.Property(v => v.MemberId).HasMaxLength(450);
        b.Property(v => v.Reason).HasMaxLength(2000);
    }
}

internal sealed class CommitteeConflictConfiguration : IEntityTypeConfiguration<CommitteeConflict>
{
    public void Configure(EntityTypeBuilder<CommitteeConflict> b)
    {
        b.ToTable("CommitteeConflicts");
        b.HasIndex(c => new { c.CycleId, c.MemberId });
        b.HasIndex(c => c.ApplicationId);
        b.Property(c => c.MemberId).HasMaxLength(450);
        b.Property(c => c.RecordedBy).HasMaxLength(450);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.WithdrawReason).HasMaxLength(2000);
        b.Ignore(c => c.Active);
    }
}
