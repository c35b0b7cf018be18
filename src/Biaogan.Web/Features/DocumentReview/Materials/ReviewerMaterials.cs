using Biaogan.Web.Features.Accounts;
using System.Security.Claims;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Materials;

/// <summary>
/// 申报材料 for the expert group: an application's files served to a reviewer only through the gate
/// (<see cref="ReviewerGate.ReadableSeatAsync"/>) — assigned, declared, appointed and conflict-free — else 404.
/// </summary>
public static class ReviewerMaterials
{
    /// <summary>Where a reviewer downloads a stored version (the endpoint asks the gate again).</summary>
    public static string FileUrl(StoredFile f) => $"/DocumentReview/Files/{f.Id}";

    /// <summary>GET /DocumentReview/Files/{fileId}: a file of an application the caller reviews; 404 otherwise.</summary>
    public static async Task<IResult> DownloadAsync(Guid fileId, ClaimsPrincipal user, AppDbContext db, ApplicationFiles files,
        FileStore store, CancellationToken ct)
    {
        var found = await files.FindAsync(fileId, ct);
        if (found is not { } f || f.File.IsRemoved) return Results.NotFound();
        var userId = user.UserId();
        if (userId.Length == 0) return Results.NotFound();
        var seat = await ReviewerGate.ReadableSeatAsync(db, userId, f.Application.Id, ReviewStage.Document, ct);
        return seat is null ? Results.NotFound() : store.Serve(f.File);
    }

    public static string ZipUrl(Guid applicationId) => $"/DocumentReview/Materials/{applicationId}.zip";

    /// <summary>
    /// GET /DocumentReview/Materials/{applicationId}.zip: the current files of an application the caller reviews, in one
    /// ZIP, through the same gate as a single download (removed documents and earlier versions are not offered); 404 otherwise.
    /// </summary>
    public static async Task<IResult> ZipAsync(Guid applicationId, ClaimsPrincipal user, AppDbContext db, ApplicationFiles files,
        CancellationToken ct)
    {
        var userId = user.UserId();
        if (userId.Length == 0) return Results.NotFound();
        var seat = await ReviewerGate.ReadableSeatAsync(db, userId, applicationId, ReviewStage.Document, ct);
        if (seat is null) return Results.NotFound();
        var app = await db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == applicationId, ct);
        return new ZipOfFiles(ApplicationMaterials.ZipName(app), ApplicationMaterials.Entries(await files.AllAsync(applicationId, ct), withHistory: false));
    }
}
