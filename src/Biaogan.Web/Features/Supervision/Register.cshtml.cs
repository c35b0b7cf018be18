using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Biaogan.Web.Features.Supervision;

/// <summary>The office registers an incident it learned of elsewhere (第二十六条) and may ask for the written report by a deadline.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class RegisterModel(AppDbContext db, IncidentWorkflow workflow) : AppPageModel
{
    [BindProperty, Display(Name = "标杆")] public Guid AwardId { get; set; }
    [BindProperty, Display(Name = "事件类别")] public IncidentCategory Category { get; set; }
    [BindProperty, Display(Name = "消息来源")] public IncidentSource Source { get; set; } = IncidentSource.Regulator;
    [BindProperty, Display(Name = "发生日期")] public DateOnly? OccurredOn { get; set; }
    [BindProperty, Display(Name = "了解到的情况"), StringLength(Incident.TextLength)] public string? Account { get; set; }
    [BindProperty, Display(Name = "书面报告截止日期")] public DateOnly? ReportBy { get; set; }

    public IReadOnlyList<SelectListItem> Awards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Awards = await IndexModel.AwardOptionsAsync(db, null, ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        Awards = await IndexModel.AwardOptionsAsync(db, null, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var incident = await workflow.RegisterAsync(AwardId, Category, Source, OccurredOn, Account, ReportBy, ct);
        Flash = ReportBy is null ? "事件已登记并立案。" : "事件已登记并立案，已通知组织在截止日期前提交书面报告。";
        return RedirectToPage("Case", new { id = incident.CaseId });
    }
}
