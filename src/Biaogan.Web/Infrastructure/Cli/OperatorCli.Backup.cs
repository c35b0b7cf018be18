using System.Text.Json;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Cli;

/// <summary>What backup.json of a backup folder records.</summary>
public sealed record BackupInfo(int Format, string Provider, DateTimeOffset CreatedAt, string Database, int Files, long FileBytes, long AuditRows, string AuditHead);

/// <summary>backup, restore and verify-backup (docs/operations.md “备份与恢复”).</summary>
public static partial class OperatorCli
{
    private const string InfoFile = "backup.json";
    private static readonly JsonSerializerOptions InfoJson = new() { WriteIndented = true };

    /// <summary>Where the stored files live, in words for the operator: the local folder or the object-store bucket.</summary>
    private static string DescribeStore(IServiceProvider sp) => sp.GetRequiredService<IFileStore>() switch
    {
        LocalFileStore local => $"本机目录 {local.Root}",
        _ => $"对象存储的存储桶 {sp.GetRequiredService<IConfiguration>()["Files:S3:Bucket"] ?? new S3Options().Bucket}",
    };

    private static async Task<int> BackupAsync(IServiceProvider sp, string[] args)
    {
        var ct = CancellationToken.None;
        var dir = Path.GetFullPath(Required(args, "out"));
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new IOException($"备份目录 {dir} 不是空的。请为每次备份指定一个新目录，例如 backups/2026-11-27 这样按日期命名。");
        Directory.CreateDirectory(dir);
        var database = BackupDatabase.FromConfiguration(sp.GetRequiredService<IConfiguration>());
        // The head is read before the dump, so the dump holds it or a later one; verify-backup checks it is there.
        AuditChainHead head;
        long rows;
        await using (var db = database.OpenContext())
        {
            head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(ct);
            rows = head.Sequence;
        }
        var dump = Path.Combine(dir, database.FileName);
        await database.DumpAsync(dump, ct);
        // Through the configured store, so that a site on the object store (several nodes) is backed up as completely as
        // one on the local folder.
        var entries = await BackupBlobs.CopyOutAsync(sp.GetRequiredService<IFileStore>(), Path.Combine(dir, "files"), ct);
        var manifest = entries.ToDictionary(e => "files/" + e.Key, e => e.Value);
        manifest[database.FileName] = await BackupManifest.HashAsync(dump, ct);
        await BackupManifest.WriteAsync(dir, manifest.OrderBy(m => m.Key, StringComparer.Ordinal), ct);
        var bytes = entries.Keys.Sum(k => new FileInfo(Path.Combine(dir, "files", k)).Length);
        var info = new BackupInfo(1, database.IsPostgres ? "Postgres" : "Sqlite", sp.GetRequiredService<TimeProvider>().GetUtcNow(),
            database.FileName, entries.Count, bytes, rows, AuditChain.Describe(head.Sequence, head.Hash));
        await File.WriteAllTextAsync(Path.Combine(dir, InfoFile), JsonSerializer.Serialize(info, InfoJson), ct);
        Console.WriteLine($"已备份到 {dir}：数据库 {database.FileName}（{new FileInfo(dump).Length / 1024} KB），文件 {entries.Count} 个（{bytes / 1024} KB），清单 {BackupManifest.FileName}。");
        Console.WriteLine($"审计链头：{info.AuditHead}");
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider sp, string[] args)
    {
        var ct = CancellationToken.None;
        var dir = Path.GetFullPath(Required(args, "from"));
        var force = Flag(args, "force");
        var info = await ReadInfoAsync(dir, ct);
        var problems = await BackupManifest.CheckAsync(dir, await BackupManifest.ReadAsync(dir, ct), ct);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine("错误: 备份已损坏，未做任何恢复：");
            foreach (var p in problems) Console.Error.WriteLine("  " + p);
            return 2;
        }
        var database = BackupDatabase.FromConfiguration(sp.GetRequiredService<IConfiguration>());
        CheckProvider(database, info);
        var store = sp.GetRequiredService<IFileStore>();
        if (!force && (await database.HasTablesAsync(ct) || await BackupBlobs.AnyAsync(store, ct)))
        {
            Console.Error.WriteLine("错误: 目标数据库或文件存储不是空的，未做任何恢复。恢复会覆盖其中的全部数据；确认要覆盖时加 --force（建议先对现有数据做一次 backup）。");
            return 2;
        }
        await database.RestoreAsync(Path.Combine(dir, info.Database), ct);
        var copied = await BackupBlobs.ReplaceAllAsync(store, Path.Combine(dir, "files"), ct);
        Console.WriteLine($"已从 {dir} 恢复：数据库（{info.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 北京时间的备份）和 {copied} 个文件到{DescribeStore(sp)}。");
        Console.WriteLine("请运行 verify-audit 确认审计日志完整，然后启动网站。");
        return 0;
    }

    private static async Task<int> VerifyBackupAsync(IServiceProvider sp, string[] args)
    {
        var ct = CancellationToken.None;
        var dir = Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Required(args, "from"));
        var info = await ReadInfoAsync(dir, ct);
        var manifest = await BackupManifest.ReadAsync(dir, ct);
        var problems = await BackupManifest.CheckAsync(dir, manifest, ct);
        var database = BackupDatabase.FromConfiguration(sp.GetRequiredService<IConfiguration>());
        CheckProvider(database, info);
        var scratchFolder = Directory.CreateTempSubdirectory("biaogan-verify-").FullName;
        var scratch = database.Scratch(scratchFolder);
        AuditChainReport? chain = null;
        int stored = 0;
        try
        {
            await scratch.RestoreAsync(Path.Combine(dir, info.Database), ct);
            await using var db = scratch.OpenContext();
            chain = await AuditChainVerifier.VerifyAsync(db, AuditChain.ParseHead(info.AuditHead), ct);
            if (!chain.Intact) problems.Add("审计日志：" + chain.Problem);
            await foreach (var file in db.Set<StoredFile>().AsNoTracking().Select(f => new { f.StorageKey, f.Sha256, f.FileName }).AsAsyncEnumerable())
            {
                stored++;
                var key = "files/" + file.StorageKey.Replace('\\', '/');
                if (!manifest.TryGetValue(key, out var hash)) problems.Add($"数据库登记的文件“{file.FileName}”（{key}）不在备份中");
                else if (hash != file.Sha256) problems.Add($"文件“{file.FileName}”（{key}）与数据库登记的 SHA-256 不符");
            }
        }
        finally
        {
            await scratch.DropAsync(ct);
            Directory.Delete(scratchFolder, recursive: true);
        }
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"备份 {dir} 校验未通过（{problems.Count} 处问题）：");
            foreach (var p in problems) Console.Error.WriteLine("  " + p);
            return CheckFailed;
        }
        Console.WriteLine($"备份 {dir} 校验通过：清单中 {manifest.Count} 个文件的 SHA-256 全部一致；数据库可恢复，登记的 {stored} 个文件都在备份中且内容一致；审计日志 {chain!.Rows} 条，哈希链完整，包含备份时的链头 {info.AuditHead}。");
        return 0;
    }

    private static async Task<BackupInfo> ReadInfoAsync(string dir, CancellationToken ct)
    {
        var path = Path.Combine(dir, InfoFile);
        if (!File.Exists(path)) throw new IOException($"{dir} 中没有 {InfoFile}：请指定 backup 命令生成的备份目录。");
        return JsonSerializer.Deserialize<BackupInfo>(await File.ReadAllTextAsync(path, ct), InfoJson)
            ?? throw new IOException($"{path} 内容无效。");
    }

    private static void CheckProvider(BackupDatabase database, BackupInfo info)
    {
        if ((info.Provider == "Postgres") != database.IsPostgres)
            throw new ArgumentException($"该备份来自 {info.Provider} 数据库，而当前配置的是 {(database.IsPostgres ? "Postgres" : "Sqlite")}。请按备份的数据库类型配置 Database:Provider 后再恢复。");
    }
}
