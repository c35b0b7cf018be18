using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>
/// 纪律处分: the office and the leading group see every proposal and decision and the referrals to the judicial
/// authorities; an organisation sees only the decided sanctions against itself.
/// </summary>
[Authorize(Policy = Policies.SupervisionParties)]
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    public IReadOnlyList<OrganizationSanction> Sanctions { get; private set; } = [];
    public IReadOnlyList<JudicialReferral> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sanctions = (await DisciplineAccess.Sanctions(db, User).ToListAsync(ct)).OrderByDescending(s => s.ProposedAt).ToList();
        if (DisciplineAccess.IsStaff(User))
            Referrals = (await db.Set<JudicialReferral>().AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.ReferredOn).ToList();
    }
}
