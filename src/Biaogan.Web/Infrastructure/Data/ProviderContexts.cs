using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Biaogan.Web.Infrastructure.Data;

/// <summary>SQLite: the embedded default. Instants are stored as UTC ticks and decimals as REAL so that
/// they can be compared and ordered in SQL, which SQLite's TEXT representation cannot.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        conventions.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>PostgreSQL: production. timestamptz accepts only UTC offsets, so every instant is normalised.</summary>
public sealed class PgAppDbContext(DbContextOptions<PgAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>PostgreSQL's converter for every instant: written as UTC, read as stored. A class of its own (not private) so that
/// the compiled model (CompiledModels/Postgres) can create it.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PgDesignFactory : IDesignTimeDbContextFactory<PgAppDbContext>
{
    public PgAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PgAppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=biaogan_design;Username=postgres;Password=postgres").Options);
}
