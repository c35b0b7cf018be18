using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>The draft notice as the public page will show it.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class PreviewModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public PublicNoticeView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Status == CycleStatus.Open, ct);
        if (cycle is null) return;
        var n = await db.Set<PublicNotice>().AsNoTracking().FirstOrDefaultAsync(x => x.CycleId == cycle.Id, ct);
        if (n?.StartDate is not null) View = PublicNoticeView.From(n, clock.GetUtcNow());
    }
}
