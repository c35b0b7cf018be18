using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Files;

/// <summary>With several nodes the <c>migrate</c> command migrates once; a node does not migrate at start.</summary>
public class MigrateOnStartTests
{
    [Fact]
    public async Task A_node_set_not_to_migrate_refuses_to_start_on_an_unmigrated_database_and_says_to_run_migrate()
    {
        // Every test database starts from the migrated template (TestDatabase); this node gets an empty one instead.
        var empty = TestDatabase.NewEmptyConnectionString(Directory.CreateTempSubdirectory("biaogan-empty-").FullName);
        await using var node = new NodeFactory("local",
            extra: [new("Database:MigrateOnStart", "false"), new("ConnectionStrings:Biaogan", empty)]);
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => node.Services);
            Assert.Contains("请先运行一次 `Biaogan.Web migrate`", error.ToString());
        }
        finally { TestDatabase.Drop(empty); }
    }

    [Fact]
    public async Task A_node_set_not_to_migrate_starts_on_a_database_that_is_already_migrated()
    {
        await using var first = new NodeFactory("local");
        _ = first.Services;
        await using var second = new NodeFactory("local", sameSiteAs: first, extra: [new("Database:MigrateOnStart", "false")]);
        var response = await second.CreateClient().GetAsync("/Public/Verify");
        Assert.True(response.IsSuccessStatusCode);
    }
}
