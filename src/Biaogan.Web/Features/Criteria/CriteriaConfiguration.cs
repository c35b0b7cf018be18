using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Criteria;

internal sealed class CriteriaVersionConfiguration : IEntityTypeConfiguration<CriteriaVersion>
{
    public void Configure(EntityTypeBuilder<CriteriaVersion> b)
    {
        b.ToTable("CriteriaVersions");
        b.Property(v => v.Code).HasMaxLength(CriteriaValidation.MaxCodeLength);
        b.Property(v => v.Key).HasMaxLength(CriteriaVersion.MaxKeyLength);
        b.Property(v => v.Label).HasMaxLength(CriteriaValidation.MaxTitleLength);
        b.Property(v => v.Title).HasMaxLength(CriteriaValidation.MaxTitleLength);
        b.Property(v => v.Content);
        b.HasIndex(v => v.Key).IsUnique();
        b.HasIndex(v => new { v.Code, v.VersionNo }).IsUnique();
    }
}
