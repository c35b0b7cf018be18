using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// The filters of the reviewer pool, bound from the query string by the API list and the bulk message (the page binds
/// the same names): 状态 (a <see cref="ReviewerStatus"/> name, or Available / Expired / Nominated), 行业 (GB/T 4754 门类),
/// 省份, 第十一条 result and a name. A value that names nothing is refused, not ignored.
/// </summary>
public sealed class ReviewerFilter
{
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "province")] public string? Province { get; set; }
    [FromQuery(Name = "eligibility")] public string? Eligibility { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Status) && !IndexModel.StatusChoices.Any(c => c.Value == Status))
            errors["status"] = [$"状态“{Status}”不存在；可选：{string.Join("、", IndexModel.StatusChoices.Select(c => $"{c.Value}（{c.Name}）"))}。"];
        if (!string.IsNullOrEmpty(Industry) && IndustryCatalog.FindSection(Industry) is null)
            errors["industry"] = [$"行业门类“{Industry}”不存在，请填写 GB/T 4754 的门类字母（A–T）。"];
        if (!string.IsNullOrEmpty(Province) && RegionCatalog.FindProvince(Province) is null)
            errors["province"] = [$"省份代码“{Province}”不存在，请填写省级行政区划代码（如 11 北京市）。"];
        if (!string.IsNullOrEmpty(Eligibility) && ParsedEligibility is null)
            errors["eligibility"] = [$"第十一条核对结果“{Eligibility}”不存在；可选：{string.Join("、", Enum.GetValues<EligibilityOutcome>().Select(e => $"{e}（{e.Display()}）"))}。"];
        if (Q?.Length > 50) errors["q"] = ["姓名搜索不能超过50个字。"];
        return errors;
    }

    public EligibilityOutcome? ParsedEligibility =>
        Enum.TryParse<EligibilityOutcome>(Eligibility, out var e) && Enum.IsDefined(e) && !int.TryParse(Eligibility, out _) ? e : null;

    public string Describe()
    {
        var parts = new List<string>();
        if (IndexModel.StatusChoices.FirstOrDefault(c => c.Value == Status) is { Name: { } s }) parts.Add($"状态：{s}");
        if (!string.IsNullOrEmpty(Industry)) parts.Add($"行业：{IndustryCatalog.FindSection(Industry)?.Name ?? Industry}");
        if (!string.IsNullOrEmpty(Province)) parts.Add($"省份：{RegionCatalog.ProvinceName(Province)}");
        if (ParsedEligibility is { } e) parts.Add($"第十一条：{e.Display()}");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"姓名：{Q.Trim()}");
        return parts.Count == 0 ? "评审员库全部人员" : string.Join("；", parts);
    }

    /// <summary>
    /// The matching profiles with their 第十一条 result, ordered by name. 第十一条 is evaluated per profile in memory (it
    /// reads the training and work records), so the pool is read and filtered here; callers page the result.
    /// </summary>
    public async Task<List<(ReviewerProfile Profile, EligibilityReport Eligibility)>> MatchAsync(AppDbContext db, DateOnly today,
        IReadOnlyCollection<Guid>? only = null, CancellationToken ct = default)
    {
        var settings = (await ReviewerPool.SettingsAsync(db, ct)).For(today);
        var profiles = db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery();
        if (only is not null) profiles = profiles.Where(p => only.Contains(p.Id));
        if (Q?.Trim() is { Length: > 0 } q) profiles = profiles.Where(p => p.Name.Contains(q));
        var all = await profiles.OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        return all.Where(p => IndexModel.Matches(p, Status, Industry, Province, today))
            .Select(p => (Profile: p, Eligibility: ReviewerEligibility.Evaluate(p, settings)))
            .Where(r => ParsedEligibility is not { } wanted || r.Eligibility.Overall == wanted)
            .ToList();
    }
}
