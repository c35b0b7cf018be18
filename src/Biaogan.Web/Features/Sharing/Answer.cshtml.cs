using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Sharing;

/// <summary>The winner answers one invitation of its own (参加 / 不参加, who comes, a talk) with its materials; another's is 404.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class AnswerModel(SharingRecords records, SharingWorkflow workflow, TimeProvider clock) : AppPageModel
{
    public const int MaxFiles = 5;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AnswerInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];

    public InvitationView Invitation { get; private set; } = null!;
    public bool CanAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Invitation.Answer != InvitationAnswer.Pending)
            Input = new AnswerInput { Answer = Invitation.Answer, Attendees = Invitation.Attendees, WillSpeak = Invitation.WillSpeak,
                TalkTitle = Invitation.TalkTitle, Note = Invitation.AnswerNote };
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (Uploads.Count > MaxFiles) throw new DomainRuleException($"一次最多上传 {MaxFiles} 个文件，请合并后重新选择。");
        var uploads = Uploads.Where(f => f.Length > 0).Select(f => new Upload(f.OpenReadStream(), f.FileName)).ToList();
        try
        {
            var saved = await workflow.AnswerAsync(User, Id, Input.Version, Input.ToForm(), uploads, ct);
            if (saved is null) return NotFound();
            Flash = saved.Answer == InvitationAnswer.Attend ? "答复已提交：参加。活动办公室会据此安排会务。" : "答复已提交：不参加。";
            return RedirectToPage("Mine");
        }
        finally
        {
            foreach (var u in uploads) await u.Content.DisposeAsync();
        }
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, [FromServices] FileStore store, CancellationToken ct) =>
        await records.FileAsync(User, fileId, ct) is { } f ? store.Serve(f) : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await records.MyInvitationAsync(User, Id, ct) is not { } invitation) return false;
        Invitation = invitation;
        CanAnswer = invitation.EventStatus != SharingEventStatus.Cancelled && Infrastructure.Time.ChinaTime.Today(clock) < invitation.StartsOn;
        Input.Version ??= invitation.Version;
        return true;
    }
}
