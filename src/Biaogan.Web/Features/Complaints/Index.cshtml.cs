using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Complaints;

/// <summary>公众投诉 for the office and the leading group: every complaint, its case (benchmarks) and its status.</summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ComplaintView> Complaints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Complaints = await ComplaintViews.ListAsync(db, ct);
}
