using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Governance;

/// <summary>重要问题裁决: the leading group records a ruling; everyone in the office reads and cites them.</summary>
[Authorize(Policy = Policies.Governance)]
public sealed class RulingsModel(AppDbContext db, RulingBook book, ICitationSubjects subjects, TimeProvider clock) : AppPageModel
{
    public sealed class RulingInput
    {
        [Display(Name = "所裁决的问题"), StringLength(500)] public string? Question { get; set; }
        [Display(Name = "裁决内容"), StringLength(Ruling.TextLength)] public string? Text { get; set; }
        [Display(Name = "裁决日期")] public DateOnly? DecidedOn { get; set; }
        [Range(0, 200)] public int VotesFor { get; set; }
        [Range(0, 200)] public int VotesAgainst { get; set; }
        [Range(0, 200)] public int VotesAbstain { get; set; }
        [Display(Name = "裁决理由"), StringLength(Ruling.TextLength)] public string? Reasons { get; set; }
    }

    public sealed class CitationInput
    {
        public Guid RulingId { get; set; }
        public Guid CaseId { get; set; }
        [StringLength(1000)] public string? Note { get; set; }
    }

    [BindProperty] public RulingInput Input { get; set; } = new();
    [BindProperty] public CitationInput Citation { get; set; } = new();

    public IReadOnlyList<Ruling> Rulings { get; private set; } = [];
    /// <summary>Where each ruling was cited (case id → its number), newest ruling first.</summary>
    public ILookup<Guid, RulingCitation> Citations { get; private set; } = Array.Empty<RulingCitation>().ToLookup(c => c.RulingId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.DecidedOn = clock.Today();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsLeadingGroup()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var r = await book.RecordAsync(Input.Question, Input.Text, Input.DecidedOn, Input.VotesFor, Input.VotesAgainst, Input.VotesAbstain, Input.Reasons, ct);
        Flash = $"已登记{r.Reference}。";
        return RedirectToPage();
    }

    /// <summary>The office cites a ruling from a supervision case (the form is on the case page).</summary>
    public async Task<IActionResult> OnPostCiteAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        if (await subjects.PathAsync(RulingCitation.SupervisionCase, Citation.CaseId, ct) is not { } back) return NotFound();
        await book.CiteAsync(Citation.RulingId, RulingCitation.SupervisionCase, Citation.CaseId, Citation.Note, ct);
        Flash = "已在本案件中引用领导小组裁决。";
        return LocalRedirect(back);
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rulings = await book.ListAsync(ct);
        Citations = (await db.Set<RulingCitation>().AsNoTracking().ToListAsync(ct)).ToLookup(c => c.RulingId);
    }
}
