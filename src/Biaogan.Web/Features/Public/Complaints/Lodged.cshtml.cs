using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Public.Complaints;

/// <summary>The receipt number after a complaint was lodged (shown once, from TempData; never cached).</summary>
public sealed class LodgedModel : PageModel
{
    [TempData] public string? Receipt { get; set; }

    public void OnGet() { }
}
