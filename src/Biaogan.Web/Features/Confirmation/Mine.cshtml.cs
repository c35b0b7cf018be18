using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>The winner's confirmations: what it must submit, and what was decided.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ConfirmationEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ConfirmationRound> Rounds { get; private set; } = new Dictionary<Guid, ConfirmationRound>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await ConfirmationViews.Entries(db, User).OrderByDescending(e => e.AwardYear).ToListAsync(ct);
        var ids = Entries.Select(e => e.RoundId).ToList();
        Rounds = await db.Set<ConfirmationRound>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
    }
}
