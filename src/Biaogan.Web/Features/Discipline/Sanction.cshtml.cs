using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Discipline;

/// <summary>
/// One sanction: the office and the leading group see the reason, source, evidence and votes; members of the leading group
/// vote; the office or a member records the decision the votes reached. The organisation concerned sees a decided sanction
/// (without votes or evidence). Anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.SupervisionParties)]
public sealed class SanctionModel(AppDbContext db, DisciplineWorkflow workflow, IOptions<SupervisionOptions> options) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int SanctionVersion { get; set; }
    [BindProperty, Display(Name = "意见")] public bool? Agree { get; set; }
    [BindProperty, Display(Name = "理由"), StringLength(OrganizationSanction.TextLength, ErrorMessage = "理由请控制在 4000 字以内。")] public string? Reason { get; set; }

    public OrganizationSanction Sanction { get; private set; } = null!;
    public IReadOnlyList<StoredFile> Files { get; private set; } = [];
    public bool Staff { get; private set; }
    public MajorityRule Majority => options.Value.Majority;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Sanction.Votes.FirstOrDefault(v => v.VoterUserId == User.UserId()) is { } mine) (Agree, Reason) = (mine.Agree, mine.Reason);
        return Page();
    }

    /// <summary>An evidence file, for the office and the leading group.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid fileId, [FromServices] FileStore store, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Staff) return NotFound();
        var file = Files.FirstOrDefault(f => f.Id == fileId);
        return file is null ? NotFound() : store.Serve(file);
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync(CancellationToken ct)
    {
        if (!User.IsLeadingGroup()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (Agree is not { } agree)
        {
            ModelState.AddModelError(nameof(Agree), "请选择同意或不同意。");
            return await RedisplayAsync();
        }
        if (await workflow.VoteAsync(User, Id, SanctionVersion, agree, Reason, ct) is null) return NotFound();
        Flash = "您的表决已记录。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        if (!DisciplineAccess.IsStaff(User)) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var d = await workflow.DecideAsync(Id, SanctionVersion, Reason, ct);
        if (d is null) return NotFound();
        var (s, done) = d.Value;
        Flash = s.Status == SanctionStatus.Rejected ? "已记录领导小组决定：不予处分。"
            : $"已记录领导小组决定：{OrganizationSanction.KindDisplay(s.Kind)}，已通知组织及其推荐单位。" + (done.Count == 0 ? "" : "已完成：" + string.Join("；", done) + "。");
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var s = await DisciplineAccess.Sanctions(db, User).FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (s is null) return false;
        Sanction = s;
        Staff = DisciplineAccess.IsStaff(User);
        if (SanctionVersion == 0) SanctionVersion = s.Version;
        if (Staff) Files = await workflow.Files(Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        return true;
    }
}
