using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>The office's list of benchmarks: one page of the filtered, sorted awards with certificates, plaques and registry status.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, ConfirmationDue due) : AppPageModel
{
    public AwardFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();
    public ListView? Paging { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Award> Awards { get; private set; } = [];
    public ConfirmationDue Due => due;

    public async Task<IActionResult> OnGetAsync(AwardFilter filter, ListQuery list)
    {
        (Filter, List) = (filter, list);
        foreach (var (field, messages) in filter.Errors()) ModelState.AddModelError(field, messages[0]);
        return await RedisplayAsync();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var ct = HttpContext.RequestAborted;
        Years = await AwardRegistry.YearsAsync(db, ct);
        var query = AwardList.Query(db, ModelState.IsValid ? Filter : new AwardFilter()).AsNoTracking();
        var page = await AwardList.Sorts.Apply(query, List).PageAsync(List, ct);
        Paging = ListView.Of(page, AwardList.Sorts, List, Filter.RouteValues());
        Awards = page.Items;
        return Page();
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
