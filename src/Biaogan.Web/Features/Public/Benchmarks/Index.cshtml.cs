using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Biaogan.Web.Features.Public.Benchmarks;

/// <summary>标杆名录 (no login): every benchmark by year with its certificate number and status; no scores (第三十一条).</summary>
[OutputCache(PolicyName = WebModule.PublicPagePolicy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<RegistryEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await AwardRegistry.YearsAsync(db, ct);
        Entries = await AwardRegistry.ListAsync(db, Year, ct);
    }

    public static string Badge(string status) => Award.StatusBadge(Enum.Parse<AwardStatus>(status));
}
