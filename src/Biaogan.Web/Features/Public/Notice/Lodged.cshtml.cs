using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Public.Notice;

/// <summary>The receipt number after an objection was lodged (shown once, from TempData; never cached).</summary>
public sealed class LodgedModel : PageModel
{
    [TempData] public string? Receipt { get; set; }

    public void OnGet() { }
}
