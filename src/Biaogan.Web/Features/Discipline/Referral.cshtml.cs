using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>移送司法机关 (第二十八条): the office records a referral of a reviewer or an organisation.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ReferralModel(AppDbContext db, DisciplineWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public ReferralSubject Subject { get; set; }
    [BindProperty(SupportsGet = true)] public Guid SubjectId { get; set; }
    [BindProperty, Display(Name = "移送日期")] public DateOnly? ReferredOn { get; set; }
    [BindProperty, Display(Name = "司法机关")] public string? Authority { get; set; }
    [BindProperty, Display(Name = "文书编号")] public string? Reference { get; set; }
    [BindProperty, Display(Name = "备注")] public string? Note { get; set; }

    public string SubjectName { get; private set; } = "";
    public IReadOnlyList<JudicialReferral> Earlier { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var r = await workflow.ReferAsync(Subject, SubjectId, ReferredOn, Authority, Reference, Note, ct);
        if (r is null) return NotFound();
        Flash = $"已记录：{r.SubjectName}于 {r.ReferredOn:yyyy-MM-dd} 移送{r.Authority}。";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var name = Subject == ReferralSubject.Reviewer
            ? await db.Set<ReviewerProfile>().Where(p => p.Id == SubjectId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : await db.Set<Organization>().Where(o => o.Id == SubjectId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        SubjectName = name;
        Earlier = await db.Set<JudicialReferral>().AsNoTracking().Where(r => r.Subject == Subject && r.SubjectId == SubjectId).ToListAsync(ct);
        return true;
    }
}
