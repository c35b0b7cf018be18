using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>The winning organisation's page: its benchmarks, certificates, verification links and the logo rules of 第三十二条.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MineModel(Infrastructure.Data.AppDbContext db, AwardCertificates certificates, IEnumerable<IAwardRecordSection> sections,
    ConfirmationDue due) : PageModel
{
    public IReadOnlyList<Award> Awards { get; private set; } = [];
    public string BaseUrl { get; private set; } = "";
    public ConfirmationDue Due => due;
    /// <summary>Per award, the parts of its record kept by the features above (goals and reports, participation).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<AwardRecordSection>> Record { get; private set; } = new Dictionary<Guid, IReadOnlyList<AwardRecordSection>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = AppClaims.OrganizationOf(User);
        Awards = org is null ? [] : await db.Set<Award>().AsNoTracking().Where(a => a.OrganizationId == org)
            .OrderByDescending(a => a.Year).ToListAsync(ct);
        BaseUrl = certificates.PublicBaseUrl();
        var record = new Dictionary<Guid, IReadOnlyList<AwardRecordSection>>();
        foreach (var award in Awards)
        {
            var list = new List<AwardRecordSection>();
            foreach (var s in sections.OrderBy(s => s.Order)) list.Add(await s.SectionAsync(award, forOrganization: true, ct));
            record[award.Id] = list;
        }
        Record = record;
    }
}
