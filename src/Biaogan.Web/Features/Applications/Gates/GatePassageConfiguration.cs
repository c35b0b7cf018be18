using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Applications.Gates;

internal sealed class GatePassageConfiguration : IEntityTypeConfiguration<GatePassage>
{
    public void Configure(EntityTypeBuilder<GatePassage> b)
    {
        b.ToTable("GatePassages");
        b.HasIndex(p => p.CycleId);
        b.Property(p => p.PassedBy).HasMaxLength(450);
        b.OwnsMany(p => p.LeftOut, e => e.ToJson());
    }
}
