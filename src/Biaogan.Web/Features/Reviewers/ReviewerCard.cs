using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>Everything a page shows about one reviewer: the profile, 第十一条 item by item, the account and files.</summary>
public sealed record ReviewerCard(ReviewerProfile Profile, EligibilityReport Eligibility, ReviewerAccountState Account,
    DateOnly Today, ReviewerPoolSettings Settings, IReadOnlyDictionary<Guid, StoredFile> Certificates)
{
    public const string FileOwnerType = nameof(ReviewerProfile);
    public const string CertificatePurpose = "培训证书";

    public static async Task<ReviewerCard> LoadAsync(AppDbContext db, ReviewerAccounts accounts, ReviewerProfile profile,
        TimeProvider clock, CancellationToken ct = default)
    {
        var today = clock.Today();
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        var files = await db.Set<StoredFile>().AsNoTracking()
            .Where(f => f.OwnerType == FileOwnerType && f.OwnerId == profile.Id).ToListAsync(ct);
        return new ReviewerCard(profile, ReviewerEligibility.Evaluate(profile, settings.For(today)),
            await accounts.StateAsync(profile, ct), today, settings, files.ToDictionary(f => f.Id));
    }

    public StoredFile? CertificateOf(ReviewerTraining t) =>
        t.CertificateFileId is { } id && Certificates.TryGetValue(id, out var f) ? f : null;

    /// <summary>“已聘用（任期至2029年11月26日）”, “已聘用 · 任期已届满”.</summary>
    public string StandingText => StandingOf(Profile, Today);

    public static string StandingOf(ReviewerProfile p, DateOnly today)
    {
        if (p.TermExpiredOn(today)) return $"{p.Status.Display()} · 任期已于{ChinaTime.Format(p.TermEndsOn!.Value)}届满";
        if (p.Status == ReviewerStatus.Appointed && p.AppointedOn > today) return $"已聘用 · 任期自{ChinaTime.Format(p.AppointedOn!.Value)}开始";
        if (p.Status is ReviewerStatus.Appointed or ReviewerStatus.Suspended && p.TermEndsOn is { } end)
            return $"{p.Status.Display()}（任期至{ChinaTime.Format(end)}）";
        if (p.IsNominated) return "候选 · 已提请领导小组审议";
        return p.Status.Display();
    }

    public static string StatusBadge(ReviewerProfile p, DateOnly today) => p.Status switch
    {
        ReviewerStatus.Appointed when p.IsAvailableOn(today) => "badge-ok",
        ReviewerStatus.Appointed => "badge-warn",
        ReviewerStatus.Suspended => "badge-warn",
        ReviewerStatus.Revoked => "badge-err",
        _ => "badge-info",
    };

    public static string OutcomeBadge(EligibilityOutcome o) => o switch
    {
        EligibilityOutcome.Met => "badge-ok",
        EligibilityOutcome.NotMet => "badge-err",
        _ => "badge-warn",
    };

    public static string IndustriesText(ReviewerProfile p) => p.Industries.Count == 0
        ? "未填写"
        : string.Join("；", p.Industries.Select(c => c.Length == 1 ? IndustryCatalog.SectionDisplay(c) : IndustryCatalog.DivisionDisplay(c)));

    public static string ProvinceText(ReviewerProfile p) => p.ProvinceCode is null ? "未填写" : RegionCatalog.ProvinceName(p.ProvinceCode);

    public static string EducationText(ReviewerProfile p) => p.EducationLevel is { } level
        ? level.Display() + (string.Join("，", new[] { p.Institution, p.Major, p.GraduationYear is { } y ? $"{y}年毕业" : null }
            .Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } d ? $"（{d}）" : "")
        : "未填写";
}
