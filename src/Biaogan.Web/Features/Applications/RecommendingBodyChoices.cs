using System.Text.Json;
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
            .Select(b => new Choice(b.Id, b.Name, b.Kind, ProvinceName(b.ProvinceCode), IndustryName(b.IndustrySection),
                org is not null && ((b.ProvinceCode is { Length: > 0 } p && p == org.ProvinceCode)
                    || (b.IndustrySection is { Length: > 0 } i && i == org.IndustrySection))))
            .GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g => new Group(RecommendingBody.KindDisplay(g.Key),
                g.OrderByDescending(c => c.Matches).ThenBy(c => c.Name, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private static readonly Lazy<Dictionary<string, string>> Provinces = new(() =>
    {
        using var s = typeof(RecommendingBodyChoices).Assembly.GetManifestResourceStream("Data/regions/provinces.json")!;
        return JsonSerializer.Deserialize<List<CodeName>>(s, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!
            .ToDictionary(p => p.Code, p => p.Name);
    });

    private sealed record CodeName(string Code, string Name);

    public static string ProvinceName(string? code) =>
        string.IsNullOrEmpty(code) ? "" : Provinces.Value.GetValueOrDefault(code, code);

    /// <summary>GB/T 4754-2017 国民经济行业分类 门类.</summary>
    private static readonly Dictionary<string, string> Sections = new()
    {
        ["A"] = "农、林、牧、渔业", ["B"] = "采矿业", ["C"] = "制造业", ["D"] = "电力、热力、燃气及水生产和供应业",
        ["E"] = "建筑业", ["F"] = "批发和零售业", ["G"] = "交通运输、仓储和邮政业", ["H"] = "住宿和餐饮业",
        ["I"] = "信息传输、软件和信息技术服务业", ["J"] = "金融业", ["K"] = "房地产业", ["L"] = "租赁和商务服务业",
        ["M"] = "科学研究和技术服务业", ["N"] = "水利、环境和公共设施管理业", ["O"] = "居民服务、修理和其他服务业",
        ["P"] = "教育", ["Q"] = "卫生和社会工作", ["R"] = "文化、体育和娱乐业", ["S"] = "公共管理、社会保障和社会组织", ["T"] = "国际组织",
    };

    public static string IndustryName(string? section) =>
        string.IsNullOrEmpty(section) ? "" : Sections.GetValueOrDefault(section.ToUpperInvariant(), section);
}
