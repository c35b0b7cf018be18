using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Data.CompiledModels.Postgres;
using Biaogan.Web.Infrastructure.Data.CompiledModels.Sqlite;
using Biaogan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Data;

/// <summary>
/// docs/decisions/0053: the apps run on the compiled EF Core models in Infrastructure/Data/CompiledModels. These tests fail
/// when an entity or its configuration changed and the compiled models were not regenerated
/// (<c>bash scripts/regenerate-compiled-models.sh</c>): the model built from the configuration classes (what
/// <c>OnModelCreating</c> makes, the design-time model that migrations are diffed against) must give the same schema as the
/// compiled one, and the same entity types, properties, keys, foreign keys, navigations, indexes and query filters with
/// the same settings — also those that do not reach the schema (a concurrency token, a value converter).
/// </summary>
public class CompiledModelTests
{
    private const string Regenerate = "编译模型已过期 / the compiled model is out of date: run bash scripts/regenerate-compiled-models.sh";

    [Fact]
    public void The_SQLite_compiled_model_matches_the_model_built_from_the_configuration()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=compiled-model-check.db").UseModel(SqliteAppDbContextModel.Instance).Options);
        AssertSame(db);
    }

    [Fact]
    public void The_PostgreSQL_compiled_model_matches_the_model_built_from_the_configuration()
    {
        using var db = new PgAppDbContext(new DbContextOptionsBuilder<PgAppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=compiled_model_check").UseModel(PgAppDbContextModel.Instance).Options);
        AssertSame(db);
    }

    [Fact]
    public async Task The_app_runs_on_the_compiled_model_of_its_database()
    {
        await using var app = new AppFactory();
        var model = await app.WithDbAsync(db => Task.FromResult(db.Model));
        Assert.Same(TestDatabase.IsPostgres ? PgAppDbContextModel.Instance : SqliteAppDbContextModel.Instance, model);
    }

    private static void AssertSame(AppDbContext db)
    {
        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;
        Assert.IsAssignableFrom<RuntimeModel>(compiled);
        Assert.NotSame(compiled, built);

        // The schema the app reads and writes: tables, columns, keys, foreign keys and indexes of the relational model. (The
        // migrations differ cannot compare the two: a compiled model keeps only what the app needs at run time, not the
        // design-time settings such as collations that the differ reads; MigrationTests compares those with the migrations.)
        var wantSchema = DescribeSchema(built.GetRelationalModel());
        var haveSchema = DescribeSchema(compiled.GetRelationalModel());
        AssertEqual(wantSchema, haveSchema);

        // The rest of the model, element by element.
        var want = Describe(built);
        var have = Describe(compiled);
        AssertEqual(want, have);

        // The description must see the model, or the comparison above would pass on two empty lists.
        var entityTypes = built.GetEntityTypes().ToList();
        Assert.True(entityTypes.Count > 100, $"only {entityTypes.Count} entity types");
        Assert.Equal(entityTypes.Count, want.Count(l => l.StartsWith("E ", StringComparison.Ordinal)));
        Assert.Equal(entityTypes.Sum(t => t.GetDeclaredProperties().Count()), want.Count(l => l.StartsWith("P ", StringComparison.Ordinal)));
        Assert.Equal(entityTypes.Sum(t => t.GetDeclaredKeys().Count()), want.Count(l => l.StartsWith("K ", StringComparison.Ordinal)));
        Assert.Equal(entityTypes.Sum(t => t.GetDeclaredIndexes().Count()), want.Count(l => l.StartsWith("I ", StringComparison.Ordinal)));
        Assert.True(wantSchema.Count(l => l.StartsWith("T ", StringComparison.Ordinal)) > 50, "the schema description sees no tables");
        Assert.Equal(compiled.GetEntityTypes().Sum(t => t.GetDeclaredQueryFilters().Count),
            entityTypes.Sum(t => t.GetDeclaredQueryFilters().Count));
    }

    private static void AssertEqual(HashSet<string> want, HashSet<string> have)
    {
        var missing = want.Except(have).Order().ToList();
        var extra = have.Except(want).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, Regenerate + Environment.NewLine
            + "缺少 / built but not compiled:" + Environment.NewLine + string.Join(Environment.NewLine, missing) + Environment.NewLine
            + "多余 / compiled but no longer built:" + Environment.NewLine + string.Join(Environment.NewLine, extra));
    }

    private static HashSet<string> DescribeSchema(IRelationalModel schema)
    {
        var lines = new HashSet<string>();
        foreach (var t in schema.Tables)
        {
            lines.Add($"T {t.SchemaQualifiedName}");
            foreach (var c in t.Columns) lines.Add($"TC {t.Name}.{c.Name} {c.StoreType} null={c.IsNullable}");
            if (t.PrimaryKey is { } pk) lines.Add($"TK {t.Name} {pk.Name} [{string.Join(",", pk.Columns.Select(c => c.Name))}]");
            foreach (var u in t.UniqueConstraints) lines.Add($"TU {t.Name} {u.Name} [{string.Join(",", u.Columns.Select(c => c.Name))}]");
            foreach (var f in t.ForeignKeyConstraints)
                lines.Add($"TF {t.Name} {f.Name} [{string.Join(",", f.Columns.Select(c => c.Name))}] -> {f.PrincipalTable.Name} "
                    + $"[{string.Join(",", f.PrincipalColumns.Select(c => c.Name))}] {f.OnDeleteAction}");
            foreach (var i in t.Indexes)
                lines.Add($"TI {t.Name} {i.Name} unique={i.IsUnique} [{string.Join(",", i.Columns.Select(c => c.Name))}] filter={i.Filter}");
        }
        return lines;
    }

    /// <summary>One line per element of the model with the settings the app depends on.</summary>
    private static HashSet<string> Describe(IModel model)
    {
        var lines = new HashSet<string>();
        foreach (var t in model.GetEntityTypes())
        {
            var filters = string.Join(",", t.GetDeclaredQueryFilters().Select(f => f.Key + ":" + f.Expression));
            lines.Add($"E {t.Name} table={t.GetTableName()} json={t.GetContainerColumnName()} owned={t.IsOwned()} base={t.BaseType?.Name} filters=[{filters}]");
            foreach (var p in t.GetDeclaredProperties()) lines.Add("P " + t.Name + "." + Describe(p));
            foreach (var c in t.GetDeclaredComplexProperties()) Describe(lines, t.Name, c);
            foreach (var k in t.GetDeclaredKeys())
                lines.Add($"K {t.Name} [{Names(k.Properties)}] primary={k.IsPrimaryKey()} name={k.GetName()}");
            foreach (var f in t.GetDeclaredForeignKeys())
                lines.Add($"F {t.Name} [{Names(f.Properties)}] -> {f.PrincipalEntityType.Name} [{Names(f.PrincipalKey.Properties)}] "
                    + $"delete={f.DeleteBehavior} unique={f.IsUnique} required={f.IsRequired} ownership={f.IsOwnership} name={f.GetConstraintName()}");
            foreach (var n in t.GetDeclaredNavigations())
                lines.Add($"N {t.Name}.{n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} field={n.FieldInfo?.Name} eager={n.IsEagerLoaded}");
            foreach (var s in t.GetDeclaredSkipNavigations()) lines.Add($"S {t.Name}.{s.Name} -> {s.TargetEntityType.Name}");
            foreach (var i in t.GetDeclaredIndexes())
                lines.Add($"I {t.Name} [{Names(i.Properties)}] unique={i.IsUnique} name={i.GetDatabaseName()} filter={i.GetFilter()}");
            foreach (var s in t.GetDeclaredServiceProperties()) lines.Add($"V {t.Name}.{s.Name}");
        }
        return lines;
    }

    private static void Describe(HashSet<string> lines, string owner, IComplexProperty c)
    {
        lines.Add($"C {owner}.{c.Name} {c.ClrType.Name} null={c.IsNullable} collection={c.IsCollection} json={c.ComplexType.GetContainerColumnName()}");
        foreach (var p in c.ComplexType.GetDeclaredProperties()) lines.Add("CP " + owner + "." + c.Name + "." + Describe(p));
        foreach (var inner in c.ComplexType.GetDeclaredComplexProperties()) Describe(lines, owner + "." + c.Name, inner);
    }

    private static string Describe(IProperty p)
    {
        var mapping = p.GetTypeMapping();
        return $"{p.Name} {p.ClrType.Name} null={p.IsNullable} concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} "
            + $"max={p.GetMaxLength()} unicode={p.IsUnicode()} precision={p.GetPrecision()},{p.GetScale()} column={p.GetColumnName()} "
            + $"json={p.GetJsonPropertyName()} store={(mapping as Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)?.StoreType} provider={(mapping.Converter?.ProviderClrType ?? p.ClrType).Name} "
            + $"converter={mapping.Converter?.GetType().Name} shadow={p.IsShadowProperty()} field={p.FieldInfo?.Name} "
            + $"access={p.GetPropertyAccessMode()} key={p.IsKey()} foreignKey={p.IsForeignKey()}";
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
