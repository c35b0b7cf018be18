using Biaogan.Web.Features.Accounts;
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
        // Every table is configured by an IEntityTypeConfiguration class in its feature's *Configuration.cs file.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Conventions for every entity: the version is the concurrency token, the id is made by the entity.
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
