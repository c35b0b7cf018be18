using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Cycles;

/// <summary>年度活动 list for the office.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
}
