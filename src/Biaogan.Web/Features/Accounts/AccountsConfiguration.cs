using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Accounts;

/// <summary>Our columns on the Identity user table (Identity's own mapping comes from IdentityDbContext).</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.HasIndex(u => u.OrganizationId);
        b.HasIndex(u => u.RecommendingBodyId);
    }
}
