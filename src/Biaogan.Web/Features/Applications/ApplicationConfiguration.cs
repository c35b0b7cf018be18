using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Applications;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        // One live application per organisation and cycle; a withdrawn one does not block a new one.
        b.HasIndex(a => new { a.CycleId, a.OrganizationId }).IsUnique().HasFilter("\"Status\" <> 'Withdrawn'");
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => new { a.RecommendingBodyId, a.Status });
        b.HasIndex(a => a.Status);
        b.Property(a => a.Number).HasMaxLength(20);
        b.OwnsMany(a => a.Measurements, m => m.ToJson());
        b.OwnsMany(a => a.MandatoryCertifications, m => m.ToJson());
        b.OwnsMany(a => a.SelfEvaluation, m => m.ToJson());
    }
}
