using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Sharing;

/// <summary>
/// One event for the office: revise it, invite valid benchmarks (filtered by award year), read the answers and materials,
/// record attendance once it has begun, or cancel it.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class EventModel(SharingRecords records, SharingWorkflow workflow, AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>Award year to choose benchmarks from (all years when empty).</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public EventInput Input { get; set; } = new();
    [BindProperty] public List<Guid> AwardIds { get; set; } = [];
    [BindProperty] public Dictionary<Guid, Attendance> Attendance { get; set; } = [];
    [BindProperty] public ReasonInput Cancel { get; set; } = new();

    public EventView Event { get; private set; } = null!;
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];
    public IReadOnlyList<Award> Candidates { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = EventInput.From(Event);
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await workflow.ReviseAsync(Id, Input.Version, Input.ToForm(), ct) is null) return NotFound();
        Flash = "活动信息已保存。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var n = await workflow.InviteAsync(Id, AwardIds, ct);
        if (n is null) return NotFound();
        Flash = $"已邀请 {n} 个标杆，并通过邮件和站内信通知其联系人。活动开始前仍未答复的，系统会自动提醒。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct)
    {
        if (await workflow.RecordAttendanceAsync(Id, Input.Version, Attendance, ct) is null) return NotFound();
        Flash = "出席情况已登记，并记入各标杆的参加记录。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await workflow.CancelAsync(Id, Input.Version, Cancel.Reason, ct) is null) return NotFound();
        Flash = "活动已取消。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, [FromServices] FileStore store, CancellationToken ct) =>
        await records.FileAsync(User, fileId, ct) is { } f ? store.Serve(f) : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await records.EventAsync(Id, ct) is not { } ev) return false;
        Event = ev;
        Invitations = await records.InvitationsOfEventAsync(Id, ct);
        var invited = Invitations.Select(i => i.AwardId).ToList();
        var valid = db.Set<Award>().AsNoTracking().Where(a => a.Status != AwardStatus.Revoked);
        Years = await valid.Select(a => a.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var q = valid.Where(a => !invited.Contains(a.Id));
        if (Year is { } y) q = q.Where(a => a.Year == y);
        Candidates = await q.OrderByDescending(a => a.Year).ThenBy(a => a.CertificateNumber).ToListAsync(ct);
        if (Input.Version is null) Input.Version = ev.Version;
        return true;
    }
}
