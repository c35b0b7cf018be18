using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// What the recommending body's and the office's pages show of an application (read-only): the
/// application with its organisation, cycle, recommending body and current files.
/// </summary>
public sealed record ApplicationFacts(Application Application, Organization? Organization, Cycle Cycle,
    RecommendingBody? RecommendingBody, IReadOnlyList<StoredFile> Files)
{
    /// <summary><see cref="StoredFile.OwnerType"/> of an application's files.</summary>
    public const string OwnerType = "Application";

    public CriteriaOutline Outline => CriteriaCatalog.ForCycle(Cycle.StandardCode);

    /// <summary>The current version of each document that has not been removed.</summary>
    public IReadOnlyList<StoredFile> CurrentFiles => Files.Where(f => !f.IsRemoved)
        .GroupBy(f => f.LogicalId).Select(g => g.MaxBy(f => f.VersionNo)!).OrderBy(f => f.UploadedAt).ToList();

    /// <summary>The current version of the document with this logical id, if any.</summary>
    public StoredFile? File(Guid? logicalId) => logicalId is { } id ? CurrentFiles.FirstOrDefault(f => f.LogicalId == id) : null;

    /// <summary>Where a stored file is downloaded (the application feature's authorised download).</summary>
    public static string DownloadUrl(StoredFile file) => $"/Applications/Files/{file.Id}";

    public static async Task<ApplicationFacts> LoadAsync(AppDbContext db, Application app, CancellationToken ct = default)
    {
        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == app.OrganizationId, ct);
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
        var body = app.RecommendingBodyId is { } bodyId
            ? await db.Set<RecommendingBody>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct)
            : null;
        var files = await db.Set<StoredFile>().AsNoTracking()
            .Where(f => f.OwnerType == OwnerType && f.OwnerId == app.Id).ToListAsync(ct);
        return new ApplicationFacts(app, organization, cycle, body, files);
    }
}
