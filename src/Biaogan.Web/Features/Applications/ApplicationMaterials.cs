using System.Security.Claims;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// 下载全部材料 (ZIP): every file of one application in one download, foldered by purpose (声明书, 满意度测评报告,
/// 证实性材料 …). The same rule as a single download decides who gets it (<see cref="ApplicationAccess.CanView"/>,
/// the expert group through DocumentReview's gate); earlier versions go under 历史版本 only where single downloads
/// of them are allowed too.
/// </summary>
public static class ApplicationMaterials
{
    public static string ZipUrl(Guid applicationId) => $"/Applications/{applicationId}/Materials.zip";

    /// <summary>The entries of the ZIP: the current version of each document, and the earlier ones if asked.</summary>
    public static IReadOnlyList<ZipOfFiles.Entry> Entries(IReadOnlyList<StoredFile> all, bool withHistory)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var current = ApplicationFiles.Current(all).OrderBy(f => f.Purpose).ThenBy(f => f.UploadedAt).ToList();
        var entries = current.Select(f => new ZipOfFiles.Entry(ZipOfFiles.SafeName(f.Purpose, f.FileName, taken), f)).ToList();
        if (withHistory)
            entries.AddRange(all.Except(current).OrderBy(f => f.Purpose).ThenBy(f => f.UploadedAt)
                .Select(f => new ZipOfFiles.Entry(ZipOfFiles.SafeName($"历史版本/{f.Purpose}", $"第{f.VersionNo}版-{f.FileName}", taken), f)));
        return entries;
    }

    public static string ZipName(Application a) => $"申报材料-{a.Number ?? a.Id.ToString()}.zip";

    /// <summary>GET /Applications/{id}/Materials.zip and /api/applications/{id}/materials.zip: for whoever may see the application; 404 otherwise.</summary>
    public static async Task<Results<ZipOfFiles, NotFound>> ZipAsync(Guid id, ClaimsPrincipal user, AppDbContext db, ApplicationAccess access,
        ApplicationFiles files, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !ApplicationAccess.CanView(caller, app)) return TypedResults.NotFound();
        return new ZipOfFiles(ZipName(app), Entries(await files.AllAsync(id, ct), withHistory: true));
    }
}
