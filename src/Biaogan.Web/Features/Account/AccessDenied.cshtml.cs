using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Account;

/// <summary>Where the cookie handler sends a signed-in user who lacks the role; answers 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
