using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>
/// /api/awards — what the 标杆与证书 pages do, over JSON: the office's list, one benchmark, its plaque record (the registry
/// status changes only on a decided supervision case: /api/supervision); the certificate PDF for the office and the winning organisation. Plus the
/// public certificate verification (/api/public/certificates), anonymous and rate-limited like the page.
/// </summary>
public static class AwardsApi
{
    public sealed record AwardDto(Guid Id, int Year, Guid ApplicationId, Guid OrganizationId, string Organization, string Category,
        string CategoryText, string? ServiceName, string CertificateNumber, string Status, string StatusText, DateTimeOffset GrantedAt,
        DateTimeOffset? RevokedAt, string? RevocationReason, string? PlaqueNumber, DateOnly? PlaqueMadeOn, DateOnly? PlaqueDeliveredOn,
        string? PlaqueRecipient, string CertificateUrl, int Version);

    /// <summary>The office's view of one benchmark adds the verification link printed on the certificate (it carries the code).</summary>
    public sealed record AwardDetailDto(AwardDto Award, string VerificationUrl);

    public sealed record PlaqueRequest(string? Number, DateOnly? MadeOn, DateOnly? DeliveredOn, string? Recipient, int Version);

    public sealed record VerifiedDto(string CertificateNumber, string Organization, string Category, int Year, string Status,
        string StatusText, DateOnly? RevokedOn, string? RevocationReason);

    public static void MapAwardsApi(this WebApplication app)
    {
        var api = app.MapApi("/awards", "标杆与证书");
        api.MapGet("", AwardListApi.ListAsync).RequireAuthorization(Policies.Office)
            .WithSummary("标杆名单（分页：items、total、page、pageCount、pageSize）：可按 year、status（Valid、UnderConfirmation、Revoked）、category、region、industry、group、plaque（是否已登记奖牌）、q（证书编号或组织名称）筛选，sort 可为 year（默认：最近年度在前、证书编号顺序）、number、organization、status、granted（活动办公室）");
        api.MapGet("/export", AwardListApi.ExportAsync).RequireAuthorization(Policies.Office)
            .WithSummary("导出筛选后的标杆名单（Excel，含联系人；记入审计日志；活动办公室）");
        api.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Office)
            .WithSummary("一个标杆的详细信息及证书上的核验链接（活动办公室）");
        api.MapGet("/{id:guid}/certificate", CertificateAsync)
            .WithSummary("下载证书 PDF（活动办公室；获奖组织本单位用户在称号未撤销时可下载；其他人 404）");
        api.MapPost("/{id:guid}/plaque", PlaqueAsync).RequireAuthorization(Policies.Office)
            .WithSummary("登记奖牌：编号、制作日期、交付日期和签收人（活动办公室）");

        // Same rule as /Public/Verify: anonymous, one fixed window per IP on look-ups (VerifyRateLimit), never cached.
        app.MapGet("/api/public/certificates/{number}", VerifyAsync)
            .AllowAnonymous()
            .RequireRateLimiting(VerifyRateLimit.Name)
            .WithTags("公开信息")
            .WithSummary("证书核验（无需登录）：证书编号和核验码（code）一致时返回组织、类别、年度和状态；编号不存在与核验码错误同样返回 404");
    }

    private static async Task<Results<Ok<AwardDetailDto>, NotFoundProblem>> GetAsync(Guid id, HttpRequest request, AppDbContext db,
        AwardCertificates certificates, CancellationToken ct)
    {
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (award is null) return NotFound();
        return TypedResults.Ok(new AwardDetailDto(Dto(award), CertificatePdf.VerificationUrl(certificates.PublicBaseUrl(), award)));
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> CertificateAsync(Guid id, ClaimsPrincipal user,
        HttpRequest request, AwardCertificates certificates, CancellationToken ct)
    {
        var award = await certificates.DownloadableAsync(user, id, ct);
        if (award is null) return NotFound();
        var pdf = await certificates.PdfAsync(award, certificates.PublicBaseUrl(), ct);
        return TypedResults.File(pdf, "application/pdf", CertificatePdf.FileName(award));
    }

    private static async Task<Results<Ok<AwardDto>, NotFoundProblem>> PlaqueAsync(Guid id, PlaqueRequest body, AppDbContext db,
        AwardOffice office, CancellationToken ct)
    {
        if (!await db.Set<Award>().AnyAsync(a => a.Id == id, ct)) return NotFound();
        await office.RecordPlaqueAsync(id, body.Version, body.Number ?? "", body.MadeOn, body.DeliveredOn, body.Recipient, ct);
        return TypedResults.Ok(Dto(await ReloadAsync(db, id, ct)));
    }

    private static async Task<Results<Ok<VerifiedDto>, NotFoundProblem>> VerifyAsync(string number, string? code, AppDbContext db,
        CancellationToken ct)
    {
        var found = await AwardRegistry.VerifyAsync(db, number, code, ct);
        if (found is null)
            return new NotFoundProblem("未查到该证书",
                "证书编号与核验码不一致，或该证书不存在，可能是伪造的。请核对证书上的编号和核验码后重试，或向活动办公室举报。");
        return TypedResults.Ok(new VerifiedDto(found.CertificateNumber, found.Organization, found.Category, found.Year,
            found.Status.ToString(), Award.StatusDisplay(found.Status), found.RevokedOn, found.RevocationReason));
    }

    private static Task<Award> ReloadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == id, ct);

    private static NotFoundProblem NotFound() => new("未找到", "该标杆记录不存在，或您没有查看权限。");

    internal static AwardDto Dto(Award a) => new(a.Id, a.Year, a.ApplicationId, a.OrganizationId, a.OrganizationName, a.Category.ToString(),
        a.CategoryText, a.ServiceName, a.CertificateNumber, a.Status.ToString(), Award.StatusDisplay(a.Status), a.GrantedAt, a.RevokedAt,
        a.RevocationReason, a.PlaqueNumber, a.PlaqueMadeOn, a.PlaqueDeliveredOn, a.PlaqueRecipient, $"/api/awards/{a.Id}/certificate", a.Version);
}
