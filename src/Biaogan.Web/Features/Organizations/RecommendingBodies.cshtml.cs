using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

/// <summary>推荐单位审核 (office): approve or reject self-registered bodies; their users are notified.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class RecommendingBodiesModel(AppDbContext db, OrganizationWorkflow workflow) : AppPageModel
{
    public sealed record Row(RecommendingBody Body, int Users);

    [BindProperty(SupportsGet = true)]
    public RecommendingBodyStatus? Status { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PendingCount { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, int version, CancellationToken ct)
    {
        var body = await workflow.ApproveBodyAsync(id, version, ct);
        Flash = $"已通过“{body.Name}”的注册审核，并通知该单位。";
        return RedirectToPage(new { status = Status });
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, int version, string? reason, CancellationToken ct)
    {
        var body = await workflow.RejectBodyAsync(id, version, reason ?? "", ct);
        Flash = $"“{body.Name}”的注册未予通过，已将理由通知该单位。";
        return RedirectToPage(new { status = Status });
    }

    private async Task LoadAsync()
    {
        var query = db.Set<RecommendingBody>().AsNoTracking();
        if (Status is { } s) query = query.Where(b => b.Status == s);
        var bodies = await query.ToListAsync();
        var ids = bodies.Select(b => b.Id).ToList();
        var counts = await db.Users.Where(u => u.RecommendingBodyId != null && ids.Contains(u.RecommendingBodyId.Value))
            .GroupBy(u => u.RecommendingBodyId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        Rows = bodies
            .OrderBy(b => b.Status == RecommendingBodyStatus.Pending ? 0 : 1).ThenByDescending(b => b.CreatedAt)
            .Select(b => new Row(b, counts.GetValueOrDefault(b.Id))).ToList();
        PendingCount = await db.Set<RecommendingBody>().CountAsync(b => b.Status == RecommendingBodyStatus.Pending);
    }
}
