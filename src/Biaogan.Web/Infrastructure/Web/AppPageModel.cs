using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Base of pages with forms. When a handler breaks a business rule or loses a concurrency race,
/// <see cref="DomainRuleFilter"/> adds the Chinese message to the form and calls
/// <see cref="RedisplayAsync"/>, which reloads what the page shows around the posted values, so nothing
/// the person typed is lost.
/// </summary>
public abstract class AppPageModel : PageModel
{
    /// <summary>Reloads the read-only data of the page (lists, lookups) without touching bound input.</summary>
    public virtual Task<IActionResult> RedisplayAsync() => Task.FromResult<IActionResult>(Page());

    /// <summary>A one-off confirmation shown on the next page (“已保存”).</summary>
    [TempData]
    public string? Flash { get; set; }
}
