using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features;

public sealed class IndexModel(AppDbContext db, DemoLogins demo, IWebHostEnvironment env) : PageModel
{
    public Cycle? Cycle { get; private set; }
    public IReadOnlyList<DemoLogins.Login> DemoLogins { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        // Signed-in people land on their to-do page (我的待办); the home page is for visitors.
        if (User.Identity?.IsAuthenticated == true) return Redirect("/Progress/Todo");
        Cycle = await db.Set<Cycle>().AsNoTracking()
            .OrderBy(c => c.Status == CycleStatus.Open ? 0 : 1).ThenByDescending(c => c.Year)
            .FirstOrDefaultAsync(c => c.Status != CycleStatus.Draft);
        if (env.IsDevelopment()) DemoLogins = demo.All;
        return Page();
    }
}
