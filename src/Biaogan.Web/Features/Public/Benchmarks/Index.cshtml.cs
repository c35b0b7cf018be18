using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Public.Benchmarks;

/// <summary>标杆名录 (no login): one page of the benchmarks, latest year first, with certificate number and status; no scores (第三十一条).</summary>
[OutputCache(PolicyName = WebModule.PublicPagePolicy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public RegistryFilter Filter { get; private set; } = new();
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<RegistryEntry> Entries { get; private set; } = [];
    public ListView? Paging { get; private set; }
    /// <summary>Benchmarks per year in the whole filtered registry (a year's heading counts all of them, not only this page's).</summary>
    public IReadOnlyDictionary<int, int> YearCounts { get; private set; } = new Dictionary<int, int>();

    public async Task OnGetAsync(RegistryFilter filter, ListQuery list, CancellationToken ct)
    {
        Filter = filter;
        foreach (var (field, messages) in filter.Errors()) ModelState.AddModelError(field, messages[0]);
        Years = await AwardRegistry.YearsAsync(db, ct);
        // The page keeps the registry's order (by year, then certificate number) so that its year headings hold.
        list.Sort = null;
        list.Dir = null;
        var used = ModelState.IsValid ? filter : new RegistryFilter();
        var page = await AwardRegistry.PageAsync(db, used, list, ct);
        YearCounts = await AwardList.Query(db, used.AsAwardFilter()).GroupBy(a => a.Year)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Paging = ListView.Of(page, AwardList.Sorts, list, filter.RouteValues());
        Entries = page.Items;
    }

    public static string Badge(string status) => Award.StatusBadge(Enum.Parse<AwardStatus>(status));
}
