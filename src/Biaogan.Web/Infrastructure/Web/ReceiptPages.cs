using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>The receipt shown once after a public form was lodged (_ReceiptIssued): what was lodged and where to look it up.</summary>
public sealed record ReceiptIssued(string What, string? Number, string LookUpUrl, string BackUrl, string BackText);

/// <summary>One line of a look-up result (_ReceiptLookup).</summary>
public sealed record ReceiptLine(string Label, string Value, bool Strong = false);

/// <summary>
/// The look-up page of a public form (异议, 投诉): receipt number and the phone given with it, both must match; the page
/// never says which of the two was wrong. Each form supplies the search and the lines the person may see.
/// </summary>
public abstract class ReceiptLookupModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    [Required(ErrorMessage = "请填写受理编号")]
    [Display(Name = "受理编号")]
    public string? Number { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "请填写提交时留下的联系电话")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    /// <summary>The lines found, or null before a search and when nothing matched.</summary>
    public IReadOnlyList<ReceiptLine>? Result { get; private set; }
    public string? FoundNumber { get; private set; }
    public bool NotFoundMessage { get; private set; }

    /// <summary>“异议” or “投诉”: the word the page uses.</summary>
    public abstract string What { get; }
    public abstract string Example { get; }

    protected abstract Task<(string Number, IReadOnlyList<ReceiptLine> Lines)?> FindAsync(string number, string phone, CancellationToken ct);

    public void OnGet() => ModelState.Clear();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var found = await FindAsync(Number!.Trim().ToUpperInvariant(), Phone!.Trim(), ct);
        if (found is { } f) (FoundNumber, Result) = (f.Number, f.Lines);
        else NotFoundMessage = true;
        return Page();
    }
}
