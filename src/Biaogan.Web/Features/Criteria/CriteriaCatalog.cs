using System.Text.Json;

namespace Biaogan.Web.Features.Criteria;

/// <summary>One category (类目) of an evaluation standard; a 自我评价报告 section is written per category.</summary>
public sealed record CriteriaCategory(string Code, string Name, int Points, bool Confirmed, string Guidance);

/// <summary>评价准则 outline. The scored item tree (条目, 评分档) arrives with the document-review feature.</summary>
public sealed record CriteriaOutline(string Code, string Title, int TotalPoints, bool PointsConfirmed, string Note,
    IReadOnlyList<CriteriaCategory> Categories);

/// <summary>
/// The evaluation standards shipped as data files (Data/criteria). A cycle pins one by code
/// (第十三条: T/CAQ 10301-2016 by default). Unconfirmed point values are flagged 待核定.
/// </summary>
public static class CriteriaCatalog
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyList<CriteriaOutline>> Loaded = new(Load);

    public static IReadOnlyList<CriteriaOutline> All => Loaded.Value;

    public static CriteriaOutline? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    /// <summary>The outline a cycle pins, or the programme default if the code is unknown.</summary>
    public static CriteriaOutline ForCycle(string standardCode) => Find(standardCode) ?? All.First(c => c.Code == "T/CAQ 10301-2016");

    private static IReadOnlyList<CriteriaOutline> Load()
    {
        var asm = typeof(CriteriaCatalog).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("Data/criteria/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<CriteriaOutline>(s, Options)!;
            })
            .OrderBy(c => c.Code == "T/CAQ 10301-2016" ? 0 : 1)
            .ToList();
    }
}
