using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>The winning organisation's page: its benchmarks, certificates, verification links and the logo rules of 第三十二条.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MineModel(Infrastructure.Data.AppDbContext db, AwardCertificates certificates, ConfirmationDue due) : PageModel
{
    public IReadOnlyList<Award> Awards { get; private set; } = [];
    public string BaseUrl { get; private set; } = "";
    public ConfirmationDue Due => due;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = AppClaims.OrganizationOf(User);
        Awards = org is null ? [] : await db.Set<Award>().AsNoTracking().Where(a => a.OrganizationId == org)
            .OrderByDescending(a => a.Year).ToListAsync(ct);
        BaseUrl = certificates.PublicBaseUrl();
    }
}
