using Biaogan.Tests.Cli;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Audit;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Audit;

/// <summary>
/// Tamper-evident audit (issue 10, item 7): every row is chained by SHA-256 to the one before it, and
/// <c>verify-audit</c> names the first row that was changed, removed or inserted by SQL behind the application.
/// Each test gets its own application because tampering breaks the chain for good.
/// </summary>
[Collection(CliCollection.Name)]
public class AuditChainTests
{
    private sealed class ChainApp : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("Audit:VerifySeconds", "0"), new("Audit:PublishDailyHead", "false")];
    }

    [Fact]
    public async Task Rows_saved_concurrently_form_one_gapless_chain_that_verify_audit_accepts()
    {
        await using var app = new ChainApp();
        _ = app.Server;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AuditChainKit.AppendAsync(app, 5)));
        var sequences = await app.WithDbAsync(db => db.Set<AuditEntry>().OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);

        var r = await CliConsole.RunAsync(app, "verify-audit");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains($"共 {sequences.Count} 条记录", r.Out);
        var last = await AuditChainKit.RowAsync(app, sequences[^1]);
        Assert.Contains($"链头：{last.Sequence}:{last.Hash}", r.Out);
    }

    [Fact]
    public async Task A_row_changed_by_SQL_is_named_by_verify_audit_and_the_audit_page_warns()
    {
        await using var app = new ChainApp();
        _ = app.Server;
        await AuditChainKit.AppendAsync(app, 6);
        var target = await AuditChainKit.LastSequenceAsync(app) - 3;
        await AuditChainKit.DisableGuardAsync(app);
        await AuditChainKit.SqlAsync(app, $"UPDATE \"AuditEntries\" SET \"ActorName\" = '冒名顶替者' WHERE \"Sequence\" = {target}");

        var r = await CliConsole.RunAsync(app, "verify-audit");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"序号 {target} 的审计记录", r.Error);
        Assert.Contains("内容已被修改", r.Error);

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var warning = (await office.GetAsync("/Audit")).QuerySelector("#audit-chain-broken");
        Assert.NotNull(warning);
        Assert.Contains($"序号 {target}", warning.TextContent);
    }

    [Fact]
    public async Task A_row_deleted_by_SQL_is_reported_as_missing()
    {
        await using var app = new ChainApp();
        _ = app.Server;
        await AuditChainKit.AppendAsync(app, 6);
        var target = await AuditChainKit.LastSequenceAsync(app) - 2;
        await AuditChainKit.DisableGuardAsync(app);
        await AuditChainKit.SqlAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {target}");

        var r = await CliConsole.RunAsync(app, "verify-audit");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"序号 {target} 的审计记录已被删除", r.Error);
    }

    [Fact]
    public async Task A_row_inserted_out_of_order_with_a_correct_hash_of_its_own_is_named_as_inserted()
    {
        await using var app = new ChainApp();
        _ = app.Server;
        await AuditChainKit.AppendAsync(app, 6);
        var k = await AuditChainKit.LastSequenceAsync(app) - 3;
        var before = await AuditChainKit.RowAsync(app, k);
        await AuditChainKit.DisableGuardAsync(app);
        // Make room after row k (two steps, so the unique index never sees a duplicate), then slip a forged row in
        // whose own hash and link to row k are exactly what the application would have written.
        await AuditChainKit.SqlAsync(app, $"UPDATE \"AuditEntries\" SET \"Sequence\" = -\"Sequence\" WHERE \"Sequence\" > {k}");
        await AuditChainKit.SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Sequence\" = 1 - \"Sequence\" WHERE \"Sequence\" < 0");
        var forged = new AuditEntry
        {
            At = before.At, ActorName = "秘书处", EntityType = "ConflictDeclaration", EntityId = "x", SubjectType = "Test",
            SubjectId = "x", Action = "确认利益冲突",
        };
        forged.Seal(k + 1, before.Hash);
        await using (var raw = AuditChainKit.RawContext(app))
        {
            raw.Add(forged);
            await raw.SaveChangesAsync();
        }

        var r = await CliConsole.RunAsync(app, "verify-audit");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"序号 {k + 1} 的审计记录（记录编号 {forged.Id}，确认利益冲突）是事后插入的", r.Error);
    }

    [Fact]
    public async Task A_cut_tail_shows_against_the_published_head_and_the_head_given_on_the_command_line()
    {
        await using var app = new ChainApp();
        _ = app.Server;
        var leader = await Cast.PersonAsync(app, "王领导", Roles.LeadingGroup);
        await AuditChainKit.AppendAsync(app, 4);
        var published = await CliConsole.RunAsync(app, "publish-audit-head", "--day", "2026-11-27");
        Assert.Equal(0, published.ExitCode);
        var again = await CliConsole.RunAsync(app, "publish-audit-head", "--day", "2026-11-27");
        Assert.Contains("已发布过", again.Out);
        var checkpoint = await app.WithDbAsync(db => db.Set<AuditChainCheckpoint>().SingleAsync());
        var inbox = await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => i.UserId == leader.UserId).ToListAsync());
        Assert.Contains(inbox, i => i.Body.Contains($"{checkpoint.Sequence}:{checkpoint.Hash}"));
        Assert.Single(inbox, i => i.Title.Contains("审计日志校验值"));

        // The attacker removes the last rows and rewinds the head row to match, so every remaining link is consistent.
        await AuditChainKit.DisableGuardAsync(app);
        var keep = await AuditChainKit.RowAsync(app, checkpoint.Sequence - 2);
        await AuditChainKit.SqlAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {keep.Sequence}");
        await AuditChainKit.SqlAsync(app, $"UPDATE \"AuditChainHeads\" SET \"Sequence\" = {keep.Sequence}, \"Hash\" = '{keep.Hash}'");
        var r = await CliConsole.RunAsync(app, "verify-audit");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"审计日志只到序号 {keep.Sequence}，而2026-11-27 发布的链头已到序号 {checkpoint.Sequence}", r.Error);

        // Even with the checkpoints deleted too, the head the leading group kept in its inbox still shows it.
        await AuditChainKit.SqlAsync(app, "DELETE FROM \"AuditChainCheckpoints\"");
        Assert.Equal(0, (await CliConsole.RunAsync(app, "verify-audit")).ExitCode);
        var withHead = await CliConsole.RunAsync(app, "verify-audit", "--head", $"{checkpoint.Sequence}:{checkpoint.Hash}");
        Assert.Equal(3, withHead.ExitCode);
        Assert.Contains("给定的链头已到序号", withHead.Error);
    }

    [Fact]
    public async Task The_database_refuses_UPDATE_and_DELETE_of_audit_rows_from_SQL()
    {
        await using var app = new ChainApp();
        _ = app.Server;
        await AuditChainKit.AppendAsync(app, 1);
        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            AuditChainKit.SqlAsync(app, "UPDATE \"AuditEntries\" SET \"ActorName\" = '冒名顶替者'"));
        Assert.Contains(AuditGuard.Refusal, update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => AuditChainKit.SqlAsync(app, "DELETE FROM \"AuditEntries\""));
        Assert.Contains(AuditGuard.Refusal, delete.Message);
        if (TestDatabase.IsPostgres)
        {
            var truncate = await Assert.ThrowsAnyAsync<Exception>(() => AuditChainKit.SqlAsync(app, "TRUNCATE \"AuditEntries\""));
            Assert.Contains(AuditGuard.Refusal, truncate.Message);
        }
        Assert.Equal(0, (await CliConsole.RunAsync(app, "verify-audit")).ExitCode);
    }

    [Fact]
    public async Task The_daily_publisher_writes_one_checkpoint_per_day_whatever_the_number_of_calls()
    {
        await using var app = new ChainApp();
        _ = app.Server;
        await app.WithScopeAsync(async sp =>
        {
            var publisher = sp.GetRequiredService<AuditChainPublisher>();
            Assert.True((await publisher.PublishAsync(new DateOnly(2026, 11, 27))).Created);
            Assert.False((await publisher.PublishAsync(new DateOnly(2026, 11, 27))).Created);
        });
        await AuditChainKit.AppendAsync(app, 2);
        await app.WithScopeAsync(async sp => Assert.True((await sp.GetRequiredService<AuditChainPublisher>().PublishAsync(new DateOnly(2026, 11, 28))).Created));
        var days = await app.WithDbAsync(db => db.Set<AuditChainCheckpoint>().OrderBy(c => c.Day).Select(c => c.Sequence).ToListAsync());
        Assert.Equal(2, days.Count);
        Assert.Equal(days[0] + 2, days[1]);
    }
}
