using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>The office's list of benchmarks of a year: certificates, plaques and registry status.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, ConfirmationDue due) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Award> Awards { get; private set; } = [];
    public ConfirmationDue Due => due;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await AwardRegistry.YearsAsync(db, ct);
        Year ??= Years.FirstOrDefault();
        Awards = await db.Set<Award>().AsNoTracking().Where(a => a.Year == Year).OrderBy(a => a.CertificateNumber).ToListAsync(ct);
    }

    public static string PlaqueText(Award a) => a switch
    {
        { PlaqueDeliveredOn: { } d } => $"已交付（{ChinaTimeText(d)}）",
        { PlaqueMadeOn: not null } => "已制作，待交付",
        { PlaqueNumber: not null } => "已登记编号",
        _ => "未登记",
    };

    private static string ChinaTimeText(DateOnly d) => Infrastructure.Time.ChinaTime.Format(d);
}
