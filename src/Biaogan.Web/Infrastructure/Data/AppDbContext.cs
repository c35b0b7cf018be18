using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext. Each feature contributes its tables through IEntityTypeConfiguration classes in
/// its own folder; the provider (SQLite or PostgreSQL) is a subclass chosen by configuration.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data-protection keys live in the database so that several app nodes share cookies and tokens.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries");
            b.HasIndex(a => new { a.SubjectType, a.SubjectId });
            b.HasIndex(a => a.At);
            b.Property(a => a.ActorName).HasMaxLength(200);
            b.Property(a => a.Action).HasMaxLength(200);
        });

        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.HasIndex(u => u.OrganizationId);
            b.HasIndex(u => u.RecommendingBodyId);
        });

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            builder.Entity(type.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(50);
    }
}
