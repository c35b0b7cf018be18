using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>
/// /DocumentReview/Application/{applicationId}: the application read-only for a member of its 资料评审 expert group,
/// after the declaration, with the way to the reviewer's score sheet; everyone else gets 404 (its existence is not revealed).
/// </summary>
public sealed class ApplicationModel(AppDbContext db) : PageModel
{
    public ApplicationSummary Summary { get; private set; } = null!;
    public GroupMember Seat { get; private set; } = null!;
    public ScoreSheet? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        var userId = User.UserId();
        if (userId.Length == 0) return NotFound();
        var seat = await ReviewerGate.ReadableSeatAsync(db, userId, applicationId, ReviewStage.Document, ct);
        if (seat is null) return NotFound();
        var summary = await ApplicationSummary.LoadAsync(db, applicationId, ct);
        if (summary is null) return NotFound();
        Seat = seat;
        Summary = summary with { Files = summary.Files.Where(f => !f.IsRemoved).ToList() };
        Sheet = await db.Set<ScoreSheet>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == seat.Id, ct);
        return Page();
    }
}
