using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>Who may have a certificate, and its PDF with the office's seal and the public verification link.</summary>
public sealed class AwardCertificates(AppDbContext db, FileStore files, PublicLinks links)
{
    /// <summary>
    /// The award if <paramref name="user"/> may download its certificate: the office at any time, users of the winning
    /// organisation while it is not revoked; null for everyone else (the page answers 404, revealing nothing).
    /// </summary>
    public async Task<Award?> DownloadableAsync(ClaimsPrincipal user, Guid awardId, CancellationToken ct)
    {
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null) return null;
        if (user.IsOffice()) return award;
        return user.IsInRole(Roles.Applicant) && AppClaims.OrganizationOf(user) == award.OrganizationId
            && award.Status != AwardStatus.Revoked ? award : null;
    }

    /// <summary>The site address printed in the QR code: App:PublicBaseUrl, the one every e-mail link uses (<see cref="PublicLinks"/>).</summary>
    public string PublicBaseUrl() => links.BaseUrl;

    public async Task<byte[]> PdfAsync(Award award, string baseUrl, CancellationToken ct) =>
        CertificatePdf.Render(award, baseUrl, await SealAsync(ct));

    /// <summary>The current seal image's bytes, or null when the office has not uploaded one.</summary>
    public async Task<byte[]?> SealAsync(CancellationToken ct)
    {
        var file = await SealFileAsync(ct);
        if (file is null) return null;
        // A seal whose bytes are missing prints no seal rather than failing the certificate.
        await using var stream = await files.OpenReadAsync(file, ct);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    public async Task<StoredFile?> SealFileAsync(CancellationToken ct)
    {
        var id = await db.Set<AwardSettings>().AsNoTracking().Select(s => s.SealFileId).FirstOrDefaultAsync(ct);
        if (id is null) return null;
        return await db.Set<StoredFile>().AsNoTracking().Where(f => f.LogicalId == id).OrderByDescending(f => f.VersionNo).FirstOrDefaultAsync(ct);
    }
}
