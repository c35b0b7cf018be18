using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Commitments;

internal sealed class QualityGoalsConfiguration : IEntityTypeConfiguration<QualityGoals>
{
    public void Configure(EntityTypeBuilder<QualityGoals> b)
    {
        b.ToTable("QualityGoals");
        b.HasIndex(g => g.AwardId).IsUnique();
        b.HasIndex(g => g.OrganizationId);
        b.Property(g => g.Goals).HasMaxLength(QualityGoals.TextLength);
        b.Property(g => g.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("ProgressReports");
        // One report per award and year: two people filing at once get one row and a Chinese message.
        b.HasIndex(r => new { r.AwardId, r.Year }).IsUnique();
        b.HasIndex(r => r.OrganizationId);
        b.Property(r => r.GoalProgress).HasMaxLength(ProgressReport.TextLength);
        b.Property(r => r.SatisfactionResults).HasMaxLength(ProgressReport.TextLength);
        b.Property(r => r.NewPractices).HasMaxLength(ProgressReport.TextLength);
        b.Property(r => r.FiledBy).HasMaxLength(100);
    }
}
