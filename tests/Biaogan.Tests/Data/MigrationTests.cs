using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Data;

/// <summary>Both providers' migrations describe the current model and carry the same names.</summary>
public class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh <Name> after changing the model.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PgDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh <Name> after changing the model.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignFactory().CreateDbContext([]);
        using var pg = new PgDesignFactory().CreateDbContext([]);
        Assert.Equal(sqlite.Database.GetMigrations(), pg.Database.GetMigrations());
    }
}
