using System.Security.Cryptography;
using System.Text;
using Biaogan.Tests.Files;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Cli;

/// <summary>
/// backup, restore and verify-backup (issue 10, item 8) on the configured provider: a backup of an application with
/// data and stored files restores into another database with the same rows and the same bytes, verify-backup passes,
/// and a damaged file in the backup is named.
/// </summary>
[Collection(CliCollection.Name)]
public class BackupRestoreTests
{
    private static async Task<List<string>> SeedAsync(AppFactory app)
    {
        await Cast.PersonAsync(app, "备份测试员", Roles.Office);
        var owner = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<FileStore>();
            for (var i = 0; i < 3; i++)
            {
                var bytes = Encoding.ASCII.GetBytes($"%PDF-1.4\n% 备份测试文件 {i} {new string('x', 1000 * i)}\n%%EOF\n");
                await store.SaveAsync(new MemoryStream(bytes), $"证明材料{i}.pdf", new UploadRequest("Test", owner, "证明", $"证明材料{i}", ["pdf"], 1 << 20));
            }
            await sp.GetRequiredService<Biaogan.Web.Infrastructure.Data.AppDbContext>().SaveChangesAsync();
        });
        return await app.WithDbAsync(db => db.Set<StoredFile>().OrderBy(f => f.StorageKey).Select(f => f.StorageKey + " " + f.Sha256).ToListAsync());
    }

    private static Dictionary<string, string> FilesUnder(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("tmp", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public async Task A_backup_restores_into_another_database_with_the_same_rows_and_files_and_verifies()
    {
        await using var source = new AppFactory();
        _ = source.Server;
        var files = await SeedAsync(source);
        var dir = Path.Combine(source.Folder, "backup-1");

        var backup = await CliConsole.RunAsync(source, "backup", "--out", dir);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("文件 3 个", backup.Out);
        var manifest = await File.ReadAllLinesAsync(Path.Combine(dir, "manifest.sha256"));
        Assert.Equal(4, manifest.Length);
        var again = await CliConsole.RunAsync(source, "backup", "--out", dir);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("不是空的", again.Error);

        var verify = await CliConsole.RunAsync(source, "verify-backup", dir);
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Contains("登记的 3 个文件都在备份中且内容一致", verify.Out);
        Assert.Contains("哈希链完整", verify.Out);

        await using var target = new AppFactory();
        _ = target.Server;
        var refused = await CliConsole.RunAsync(target, "restore", "--from", dir);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);

        var restored = await CliConsole.RunAsync(target, "restore", "--from", dir, "--force");
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Equal(files, await target.WithDbAsync(db => db.Set<StoredFile>().OrderBy(f => f.StorageKey).Select(f => f.StorageKey + " " + f.Sha256).ToListAsync()));
        Assert.Equal(FilesUnder(Path.Combine(source.Folder, "files")), FilesUnder(Path.Combine(target.Folder, "files")));
        Assert.True(await target.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "备份测试员")));
        var sourceAudit = await source.WithDbAsync(db => db.Set<AuditEntry>().OrderBy(a => a.Sequence).Select(a => a.Hash).ToListAsync());
        var targetAudit = await target.WithDbAsync(db => db.Set<AuditEntry>().OrderBy(a => a.Sequence).Select(a => a.Hash).ToListAsync());
        Assert.Equal(sourceAudit, targetAudit);
        Assert.Equal(0, (await CliConsole.RunAsync(target, "verify-audit")).ExitCode);

        // The restored application keeps working: a new audited change chains onto the restored head.
        await Cast.PersonAsync(target, "恢复后新增", Roles.Office);
        await target.WithDbAsync(async db =>
        {
            db.Set<AuditEntry>().Add(new AuditEntry { At = target.Clock.GetUtcNow(), ActorName = "测试", EntityType = "T", EntityId = "1", SubjectType = "T", SubjectId = "1", Action = "恢复后写入" });
            await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await CliConsole.RunAsync(target, "verify-audit")).ExitCode);
    }

    [Fact]
    public async Task A_running_node_reads_the_restored_database_on_the_connection_it_already_holds()
    {
        // Before, the SQLite restore swapped the database file: a connection the running node held (scheduled work, the
        // outbox) kept reading the old file, and one opened during the swap gave the new file the old file's WAL.
        await using var source = new AppFactory();
        _ = source.Server;
        await SeedAsync(source);
        var dir = Path.Combine(source.Folder, "backup-held");
        Assert.Equal(0, (await CliConsole.RunAsync(source, "backup", "--out", dir)).ExitCode);

        await using var target = new AppFactory();
        _ = target.Server;
        await using var scope = target.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Biaogan.Web.Infrastructure.Data.AppDbContext>();
        await db.Database.OpenConnectionAsync();
        Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "备份测试员"));

        var restored = await CliConsole.RunAsync(target, "restore", "--from", dir, "--force");
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.True(await db.Users.AnyAsync(u => u.DisplayName == "备份测试员"));
        Assert.Equal(3, await db.Set<StoredFile>().CountAsync());
        await db.Database.CloseConnectionAsync();
        Assert.Equal(3, await target.WithDbAsync(d => d.Set<StoredFile>().CountAsync()));
    }

    [Fact]
    public async Task A_damaged_file_in_the_backup_is_named_by_verify_backup_and_refused_by_restore()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        await SeedAsync(app);
        var dir = Path.Combine(app.Folder, "backup-2");
        Assert.Equal(0, (await CliConsole.RunAsync(app, "backup", "--out", dir)).ExitCode);
        var victim = Directory.EnumerateFiles(Path.Combine(dir, "files"), "*", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(victim, "tampered");
        var relative = Path.GetRelativePath(dir, victim).Replace('\\', '/');

        var verify = await CliConsole.RunAsync(app, "verify-backup", dir);
        Assert.Equal(3, verify.ExitCode);
        Assert.Contains($"文件 {relative} 已损坏或被改动", verify.Error);

        var restore = await CliConsole.RunAsync(app, "restore", "--from", dir, "--force");
        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("备份已损坏，未做任何恢复", restore.Error);
    }

    private static async Task<Dictionary<string, string>> BlobsAsync(AppFactory app)
    {
        var store = app.Services.GetRequiredService<IFileStore>();
        var blobs = new Dictionary<string, string>();
        await foreach (var blob in store.ListAsync())
        {
            await using var stream = await store.OpenReadAsync(blob.Key) ?? throw new InvalidOperationException(blob.Key);
            blobs[blob.Key] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        }
        return blobs;
    }

    [S3Fact]
    public async Task A_site_on_the_object_store_is_backed_up_with_its_files_and_restored_into_another_bucket()
    {
        // Before, backup copied the local folder Files:Root, which is empty on a site that keeps its files in S3.
        await using var source = new NodeFactory("s3");
        _ = source.Server;
        var files = await SeedAsync(source);
        var dir = Path.Combine(source.Folder, "backup-s3");

        var backup = await CliConsole.RunAsync(source, "backup", "--out", dir);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("文件 3 个", backup.Out);
        var verify = await CliConsole.RunAsync(source, "verify-backup", dir);
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Contains("登记的 3 个文件都在备份中且内容一致", verify.Out);

        await using var target = new NodeFactory("s3");
        _ = target.Server;
        var restored = await CliConsole.RunAsync(target, "restore", "--from", dir, "--force");
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains("对象存储的存储桶 " + target.Bucket, restored.Out);
        Assert.Equal(files, await target.WithDbAsync(db => db.Set<StoredFile>().OrderBy(f => f.StorageKey).Select(f => f.StorageKey + " " + f.Sha256).ToListAsync()));
        var sourceBlobs = await BlobsAsync(source);
        Assert.Equal(3, sourceBlobs.Count);
        Assert.Equal(sourceBlobs, await BlobsAsync(target));
        Assert.Equal(0, (await CliConsole.RunAsync(target, "verify-audit")).ExitCode);
    }
}
