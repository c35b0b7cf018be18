using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.StageReports;

internal sealed class StageReportConfiguration : IEntityTypeConfiguration<StageReport>
{
    public void Configure(EntityTypeBuilder<StageReport> b)
    {
        b.ToTable("StageReports");
        b.HasIndex(r => new { r.CycleId, r.Kind }).IsUnique();
        b.Property(r => r.DataVersion).HasMaxLength(64);
        b.Property(r => r.GeneratedBy).HasMaxLength(450);
        b.OwnsMany(r => r.Responses, e => e.ToJson());
    }
}
