using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>获奖三年后确认: the benchmarks due (the office opens a round for them) and the rounds so far.</summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class IndexModel(AppDbContext db, ConfirmationWorkflow workflow, ConfirmationDue due) : AppPageModel
{
    [BindProperty, Display(Name = "纳入本批的标杆")] public List<Guid> AwardIds { get; set; } = [];
    [BindProperty, Display(Name = "材料提交截止日期")] public DateOnly? SubmitBy { get; set; }

    public IReadOnlyList<DueView> Due { get; private set; } = [];
    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];
    public ConfirmationDueOptions Rule => due.Settings;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        AwardIds = Due.Select(d => d.AwardId).ToList();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var round = await workflow.OpenAsync(AwardIds, SubmitBy, ct);
        Flash = $"已开启{round.Title}：所选标杆在名录中显示“确认中”，并已通知各组织在截止日期前提交确认材料。";
        return RedirectToPage("Round", new { id = round.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Due = (await workflow.DueAsync(ct)).Select(a => ConfirmationViews.Due(a, due)).ToList();
        Rounds = await ConfirmationViews.RoundsAsync(db, ct);
    }
}
