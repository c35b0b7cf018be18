using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// 个人关系申报: the reviewer declares consulting, relatives and other interests with organisations, so that the scan
/// finds them. Employment comes from the work history on the reviewer's own profile.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class RelationsModel(AppDbContext db, ReviewerRelations relations, TimeProvider clock) : AppPageModel
{
    public sealed class RelationInput
    {
        public RelationKind? Kind { get; set; }
        public string? OrganizationName { get; set; }
        public string? OrganizationUscc { get; set; }
        public string? Description { get; set; }
        public int? FromYear { get; set; }
        public int? ToYear { get; set; }
    }

    [BindProperty] public RelationInput Input { get; set; } = new();
    [BindProperty] public Guid RelationId { get; set; }

    public ReviewerProfile? Profile { get; private set; }
    public IReadOnlyList<ReviewerRelation> Relations { get; private set; } = [];
    public int CurrentYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var profile = await MineAsync(ct) ?? throw new DomainRuleException("当前账号没有关联评审员档案，请联系活动办公室。");
        var relation = await relations.DeclareAsync(profile.Id, Input.Kind, Input.OrganizationName ?? "", Input.OrganizationUscc,
            Input.Description ?? "", Input.FromYear, Input.ToYear, ct);
        Flash = $"已申报与“{relation.OrganizationName}”的{relation.Kind.Display()}。活动办公室下次排查时会据此回避。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var profile = await MineAsync(ct) ?? throw new DomainRuleException("当前账号没有关联评审员档案，请联系活动办公室。");
        await relations.WithdrawAsync(profile.Id, RelationId, ct);
        Flash = "已撤回该申报。已记录的利益冲突由活动办公室处理，不随之撤销。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private Task<ReviewerProfile?> MineAsync(CancellationToken ct)
    {
        var me = User.UserId();
        return db.Set<ReviewerProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CurrentYear = clock.Today().Year;
        Profile = await MineAsync(ct);
        if (Profile is null) return;
        Relations = await db.Set<ReviewerRelation>().AsNoTracking().Where(r => r.ReviewerId == Profile.Id)
            .OrderBy(r => r.DeclaredAt).ToListAsync(ct);
    }
}
