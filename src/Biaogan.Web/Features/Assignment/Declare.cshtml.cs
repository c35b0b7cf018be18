using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// 无利益冲突声明和保密承诺 of one seat. Before any material, the reviewer sees the applicant's name and category only,
/// reads the terms in force and either signs (the seat becomes Declared and the materials open) or declares a conflict
/// (a confirmed case, the seat removed, the office notified). Only the seat's own reviewer reaches it; others get 404.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class DeclareModel(AppDbContext db, SeatDeclarations declarations) : AppPageModel
{
    [BindProperty] public bool Accept { get; set; }
    [BindProperty] public string? TermsVersion { get; set; }
    [BindProperty] public string? Statement { get; set; }
    [BindProperty] public int Version { get; set; }

    public GroupMember Seat { get; private set; } = null!;
    public ReviewStage Stage { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public AwardCategory? Category { get; private set; }
    public string? ServiceName { get; private set; }
    public (string Label, string Text) Terms { get; private set; }
    public bool Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        Version = Seat.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid memberId, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(memberId, ct)) return NotFound();
        await declarations.SignAsync(Seat, Version, Accept, TermsVersion, Terms.Label, ct);
        Flash = $"已签署无利益冲突声明和保密承诺（{Terms.Label} 版），现在可以查阅申报材料并独立评分。";
        return RedirectToPage(new { memberId });
    }

    public async Task<IActionResult> OnPostConflictAsync(Guid memberId, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(memberId, ct)) return NotFound();
        await declarations.DeclareConflictAsync(Seat, Version, Statement ?? "", ct);
        Flash = "已记录您申报的利益冲突，您已退出该专家组。活动办公室将另行安排评审员，感谢您如实申报。";
        return RedirectToPage(new { memberId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(Guid.Parse(RouteData.Values["memberId"]!.ToString()!), HttpContext.RequestAborted);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid memberId, CancellationToken ct)
    {
        var me = User.UserId();
        var seat = await db.Set<GroupMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (seat is null || me.Length == 0) return false;
        // Another reviewer's seat is not found, whatever its id.
        if (!await db.Set<ReviewerProfile>().AnyAsync(p => p.Id == seat.ReviewerId && p.UserId == me, ct)) return false;
        Seat = seat;
        Stage = await db.Set<ExpertGroup>().Where(g => g.Id == seat.GroupId).Select(g => g.Stage).FirstAsync(ct);
        var app = await (from a in db.Set<Application>().AsNoTracking()
                         join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                         where a.Id == seat.ApplicationId
                         select new { o.Name, a.Category, a.ServiceName }).FirstAsync(ct);
        (OrganizationName, Category, ServiceName) = (app.Name, app.Category, app.ServiceName);
        Terms = await ConfidentialityTerms.CurrentAsync(db, ct);
        TermsVersion ??= Terms.Label;
        Blocked = seat.IsActive && await ConflictQueries.IsBlockedAsync(db, seat.ReviewerId, seat.ApplicationId, ct);
        return true;
    }
}
