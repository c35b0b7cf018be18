using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Confirmation;

internal sealed class ConfirmationRoundConfiguration : IEntityTypeConfiguration<ConfirmationRound>
{
    public void Configure(EntityTypeBuilder<ConfirmationRound> b)
    {
        b.ToTable("ConfirmationRounds");
        b.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
        b.Property(r => r.OpenedBy).HasMaxLength(100);
        b.Property(r => r.Preface).HasMaxLength(ConfirmationRound.PrefaceLength);
    }
}

internal sealed class ConfirmationEntryConfiguration : IEntityTypeConfiguration<ConfirmationEntry>
{
    public void Configure(EntityTypeBuilder<ConfirmationEntry> b)
    {
        b.ToTable("ConfirmationEntries");
        b.HasIndex(e => e.RoundId);
        // A benchmark is confirmed once (第二十四条 “获奖三年后”): one entry per award, ever.
        b.HasIndex(e => e.AwardId).IsUnique();
        b.HasIndex(e => e.CaseId).IsUnique();
        b.HasIndex(e => e.OrganizationId);
        b.Property(e => e.CaseNumber).HasMaxLength(30);
        b.Property(e => e.OrganizationName).HasMaxLength(200);
        b.Property(e => e.CertificateNumber).HasMaxLength(40);
        b.Property(e => e.CategoryText).HasMaxLength(200);
        b.Property(e => e.ManagementChanges).HasMaxLength(ConfirmationEntry.TextLength);
        b.Property(e => e.Statement).HasMaxLength(2000);
        b.Property(e => e.SubmittedBy).HasMaxLength(100);
        b.Property(e => e.PublicReason).HasMaxLength(2000);
        b.Property(e => e.NoOpinionReason).HasMaxLength(1000);
        b.Property(e => e.NoOpinionBy).HasMaxLength(100);
        b.OwnsMany(e => e.Figures, f => f.ToJson());
    }
}

internal sealed class ConfirmationSeatConfiguration : IEntityTypeConfiguration<ConfirmationSeat>
{
    public void Configure(EntityTypeBuilder<ConfirmationSeat> b)
    {
        b.ToTable("ConfirmationSeats");
        b.HasIndex(s => s.EntryId);
        b.HasIndex(s => s.RoundId);
        b.HasIndex(s => s.ReviewerId);
        b.Property(s => s.ReviewerName).HasMaxLength(100);
        b.Property(s => s.ReviewerUserId).HasMaxLength(450);
        b.Property(s => s.EndedReason).HasMaxLength(1000);
    }
}

internal sealed class ConfirmationOpinionConfiguration : IEntityTypeConfiguration<ConfirmationOpinion>
{
    public void Configure(EntityTypeBuilder<ConfirmationOpinion> b)
    {
        b.ToTable("ConfirmationOpinions");
        b.HasIndex(o => o.EntryId);
        // One opinion per seat.
        b.HasIndex(o => o.SeatId).IsUnique();
        b.Property(o => o.ReviewerName).HasMaxLength(100);
        b.Property(o => o.ProposalReason).HasMaxLength(ConfirmationOpinion.ReasonLength);
        b.OwnsMany(o => o.Ratings, r => r.ToJson());
    }
}
