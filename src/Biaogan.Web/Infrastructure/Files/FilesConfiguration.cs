using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Infrastructure.Files;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.HasIndex(f => new { f.OwnerType, f.OwnerId });
        b.HasIndex(f => new { f.LogicalId, f.VersionNo }).IsUnique();
        b.Property(f => f.FileName).HasMaxLength(260);
        b.Property(f => f.Title).HasMaxLength(200);
        b.Property(f => f.Purpose).HasMaxLength(50);
        b.Property(f => f.Kind).HasMaxLength(10);
        b.Property(f => f.Sha256).HasMaxLength(64);
    }
}
