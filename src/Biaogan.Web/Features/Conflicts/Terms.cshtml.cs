using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>保密承诺书: the office publishes a new version (label + text); seats keep the label their reviewer signed.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class TermsModel(AppDbContext db, ConflictSettings settings) : AppPageModel
{
    [BindProperty] public string? VersionLabel { get; set; }
    [BindProperty] public string? Text { get; set; }

    public (string Label, string Text) Current { get; private set; }
    public IReadOnlyList<ConfidentialityTerms> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Text = Current.Text;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var label = (VersionLabel ?? "").Trim();
        await settings.PublishTermsAsync(label, Text ?? "", ct);
        Flash = $"已发布保密承诺书 {label} 版。此后签署声明的评审员将签署新版本，已签署的记录保留原版本号。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await ConfidentialityTerms.CurrentAsync(db, ct);
        History = await db.Set<ConfidentialityTerms>().AsNoTracking().OrderByDescending(t => t.PublishedAt).ToListAsync(ct);
    }
}
