using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Governance;

/// <summary>
/// 委员会组成 (第八、九条): each committee of a cycle with every member's unit, post, affiliation type and term, and whether
/// the leading group approved it. The office nominates and removes members; the committees and the leading group read.
/// </summary>
[Authorize(Policy = Policies.CommitteeComposition)]
public sealed class CommitteesModel(AppDbContext db, CommitteeRoster roster) : AppPageModel
{
    public sealed class MemberInput
    {
        public CommitteeKind Committee { get; set; }
        [Display(Name = "姓名"), StringLength(100)] public string? Name { get; set; }
        [Display(Name = "工作单位"), StringLength(200)] public string? Unit { get; set; }
        [Display(Name = "职务"), StringLength(100)] public string? Post { get; set; }
        public Affiliation Affiliation { get; set; }
        [Display(Name = "任期开始")] public DateOnly? TermStart { get; set; }
        [Display(Name = "任期届满")] public DateOnly? TermEnd { get; set; }
        [Display(Name = "系统账号（投票用，可不选）")] public string? UserId { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public Guid MemberId { get; set; }
    [BindProperty] public int MemberVersion { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public IReadOnlyList<CommitteeMember> Members { get; private set; } = [];
    /// <summary>Committee accounts the office may link a member to.</summary>
    public IReadOnlyList<(string Id, string Name, string Role)> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return CycleId is not null && Cycle is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        if (CycleId is not { } cycleId) return NotFound();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var m = await roster.AddAsync(cycleId, Member.Committee, Member.Name, Member.Unit, Member.Post, Member.Affiliation,
            Member.TermStart, Member.TermEnd, string.IsNullOrWhiteSpace(Member.UserId) ? null : Member.UserId, ct);
        Flash = $"已提名 {m.Name} 为{m.Committee.Display()}委员，待领导小组批准。";
        return RedirectToPage(new { cycleId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        var m = await roster.RemoveAsync(MemberId, MemberVersion, ct);
        Flash = $"{m.Name} 已退出{m.Committee.Display()}。";
        return RedirectToPage(new { cycleId = m.CycleId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        CycleId ??= Cycles.FirstOrDefault(c => c.Status == CycleStatus.Open)?.Id ?? Cycles.FirstOrDefault()?.Id;
        Cycle = Cycles.FirstOrDefault(c => c.Id == CycleId);
        if (Cycle is null) return;
        Members = await roster.MembersAsync(Cycle.Id, ct);
        if (User.IsOffice())
            Accounts = (await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.ReviewCommittee || r.Name == Roles.ApprovalCommittee
                               orderby u.DisplayName
                               select new { u.Id, u.DisplayName, Role = r.Name! }).ToListAsync(ct))
                .Select(a => (a.Id, a.DisplayName, Roles.Display(a.Role))).ToList();
    }
}
