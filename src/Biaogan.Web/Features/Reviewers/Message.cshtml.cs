using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>批量发送通知 to reviewers: preview who of the filtered pool will receive the message, then send to exactly those.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class MessageModel(ReviewerBulkMessage messages) : AppPageModel
{
    public ReviewerFilter Filter { get; private set; } = new();
    public IReadOnlyList<ReviewerBulkMessage.Recipient> Recipients { get; private set; } = [];
    public int WithoutAccount { get; private set; }

    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<Guid> ProfileIds { get; set; } = [];
    [BindProperty] public string? FilterText { get; set; }

    public async Task OnGetAsync(ReviewerFilter filter, CancellationToken ct)
    {
        Filter = filter;
        foreach (var (field, errors) in filter.Errors()) ModelState.AddModelError(field, errors[0]);
        if (!ModelState.IsValid) return;
        var preview = await messages.PreviewAsync(filter, ct);
        (Recipients, WithoutAccount) = (preview.Recipients, preview.WithoutAccount);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (field, errors) in ReviewerBulkMessageApi.Validate(Subject, Body))
            ModelState.AddModelError(field == "subject" ? nameof(Subject) : nameof(Body), errors[0]);
        if (ProfileIds.Count == 0) ModelState.AddModelError(nameof(ProfileIds), "没有选中任何评审员，请先在评审员库中筛选，再点击“批量发送通知”。");
        if (!ModelState.IsValid) return await RedisplayAsync();
        var sent = await messages.SendAsync(ProfileIds, Subject!.Trim(), Body!.Trim(), FilterText ?? "", ct);
        Flash = $"已向 {sent} 名评审员发送通知（站内信和电子邮件）。";
        return RedirectToPage("/Reviewers/Index");
    }

    /// <summary>Shows the posted profiles' recipients again, with the typed text kept.</summary>
    public override async Task<IActionResult> RedisplayAsync()
    {
        var all = await messages.PreviewAsync(new ReviewerFilter(), HttpContext.RequestAborted);
        Recipients = all.Recipients.Where(r => ProfileIds.Contains(r.ProfileId)).ToList();
        return Page();
    }
}
