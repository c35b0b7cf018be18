using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>
/// 提请处分: the office proposes a sanction against the organisation of one application, pre-filled from the stage page
/// that opened it (source and what was found), with evidence files; the leading group is told that a vote waits.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class ProposeModel(AppDbContext db, DisciplineWorkflow workflow, IDisciplineRecord record) : AppPageModel
{
    public const int MaxFiles = 5;

    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "问题来源")] public SanctionSource Source { get; set; } = SanctionSource.Other;
    [BindProperty(SupportsGet = true), Display(Name = "来源说明"), StringLength(500, ErrorMessage = "来源说明请控制在 500 字以内。")] public string? Note { get; set; }
    [BindProperty, Display(Name = "处分种类"), Required(ErrorMessage = "请选择处分种类：批评、警告或撤销申报及接受评审资格。")] public DisciplineKind? Kind { get; set; }
    [BindProperty, Display(Name = "处分理由"), StringLength(OrganizationSanction.TextLength, ErrorMessage = "处分理由请控制在 4000 字以内，较长的材料请作为附件上传。")] public string? Reason { get; set; }
    [BindProperty, Display(Name = "证明材料")] public List<IFormFile> Uploads { get; set; } = [];

    public string OrganizationName { get; private set; } = "";
    public string? ApplicationNumber { get; private set; }
    public string StatusText { get; private set; } = "";
    public IReadOnlyList<DisciplineNote> Record { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (Uploads.Count > MaxFiles) throw new DomainRuleException($"一次最多上传 {MaxFiles} 个证明材料，请合并后重新选择。");
        var attachments = Uploads.Where(f => f.Length > 0).Select(f => new Attachment(f.OpenReadStream(), f.FileName)).ToList();
        try
        {
            var s = await workflow.ProposeAsync(new SanctionProposal(ApplicationId, Kind!.Value, Source, Note, Reason), attachments, ct);
            Flash = $"处分建议 {s.Number} 已提交领导小组表决，已通知领导小组成员。";
            return RedirectToPage("Sanction", new { id = s.Id });
        }
        finally
        {
            foreach (var a in attachments) await a.Content.DisposeAsync();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var row = await (from a in db.Set<Application>().AsNoTracking()
                         join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                         where a.Id == ApplicationId
                         select new { o.Id, o.Name, a.Number, a.Status }).FirstOrDefaultAsync(ct);
        if (row is null) return false;
        (OrganizationName, ApplicationNumber, StatusText) = (row.Name, row.Number, row.Status.Display());
        Record = await record.DecidedForAsync(row.Id, ct);
        return true;
    }
}
