using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Cycles;

internal sealed class CycleConfiguration : IEntityTypeConfiguration<Cycle>
{
    public void Configure(EntityTypeBuilder<Cycle> b)
    {
        b.HasIndex(c => c.Year).IsUnique();
        // Only one cycle accepts applications at a time, even when two offices click “开启” together.
        b.HasIndex(c => c.Status).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_Cycles_OneOpen");
        b.Property(c => c.MeasurementStandard).HasMaxLength(1000);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.StandardCode).HasMaxLength(100);
        b.Property(c => c.RulesApprovedBy).HasMaxLength(100);
        b.Property(c => c.ExpertGroupsDelegatedBy).HasMaxLength(100);
        b.Property(c => c.PlaceholderScoringConfirmedBy).HasMaxLength(100);
        b.Property(c => c.PlaceholderScoringReason).HasMaxLength(1000);
        b.OwnsMany(c => c.Stages, s =>
        {
            s.ToTable("CycleStages");
            s.WithOwner().HasForeignKey("CycleId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Code).HasMaxLength(50);
            s.Property(x => x.Name).HasMaxLength(100);
        });
        b.Navigation(c => c.Stages).AutoInclude();
        b.ComplexProperty(c => c.Settings, s =>
        {
            s.Property(x => x.AllowedFileTypes).HasMaxLength(200);
            s.Ignore(x => x.AllowedFileTypeList);
            s.Ignore(x => x.EvaluationOnSiteWeight);
            s.Ignore(x => x.NoticePeriodDeparts);
            s.Property(x => x.PublicNoticeWorkdaysReason).HasMaxLength(500);
        });
    }
}
