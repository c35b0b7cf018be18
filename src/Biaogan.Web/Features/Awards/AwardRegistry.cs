using System.Security.Cryptography;
using System.Text;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>One line of the public registry (标杆名录). Never carries scores, votes or anything confidential.</summary>
public sealed record RegistryEntry(int Year, string Organization, string Category, string? ServiceName, string CertificateNumber,
    string Status, string StatusDisplay, DateOnly? RevokedOn, string? RevocationReason, DateOnly? ConfirmedOn = null);

/// <summary>What the public verification page may say about a certificate: only these facts.</summary>
public sealed record VerifiedCertificate(string CertificateNumber, string Organization, string Category, int Year,
    AwardStatus Status, DateOnly? RevokedOn, string? RevocationReason);

/// <summary>
/// The public registry's filters: 年度, 状态, 类别, 地区 and a text matching the 证书编号 by prefix or the organisation's
/// name; the office-only facets of <see cref="AwardFilter"/> (奖牌, 集团, 行业) are not offered to the public.
/// </summary>
public sealed class RegistryFilter
{
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "year")] public int? Year { get; set; }
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "status")] public string? Status { get; set; }
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "category")] public string? Category { get; set; }
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "region")] public string? Region { get; set; }
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")] public string? Q { get; set; }

    public AwardFilter AsAwardFilter() => new() { Year = Year, Status = Status, Category = Category, Region = Region, Q = Q };

    public Dictionary<string, string[]> Errors() => AsAwardFilter().Errors();

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["year"] = Year?.ToString(), ["status"] = Status, ["category"] = Category, ["region"] = Region, ["q"] = Q,
    };
}

/// <summary>Reads of the public registry and certificate verification (第三十一条: 公布获奖组织名单).</summary>
public static class AwardRegistry
{
    /// <summary>One page of the registry (the public page and /api/public/benchmarks): filtered, ordered and paged in the database.</summary>
    public static async Task<Paged<RegistryEntry>> PageAsync(AppDbContext db, RegistryFilter filter, ListQuery list, CancellationToken ct)
    {
        var page = await AwardList.Sorts.Apply(AwardList.Query(db, filter.AsAwardFilter()).AsNoTracking(), list).PageAsync(list, ct);
        return page.Map(Entry);
    }

    private static RegistryEntry Entry(Award a) => new(a.Year, a.OrganizationName, Cycle.CategoryDisplay(a.Category), a.ServiceName,
        a.CertificateNumber, a.Status.ToString(), Award.StatusDisplay(a.Status), RevokedOn(a), a.RevocationReason, ConfirmedOn(a));

    public static async Task<IReadOnlyList<int>> YearsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<Award>().AsNoTracking().Select(a => a.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>
    /// The certificate when the number and its verification code match (case and spaces ignored); null otherwise — an
    /// unknown number and a wrong code look the same, so the page reveals nothing about which certificates exist.
    /// </summary>
    public static async Task<VerifiedCertificate?> VerifyAsync(AppDbContext db, string? number, string? code, CancellationToken ct)
    {
        var n = Normalise(number);
        var c = Normalise(code);
        if (n.Length == 0 || c.Length == 0 || n.Length > 40 || c.Length > 20) return null;
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.CertificateNumber == n, ct);
        var expected = Encoding.ASCII.GetBytes(award?.VerificationCode ?? "----------");
        var given = Encoding.ASCII.GetBytes(c);
        if (award is null || !CryptographicOperations.FixedTimeEquals(expected, given)) return null;
        return new VerifiedCertificate(award.CertificateNumber, award.OrganizationName, award.CategoryText, award.Year, award.Status,
            RevokedOn(award), award.RevocationReason);
    }

    /// <summary>Upper case, without spaces; full-width letters and digits (typed on a Chinese phone keyboard) become ASCII.</summary>
    public static string Normalise(string? value)
    {
        var s = (value ?? "").Normalize(NormalizationForm.FormKC);
        return new string(s.Where(ch => !char.IsWhiteSpace(ch)).ToArray()).ToUpperInvariant();
    }

    /// <summary>The China-local date of the last three-year confirmation (第二十四条), shown in the registry after the round.</summary>
    public static DateOnly? ConfirmedOn(Award a) => a.ConfirmedAt is { } at ? DateOnly.FromDateTime(at.ToChina().DateTime) : null;

    private static DateOnly? RevokedOn(Award a) => a.RevokedAt is { } at ? DateOnly.FromDateTime(at.ToChina().DateTime) : null;
}
