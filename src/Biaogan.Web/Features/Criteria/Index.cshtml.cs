using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Criteria;

/// <summary>评价准则版本列表, and importing a JSON or Excel file as a new draft.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(CriteriaLibrary library) : AppPageModel
{
    public IReadOnlyList<CriteriaVersion> Versions { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Versions = await library.ListAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        Versions = await library.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (doc, errors, source) = await CriteriaUpload.ReadAsync(Upload, ct);
        if (doc is null)
        {
            foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
            return await RedisplayAsync();
        }
        var draft = await library.ImportAsync(doc, source, ct);
        var problems = draft.Problems().Count;
        Flash = $"已将{source}导入为草稿“{draft.Key}”。" + (problems > 0
            ? $"校验发现 {problems} 个问题（见下方），修正后才能发布。"
            : "校验通过，核对无误后即可发布。");
        return RedirectToPage("Details", new { id = draft.Id });
    }
}
