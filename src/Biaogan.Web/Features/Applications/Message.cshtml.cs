using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Applications;

/// <summary>批量发送通知: preview who of the filtered list will receive the message, then send to exactly those.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class MessageModel(ApplicationBulkMessage messages) : AppPageModel
{
    public ApplicationFilter Filter { get; private set; } = new();
    public IReadOnlyList<ApplicationBulkMessage.Recipient> Recipients { get; private set; } = [];

    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<Guid> ApplicationIds { get; set; } = [];
    [BindProperty] public string? FilterText { get; set; }

    public async Task OnGetAsync(ApplicationFilter filter, CancellationToken ct)
    {
        Filter = filter;
        foreach (var (field, errors) in filter.Errors()) ModelState.AddModelError(field, errors[0]);
        if (ModelState.IsValid) Recipients = await messages.PreviewAsync(User, filter, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Subject)) ModelState.AddModelError(nameof(Subject), "请填写通知标题。");
        else if (Subject.Length > 100) ModelState.AddModelError(nameof(Subject), "通知标题不能超过100个字。");
        if (string.IsNullOrWhiteSpace(Body)) ModelState.AddModelError(nameof(Body), "请填写通知正文。");
        else if (Body.Length > 4000) ModelState.AddModelError(nameof(Body), "通知正文不能超过4000个字，请精简后再发送。");
        if (ApplicationIds.Count == 0) ModelState.AddModelError(nameof(ApplicationIds), "没有选中任何申报，请先在“全部申报”中筛选，再点击“批量发送通知”。");
        if (!ModelState.IsValid) return await RedisplayAsync();
        var sent = await messages.SendAsync(User, ApplicationIds, Subject!.Trim(), Body!.Trim(), FilterText ?? "", ct);
        Flash = $"已向 {ApplicationIds.Distinct().Count()} 份申报的 {sent} 位组织用户发送通知（站内信和电子邮件）。";
        return RedirectToPage("/Applications/Index");
    }

    /// <summary>Shows the posted applications' recipients again, with the typed text kept.</summary>
    public override async Task<IActionResult> RedisplayAsync()
    {
        var all = await messages.PreviewAsync(User, new ApplicationFilter(), HttpContext.RequestAborted);
        Recipients = all.Where(r => ApplicationIds.Contains(r.ApplicationId)).ToList();
        return Page();
    }
}
