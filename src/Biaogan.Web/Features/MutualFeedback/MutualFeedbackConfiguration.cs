using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.MutualFeedback;

internal sealed class MutualRatingConfiguration : IEntityTypeConfiguration<MutualRating>
{
    public void Configure(EntityTypeBuilder<MutualRating> b)
    {
        b.ToTable("MutualRatings");
        b.HasIndex(r => new { r.ApplicationId, r.Direction, r.ReviewerId }).IsUnique();
        b.HasIndex(r => r.ReviewerId);
        b.HasIndex(r => r.CycleId);
        b.Property(r => r.AuthorUserId).HasMaxLength(450);
        b.Property(r => r.QuestionSet).HasMaxLength(20);
        b.Property(r => r.Comments).HasMaxLength(4000);
        b.Property(r => r.ReopenReason).HasMaxLength(1000);
        b.OwnsMany(r => r.Answers, a => a.ToJson());
        b.Ignore(r => r.Locked);
    }
}
