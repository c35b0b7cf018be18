using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

internal sealed class FeedbackReportConfiguration : IEntityTypeConfiguration<FeedbackReport>
{
    public void Configure(EntityTypeBuilder<FeedbackReport> b)
    {
        b.ToTable("FeedbackReports");
        b.HasIndex(r => r.ApplicationId).IsUnique();
        b.HasIndex(r => new { r.CycleId, r.Status });
        b.Property(r => r.Summary).HasMaxLength(8000);
        b.Property(r => r.ApprovedBy).HasMaxLength(450);
        b.OwnsMany(r => r.Sections, s => s.ToJson());
        b.Ignore(r => r.IsReleased);
    }
}
