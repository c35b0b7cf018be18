using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Public.Notice;

/// <summary>What the objector may see: the status and the conclusion text the office marked as publishable — nothing else.</summary>
public sealed record ReceiptStatus(string ReceiptNumber, string OrganizationName, string Status, string? Conclusion);

/// <summary>Receipt lookup: receipt number + the phone given with the objection (both must match).</summary>
[EnableRateLimiting(RateLimitPolicies.Objection)]
public sealed class ReceiptModel(AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    [Required(ErrorMessage = "请填写受理编号")]
    [Display(Name = "受理编号")]
    public string? Number { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "请填写提交异议时留下的联系电话")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    public ReceiptStatus? Result { get; private set; }
    public bool NotFoundMessage { get; private set; }

    public void OnGet() => ModelState.Clear();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var number = Number!.Trim().ToUpperInvariant();
        var phone = Phone!.Trim();
        var o = await db.Set<Objection>().AsNoTracking().Where(x => x.ReceiptNumber == number && x.Phone == phone)
            .Select(x => new { x.ReceiptNumber, x.OrganizationName, x.Status, x.PublicConclusion }).FirstOrDefaultAsync(ct);
        if (o is null) NotFoundMessage = true;
        else Result = new ReceiptStatus(o.ReceiptNumber, o.OrganizationName, Objection.StatusDisplay(o.Status),
            o.Status == ObjectionStatus.Concluded ? o.PublicConclusion : null);
        return Page();
    }
}
