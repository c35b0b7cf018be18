using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// The files of an application (测评报告, 声明书, 证实性材料): uploads checked against the cycle's allowed types,
/// single-file size and total size, new versions of a document, and removal that keeps the history.
/// Nothing is saved here; the caller saves with the application (its Version guards the edit).
/// </summary>
public sealed class ApplicationFiles(AppDbContext db, FileStore store, TimeProvider clock)
{
    public const string OwnerType = "Application";
    private const long MB = 1024L * 1024;

    /// <summary>Every stored version of every file of the application, removed ones included.</summary>
    public Task<List<StoredFile>> AllAsync(Guid applicationId, CancellationToken ct = default) =>
        db.Set<StoredFile>().Where(f => f.OwnerType == OwnerType && f.OwnerId == applicationId)
            .OrderBy(f => f.UploadedAt).ThenBy(f => f.VersionNo).ToListAsync(ct);

    /// <summary>The latest version of each document that has not been removed.</summary>
    public static IEnumerable<StoredFile> Current(IEnumerable<StoredFile> files) =>
        files.GroupBy(f => f.LogicalId).Select(g => g.MaxBy(f => f.VersionNo)!).Where(f => !f.IsRemoved);

    /// <summary>The latest version of a logical document, or null.</summary>
    public static StoredFile? Latest(IEnumerable<StoredFile> files, Guid? logicalId) =>
        logicalId is null ? null : files.Where(f => f.LogicalId == logicalId).MaxBy(f => f.VersionNo);

    /// <summary>
    /// Stores an upload for the application after checking the application's total would stay within
    /// <see cref="CycleSettings.MaxApplicationFilesMb"/>; <see cref="FileStore"/> checks type and single size.
    /// </summary>
    public async Task<StoredFile> UploadAsync(Application app, Cycle cycle, Stream content, string fileName, long length,
        string purpose, string? title, Guid? replacesLogicalId = null, CancellationToken ct = default)
    {
        app.EnsureEditable();
        var s = cycle.Settings;
        if (replacesLogicalId is { } lid)
        {
            var owned = await db.Set<StoredFile>().AnyAsync(f => f.LogicalId == lid && f.OwnerType == OwnerType && f.OwnerId == app.Id && f.RemovedAt == null, ct);
            if (!owned) throw new DomainRuleException("要更新的文件不存在或已被移除，请刷新页面后重新选择。");
        }
        var used = await db.Set<StoredFile>().Where(f => f.OwnerType == OwnerType && f.OwnerId == app.Id && f.RemovedAt == null)
            .SumAsync(f => (long?)f.Size, ct) ?? 0;
        var pending = db.ChangeTracker.Entries<StoredFile>()
            .Where(e => e.State == EntityState.Added && e.Entity.OwnerId == app.Id).Sum(e => e.Entity.Size);
        var limit = s.MaxApplicationFilesMb * MB;
        if (length > 0 && length <= s.MaxFileSizeMb * MB && used + pending + length > limit) throw OverTotal(fileName, length, used + pending, s);
        var request = new UploadRequest(OwnerType, app.Id, purpose, title ?? "", s.AllowedFileTypeList, s.MaxFileSizeMb * MB, replacesLogicalId);
        var stored = await store.SaveAsync(content, fileName, request, ct);
        if (used + pending + stored.Size <= limit) return stored;
        // A streamed upload's size is known only now: drop the row; the blob goes when the request ends.
        db.Entry(stored).State = EntityState.Detached;
        throw OverTotal(fileName, stored.Size, used + pending, s);
    }

    private static DomainRuleException OverTotal(string fileName, long length, long used, CycleSettings s) => new(
        $"文件“{Path.GetFileName(fileName)}”（{Mb(length)}）上传后，本申报的文件总大小将超过 {s.MaxApplicationFilesMb} MB 上限（已用 {Mb(used)}）。请压缩文件，或移除不再需要的材料后重新上传。");

    /// <summary>Removes a document (every version) from the application; the bytes and rows stay as history.</summary>
    public async Task RemoveAsync(Application app, Guid logicalId, CancellationToken ct = default)
    {
        app.EnsureEditable();
        var versions = await db.Set<StoredFile>()
            .Where(f => f.LogicalId == logicalId && f.OwnerType == OwnerType && f.OwnerId == app.Id).ToListAsync(ct);
        if (versions.Count == 0) throw new DomainRuleException("要移除的文件不存在，请刷新页面。");
        var now = clock.GetUtcNow();
        foreach (var f in versions) f.Remove(now);
        if (app.DeclarationFileId == logicalId) app.DeclarationFileId = null;
        foreach (var m in app.Measurements.Where(m => m.ReportFileId == logicalId)) m.ReportFileId = null;
    }

    /// <summary>A file the caller may download: the file, and the application it belongs to.</summary>
    public async Task<(StoredFile File, Application Application)?> FindAsync(Guid fileId, CancellationToken ct = default)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == OwnerType, ct);
        if (file is null) return null;
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == file.OwnerId, ct);
        return app is null ? null : (file, app);
    }

    public static string Mb(long bytes) => $"{bytes / (double)MB:0.#} MB";
}
