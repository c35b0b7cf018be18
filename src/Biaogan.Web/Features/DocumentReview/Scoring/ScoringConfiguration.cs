using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> b)
    {
        b.ToTable("ScoreSheets");
        b.HasIndex(s => s.MemberId).IsUnique();
        b.HasIndex(s => new { s.ApplicationId, s.Status });
        b.HasIndex(s => new { s.ReviewerId, s.Status });
        b.HasIndex(s => new { s.CycleId, s.Status });
        b.OwnsMany(s => s.Items, i =>
        {
            i.ToJson();
            i.OwnsMany(x => x.Strengths, c => c.OwnsMany(y => y.Citations));
            i.OwnsMany(x => x.Opportunities, c => c.OwnsMany(y => y.Citations));
        });
        b.Ignore(s => s.IsComplete);
    }
}

internal sealed class ConsensusSheetConfiguration : IEntityTypeConfiguration<ConsensusSheet>
{
    public void Configure(EntityTypeBuilder<ConsensusSheet> b)
    {
        b.ToTable("ConsensusSheets");
        b.HasIndex(s => s.GroupId).IsUnique();
        b.HasIndex(s => s.ApplicationId);
        b.HasIndex(s => new { s.CycleId, s.Status });
        b.Property(s => s.AgreedBy).HasMaxLength(450);
        b.Property(s => s.Summary).HasMaxLength(4000);
        b.OwnsMany(s => s.Items, i =>
        {
            i.ToJson();
            i.OwnsMany(x => x.Strengths, c => c.OwnsMany(y => y.Citations));
            i.OwnsMany(x => x.Opportunities, c => c.OwnsMany(y => y.Citations));
        });
    }
}
