using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Qualification;

/// <summary>催办补正: preview who of the filtered queue still owes a 补正, then remind exactly those.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class RemindModel(QualificationReminders reminders) : AppPageModel
{
    public QualificationFilter Filter { get; private set; } = new();
    public IReadOnlyList<QualificationReminders.Recipient> Recipients { get; private set; } = [];

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<Guid> ApplicationIds { get; set; } = [];
    [BindProperty] public string? FilterText { get; set; }

    public async Task OnGetAsync(QualificationFilter filter, CancellationToken ct)
    {
        Filter = filter;
        foreach (var (field, errors) in filter.Errors()) ModelState.AddModelError(field, errors[0]);
        if (ModelState.IsValid) Recipients = await reminders.PreviewAsync(filter, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Note?.Length > 500) ModelState.AddModelError(nameof(Note), "附言不能超过500个字。");
        if (ApplicationIds.Count == 0) ModelState.AddModelError(nameof(ApplicationIds), "没有待补正的申报可催办，请先在资格审查队列中筛选。");
        if (!ModelState.IsValid) return await RedisplayAsync();
        var (apps, people) = await reminders.SendAsync(ApplicationIds, Note, FilterText ?? "", ct);
        Flash = $"已向 {apps} 份待补正申报的 {people} 位组织用户发送补正提醒（站内信和电子邮件）。";
        return RedirectToPage("/Qualification/Index");
    }

    /// <summary>Shows the posted applications' recipients again, with the typed note kept.</summary>
    public override async Task<IActionResult> RedisplayAsync()
    {
        var all = await reminders.PreviewAsync(new QualificationFilter(), HttpContext.RequestAborted);
        Recipients = all.Where(r => ApplicationIds.Contains(r.ApplicationId)).ToList();
        return Page();
    }
}
