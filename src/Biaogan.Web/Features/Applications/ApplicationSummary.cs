using System.Text.Json;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>One line of an application's history (from the audit trail).</summary>
public sealed record TimelineItem(DateTimeOffset At, string Actor, string Action, int Times);

/// <summary>
/// Everything needed to show one application read-only: the view model of the partial
/// <c>~/Features/Applications/_ApplicationSummary.cshtml</c> (and <c>_ApplicationTimeline.cshtml</c>), used by
/// the applicant's, the recommending body's and the office's pages. It checks no permission: load it only
/// after <see cref="ApplicationAccess.CanView"/> said yes.
/// </summary>
public sealed record ApplicationSummary(
    Application Application, Cycle Cycle, Organization Organization, RecommendingBody? RecommendingBody,
    CriteriaOutline Outline, IReadOnlyList<StoredFile> Files, IReadOnlyList<TimelineItem> Timeline)
{
    public static async Task<ApplicationSummary?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct = default)
    {
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return null;
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
        var org = await db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == app.OrganizationId, ct);
        var body = app.RecommendingBodyId is { } bid
            ? await db.Set<RecommendingBody>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bid, ct)
            : null;
        var files = await db.Set<StoredFile>().AsNoTracking()
            .Where(f => f.OwnerType == ApplicationFiles.OwnerType && f.OwnerId == id)
            .OrderBy(f => f.UploadedAt).ThenBy(f => f.VersionNo).ToListAsync(ct);
        return new ApplicationSummary(app, cycle, org, body, CriteriaCatalog.ForCycle(cycle.StandardCode), files,
            await TimelineAsync(db, id, ct));
    }

    /// <summary>
    /// Every audit entry about the application (SubjectType "Application"), oldest first. Runs of the same
    /// person's draft saves are shown as one line with a count, so autosave does not bury the history.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineItem>> TimelineAsync(AppDbContext db, Guid id, CancellationToken ct = default)
    {
        var key = id.ToString();
        var entries = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.SubjectType == ApplicationFiles.OwnerType && a.SubjectId == key)
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var items = new List<TimelineItem>();
        foreach (var e in entries)
        {
            var action = Describe(e);
            if (items.Count > 0 && items[^1] is var last && last.Action == action && last.Actor == e.ActorName
                && action is "保存草稿" or "修改")
            {
                items[^1] = last with { At = e.At, Times = last.Times + 1 };
                continue;
            }
            items.Add(new TimelineItem(e.At, e.ActorName, action, 1));
        }
        return items;
    }

    private static string Describe(AuditEntry e)
    {
        if (e.EntityType != nameof(StoredFile) || e.Action != "创建") return e.Action;
        try
        {
            using var doc = JsonDocument.Parse(e.After ?? "{}");
            var r = doc.RootElement;
            var name = r.TryGetProperty(nameof(StoredFile.FileName), out var n) ? n.GetString() : "";
            var purpose = r.TryGetProperty(nameof(StoredFile.Purpose), out var p) ? p.GetString() : "";
            var version = r.TryGetProperty(nameof(StoredFile.VersionNo), out var v) && v.TryGetInt32(out var k) ? k : 1;
            return version > 1 ? $"上传{purpose}“{name}”（第 {version} 版）" : $"上传{purpose}“{name}”";
        }
        catch (JsonException)
        {
            return "上传文件";
        }
    }

    /// <summary>Where a stored version can be downloaded (the endpoint checks access again).</summary>
    public static string FileUrl(StoredFile f) => $"/Applications/Files/{f.Id}";

    public StoredFile? Latest(Guid? logicalId) => ApplicationFiles.Latest(Files, logicalId);

    public IEnumerable<StoredFile> CurrentEvidence =>
        ApplicationFiles.Current(Files).Where(f => f.Purpose == FilePurpose.Evidence);

    public IEnumerable<StoredFile> VersionsOf(Guid logicalId) =>
        Files.Where(f => f.LogicalId == logicalId).OrderByDescending(f => f.VersionNo);

    public int SectionWords(string code) =>
        WordCount.Count(Application.SelfEvaluation.FirstOrDefault(s => s.CriteriaCode == code)?.Text);

    public int TotalWords => Outline.Categories.Sum(c => SectionWords(c.Code));

    public string CategoryText => Application.Category is { } c
        ? Cycle.CategoryDisplay(c) + (c == AwardCategory.Service && !string.IsNullOrWhiteSpace(Application.ServiceName) ? $"（{Application.ServiceName}）" : "")
        : "未选择";
}
