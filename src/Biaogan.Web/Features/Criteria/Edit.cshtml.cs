using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// 编辑草稿: header, categories and items (add, remove, reorder, points, kinds, 待核定), scoring bands and
/// their descriptors. Every button saves the whole draft; sums are checked and shown, and block only publishing.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(CriteriaLibrary library, AppDbContext db) : AppPageModel
{
    [BindProperty]
    public CriteriaForm Form { get; set; } = new();

    /// <summary>The button pressed: save, publish, or a structural one (see <see cref="CriteriaForm.Apply"/>).</summary>
    [BindProperty]
    public string? Op { get; set; }

    public CriteriaVersion Criteria { get; private set; } = null!;

    /// <summary>Problems of the draft as saved (they do not block saving, only publishing).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var version = await library.FindAsync(id, ct);
        if (version is null) return NotFound();
        if (!version.IsDraft)
        {
            Flash = $"“{version.Key}”{CriteriaVersion.StatusDisplay(version.Status)}，不能修改。请使用“复制为新草稿”。";
            return RedirectToPage("Details", new { id });
        }
        Criteria = version;
        Problems = version.Problems();
        Form = CriteriaForm.From(version);
        return Page();
    }

    /// <summary>Shows the posted tree (with the pressed button applied) and the error, never the stale posted row values.</summary>
    public override async Task<IActionResult> RedisplayAsync()
    {
        var errors = ModelState.Where(e => e.Key.Length == 0).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
        ModelState.Clear();
        foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
        var id = Guid.Parse(RouteData.Values["id"]!.ToString()!);
        db.ChangeTracker.Clear();
        var version = await library.FindAsync(id, HttpContext.RequestAborted);
        if (version is null) return NotFound();
        Criteria = version;
        Problems = version.Problems();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var version = await library.FindAsync(id, ct);
        if (version is null) return NotFound();
        Criteria = version;
        version.EnsureDraft();
        if (!ModelState.IsValid)
        {
            Problems = version.Problems();
            return Page();
        }
        var anchor = Form.Apply(Op);
        await library.SaveDraftAsync(version, Form.ToDocument(version.Code), Form.Version, ct);
        Form.Version = version.Version;
        var problems = version.Problems();
        if (Op == "publish")
        {
            await library.PublishAsync(version, version.Version, ct);
            Flash = $"已保存并发布“{version.Key}”。年度活动现在可以选择它作为评审标准。";
            return RedirectToPage("Details", new { id });
        }
        Flash = problems.Count == 0 ? "已保存草稿，校验通过。" : $"已保存草稿。校验发现 {problems.Count} 个问题，修正后才能发布。";
        return Redirect($"/Criteria/Edit/{id}" + (anchor.Length > 0 ? "#" + anchor : ""));
    }
}
