using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>A reviewer's record from the organisations' ratings across cycles (office only; never the reviewer).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ReviewerModel(AppDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public Guid ProfileId { get; private set; }
    public ReviewerRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid profileId, CancellationToken ct)
    {
        var name = await db.Set<ReviewerProfile>().AsNoTracking().Where(p => p.Id == profileId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound();
        Name = name;
        ProfileId = profileId;
        Record = await ReviewerRecords.LoadAsync(db, profileId, ct);
        return Page();
    }
}
