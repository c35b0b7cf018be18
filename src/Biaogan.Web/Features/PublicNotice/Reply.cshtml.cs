using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>What the organisation concerned sees of an objection: the grounds only — never who objected — and its reply form.</summary>
public sealed record ObjectionForOrganization(Guid Id, string ReceiptNumber, string OrganizationName, string Grounds, DateTimeOffset ReceivedAt,
    DateOnly? ReplyDue, string? Reply, DateTimeOffset? RepliedAt, bool Open, int Version);

[Authorize(Policy = Policies.Applicant)]
public sealed class ReplyModel(AppDbContext db, NoticeWorkflow workflow, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public int ObjectionVersion { get; set; }

    public ObjectionForOrganization Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await workflow.AnswerAsync(Id, User.OrganizationId(), ObjectionVersion, Answer, actor.Name, ct) is null) return NotFound();
        Flash = "答复已提交活动办公室。";
        return RedirectToPage(new { Id });
    }

    /// <summary>Only the organisation concerned, and only once the office has asked it to reply.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var org = User.OrganizationId();
        if (org is null) return false;
        var item = await db.Set<Objection>().AsNoTracking().Where(x => x.Id == Id && x.OrganizationId == org && x.ReplyRequestedAt != null)
            .Select(x => new ObjectionForOrganization(x.Id, x.ReceiptNumber, x.OrganizationName, x.Grounds, x.ReceivedAt, x.ReplyDue, x.Reply,
                x.RepliedAt, x.Status != ObjectionStatus.Concluded, x.Version)).FirstOrDefaultAsync(ct);
        if (item is null) return false;
        Item = item;
        if (ObjectionVersion == 0) ObjectionVersion = item.Version;
        return true;
    }

    /// <summary>For the organisation's list of objections awaiting its reply.</summary>
    public static Task<List<ObjectionForOrganization>> ForOrganizationAsync(AppDbContext db, Guid organizationId, CancellationToken ct) =>
        db.Set<Objection>().AsNoTracking().Where(x => x.OrganizationId == organizationId && x.ReplyRequestedAt != null)
            .OrderBy(x => x.ReceivedAt)
            .Select(x => new ObjectionForOrganization(x.Id, x.ReceiptNumber, x.OrganizationName, x.Grounds, x.ReceivedAt, x.ReplyDue, x.Reply,
                x.RepliedAt, x.Status != ObjectionStatus.Concluded, x.Version)).ToListAsync(ct);
}
