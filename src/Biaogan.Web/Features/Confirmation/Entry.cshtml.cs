using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// One benchmark's confirmation: the organisation fills in its three years and submits; the office and the leading group
/// read it (with the pre-filled records of the period) and the office puts it before the group. Anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.SupervisionParties)]
public sealed class EntryModel(AppDbContext db, ConfirmationWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int EntryVersion { get; set; }
    [BindProperty, StringLength(ConfirmationEntry.TextLength), Display(Name = "经营管理方面的变化")] public string? ManagementChanges { get; set; }
    [BindProperty] public List<YearFigures> Figures { get; set; } = [];
    [BindProperty, StringLength(2000), Display(Name = "组织声明")] public string? Statement { get; set; }

    public EntryView View { get; private set; } = null!;
    /// <summary>The confirmation group's submitted opinions: staff only, never the organisation.</summary>
    public IReadOnlyList<OpinionView> Opinions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (EntryVersion, ManagementChanges, Statement) = (View.Version, View.ManagementChanges, View.Statement);
        Figures = View.Figures.ToList();
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        if (!await LoadAsync(HttpContext.RequestAborted)) return NotFound();
        // Keep what was typed; a year whose number did not come back (a broken form) gets its empty row again.
        Figures = Enumerable.Range(View.FirstYear, 3).Select(y => Figures.FirstOrDefault(f => f.Year == y) ?? new YearFigures { Year = y }).ToList();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(false, "草稿已保存。提交前仍可修改。", ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        SaveAsync(true, "确认材料已提交活动办公室。领导小组作出决定后，您会收到通知。", ct);

    public async Task<IActionResult> OnPostForwardAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        if (await workflow.ForwardAsync(Id, ct) is null) return NotFound();
        Flash = "已提交领导小组审议，并通知领导小组成员。";
        return RedirectToPage(new { Id });
    }

    private async Task<IActionResult> SaveAsync(bool submit, string done, CancellationToken ct)
    {
        if (User.OrganizationId() is null) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await workflow.SaveAsync(User, Id, EntryVersion, new EntryForm(ManagementChanges, Figures, Statement), submit, ct) is null) return NotFound();
        Flash = done;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = (await ConfirmationViews.EntryAsync(db, workflow, User, Id, ct))!;
        if (View is not null && (User.IsOffice() || User.IsLeadingGroup())) Opinions = await GroupViews.OpinionsAsync(db, Id, ct);
        return View is not null;
    }
}
