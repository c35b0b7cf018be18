using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>
/// 第二十六条 书面报告 by the winning organisation: a new report on one of its benchmarks, or (with an id) the report the office
/// asked for on an incident it registered. Only the organisation's own incidents; others 404.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class ReportModel(AppDbContext db, IncidentWorkflow workflow, TimeProvider clock) : AppPageModel
{
    public const int MaxFiles = 5;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty, Display(Name = "标杆")] public Guid AwardId { get; set; }
    [BindProperty, Display(Name = "事件类别")] public IncidentCategory Category { get; set; }
    [BindProperty, Display(Name = "发生日期")] public DateOnly? OccurredOn { get; set; }
    [BindProperty, Display(Name = "事件经过"), StringLength(Incident.TextLength)] public string? WhatHappened { get; set; }
    [BindProperty, Display(Name = "已采取的措施"), StringLength(Incident.TextLength)] public string? Measures { get; set; }
    [BindProperty] public int IncidentVersion { get; set; }
    [BindProperty, Display(Name = "附件")] public List<IFormFile> Uploads { get; set; } = [];

    public IncidentView? Requested { get; private set; }
    public IReadOnlyList<SelectListItem> Awards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (Uploads.Count > MaxFiles) throw new DomainRuleException($"一次最多上传 {MaxFiles} 个附件，请合并后重新选择。");
        var attachments = Uploads.Where(f => f.Length > 0).Select(f => new Attachment(f.OpenReadStream(), f.FileName)).ToList();
        try
        {
            var incident = Id is { } id
                ? await workflow.ReportAsync(User, id, IncidentVersion, WhatHappened, Measures, attachments, ct)
                : await workflow.FileAsync(User, AwardId, Category, OccurredOn, WhatHappened, Measures, attachments, ct);
            if (incident is null) return NotFound();
            var late = incident.DaysLate(clock.GetUtcNow());
            Flash = late > 0
                ? $"书面报告已提交活动办公室。报告截止日期为 {ChinaTime.Format(incident.DueOn)}，本次报告逾期 {late} 天。"
                : "书面报告已提交活动办公室。";
            return RedirectToPage("Case", new { id = incident.CaseId });
        }
        finally
        {
            foreach (var a in attachments) await a.Content.DisposeAsync();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var org = User.OrganizationId();
        if (org is null) return false;
        if (Id is { } id)
        {
            var incident = await SupervisionAccess.Incidents(db, User).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null) return false;
            Requested = SupervisionViews.Incident(incident, clock);
            if (IncidentVersion == 0) IncidentVersion = incident.Version;
            return true;
        }
        Awards = await IndexModel.AwardOptionsAsync(db, org, ct);
        return true;
    }
}
