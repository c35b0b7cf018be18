using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Qualification;

internal sealed class QualificationReviewConfiguration : IEntityTypeConfiguration<QualificationReview>
{
    public void Configure(EntityTypeBuilder<QualificationReview> b)
    {
        b.ToTable("QualificationReviews");
        b.HasIndex(r => new { r.ApplicationId, r.Round }).IsUnique();
        b.Property(r => r.DecidedByUserId).HasMaxLength(450);
        b.Property(r => r.DecidedByName).HasMaxLength(200);
        b.Property(r => r.DeadlineOverrideReason).HasMaxLength(1000);
        b.OwnsMany(r => r.Items, i => i.ToJson());
    }
}
