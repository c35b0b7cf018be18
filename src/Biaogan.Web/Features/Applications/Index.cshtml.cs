using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>我的申报: the organisation's applications across cycles, and 新建申报 in the open cycle.</summary>
public sealed class IndexModel(AppDbContext db, ApplicationAccess access, ApplicationWorkflow workflow, IApplicationProgress progress) : AppPageModel
{
    public sealed record Row(Guid Id, string? Number, ApplicationStatus Status, int Year, string Organization, string Category, DateTimeOffset UpdatedAt,
        ApplicationStanding Standing);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ApplicationFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();
    public ListView? Paging { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Cycle? OpenCycle { get; private set; }
    public Application? LiveInOpenCycle { get; private set; }
    public ApplicationStanding? LiveStanding { get; private set; }
    public bool IsApplicant { get; private set; }
    public bool HasOrganization { get; private set; }
    public bool ShowOrganization { get; private set; }

    public async Task<IActionResult> OnGetAsync(ApplicationFilter filter, ListQuery list)
    {
        (Filter, List) = (filter, list);
        foreach (var (field, messages) in filter.Errors()) ModelState.AddModelError(field, messages[0]);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var caller = await access.CallerAsync(User);
        if (!caller.IsApplicant || caller.OrganizationId is not { } org)
            return Forbid();
        var app = await workflow.CreateAsync(org);
        Flash = "已新建申报草稿。系统每 30 秒自动保存一次，您也可以随时点击“保存”。";
        return RedirectToPage("/Applications/Edit/Basic", new { id = app.Id });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var caller = await access.CallerAsync(User);
        IsApplicant = caller.IsApplicant;
        HasOrganization = caller.OrganizationId is not null;
        ShowOrganization = !caller.IsApplicant;
        OpenCycle = await workflow.OpenCycleAsync();
        if (OpenCycle is not null && caller.IsApplicant && caller.OrganizationId is { } org)
            LiveInOpenCycle = await workflow.LiveApplicationAsync(OpenCycle.Id, org);
        Years = await db.Set<Cycle>().AsNoTracking().Select(c => c.Year).OrderByDescending(y => y).ToListAsync();
        var query = ModelState.IsValid ? ApplicationList.Query(db, caller, Filter) : ApplicationList.Query(db, caller, new ApplicationFilter());
        var page = await ApplicationList.Sorts.Apply(query, List).PageAsync(List, HttpContext.RequestAborted);
        Paging = ListView.Of(page, ApplicationList.Sorts, List, Filter.RouteValues());
        var ids = page.Items.Select(r => r.Id).ToList();
        if (LiveInOpenCycle is { } live) ids.Add(live.Id);
        var standings = await progress.StandingsAsync(ids.Distinct().ToList());
        if (LiveInOpenCycle is { } l) LiveStanding = standings[l.Id];
        Rows = page.Items
            .Select(r => new Row(r.Id, r.Number, r.Status, r.Year, r.Organization, r.Category is { } k ? Cycle.CategoryDisplay(k) : "未选择", r.UpdatedAt,
                standings[r.Id]))
            .ToList();
    }
}
