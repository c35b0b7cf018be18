using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Approval;

internal sealed class ApprovalRoundConfiguration : IEntityTypeConfiguration<ApprovalRound>
{
    public void Configure(EntityTypeBuilder<ApprovalRound> b)
    {
        b.ToTable("ApprovalRounds");
        b.HasIndex(r => r.CycleId).IsUnique();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.FinalisedBy).HasMaxLength(450);
        b.OwnsMany(r => r.Items, e => e.ToJson());
        b.OwnsMany(r => r.Votes, e => e.ToJson());
        b.Ignore(r => r.IsFinal);
    }
}
