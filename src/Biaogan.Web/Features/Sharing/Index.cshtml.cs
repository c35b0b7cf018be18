using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Sharing;

/// <summary>The office's 经验交流与推广: the events (and a new one), the cases waiting for review and every case.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(SharingRecords records, SharingWorkflow workflow) : AppPageModel
{
    [BindProperty] public EventInput Input { get; set; } = new();

    public IReadOnlyList<EventView> Events { get; private set; } = [];
    public IReadOnlyList<PracticeView> Practices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var ev = await workflow.CreateAsync(Input.ToForm(), ct);
        Flash = $"活动“{ev.Title}”已创建。请选择要邀请的标杆并发出邀请。";
        return Redirect(SharingLinks.Event(ev.Id));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Events = await records.EventsAsync(ct);
        Practices = await records.PracticesAsync(User, false, ct);
    }
}
