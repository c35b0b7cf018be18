using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>One confirmation round: each benchmark's submission, its case and the decision; the office publishes the result.</summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class RoundModel(AppDbContext db, ConfirmationWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int RoundVersion { get; set; }
    [BindProperty, StringLength(ConfirmationRound.PrefaceLength), Display(Name = "公告说明")] public string? Preface { get; set; }

    public RoundView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        RoundVersion = View.Round.Version;
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await workflow.PublishAsync(Id, RoundVersion, Preface, ct) is null) return NotFound();
        Flash = "确认结果已公布：公告页面和 PDF 现已公开，可将 PDF 发送给报刊、杂志和网络媒体。";
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = (await ConfirmationViews.RoundAsync(db, Id, ct))!;
        return View is not null;
    }
}
