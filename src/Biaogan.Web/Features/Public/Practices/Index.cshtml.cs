using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Sharing;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Biaogan.Web.Features.Public.Practices;

/// <summary>
/// 经验案例 (no login, 第二十五、三十一条): the cases the office approved, by award year and category, each with its text and
/// files. Output-cached like the other public pages and keyed by the public version, which an approval, a withdrawal or a
/// revocation bumps, so a change shows at once on every node; a revoked award's cases are left out by the query itself.
/// </summary>
[OutputCache(PolicyName = WebModule.PublicPagePolicy)]
public sealed class IndexModel(SharingRecords records) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public AwardCategory? Category { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<PracticeView> Practices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await records.PublishedAsync(null, null, ct);
        Years = all.Select(p => p.AwardYear).Distinct().OrderDescending().ToList();
        Practices = all.Where(p => (Year is null || p.AwardYear == Year)
            && (Category is null || p.CategoryText == BenchmarkPractice.CategoryText(Category.Value))).ToList();
    }

    public static string FileLink(Guid fileId) => $"/api/public/practices/files/{fileId}";
}
