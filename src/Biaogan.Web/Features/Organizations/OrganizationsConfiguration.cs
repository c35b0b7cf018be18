using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasIndex(o => o.Uscc).IsUnique();
        b.Property(o => o.Uscc).HasMaxLength(18);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.ProvinceCode).HasMaxLength(2);
        b.Property(o => o.CityCode).HasMaxLength(4);
        b.Property(o => o.IndustrySection).HasMaxLength(1);
        b.Property(o => o.IndustryDivision).HasMaxLength(2);
    }
}

internal sealed class RecommendingBodyConfiguration : IEntityTypeConfiguration<RecommendingBody>
{
    public void Configure(EntityTypeBuilder<RecommendingBody> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.HasIndex(o => o.Name);
    }
}
