using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// The recommending bodies (推荐单位, 第十五条) an applicant may choose: approved ones, grouped by kind, with
/// their region (GB/T 2260) or industry (GB/T 4754-2017 门类) spelled out, those matching the
/// organisation's own region or industry first.
/// </summary>
public static class RecommendingBodyChoices
{
    public sealed record Choice(Guid Id, string Name, RecommendingBodyKind Kind, string Region, string Industry, bool Matches);

    public sealed record Group(string KindName, IReadOnlyList<Choice> Bodies);

    public static async Task<IReadOnlyList<Group>> LoadAsync(AppDbContext db, Organization? org, CancellationToken ct = default)
    {
        var bodies = await db.Set<RecommendingBody>().AsNoTracking()
            .Where(b => b.Status == RecommendingBodyStatus.Approved).ToListAsync(ct);
        return bodies
            .Select(b => new Choice(b.Id, b.Name, b.Kind, RegionCatalog.ProvinceName(b.ProvinceCode), IndustryCatalog.SectionName(b.IndustrySection),
                org is not null && ((b.ProvinceCode is { Length: > 0 } p && p == org.ProvinceCode)
                    || (b.IndustrySection is { Length: > 0 } i && i == org.IndustrySection))))
            .GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g => new Group(RecommendingBody.KindDisplay(g.Key),
                g.OrderByDescending(c => c.Matches).ThenBy(c => c.Name, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
