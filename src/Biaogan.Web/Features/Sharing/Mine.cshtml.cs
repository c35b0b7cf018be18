using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Sharing;

/// <summary>The winner's 经验交流与推广: invitations to answer, its participation history and its own cases.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MineModel(SharingRecords records, AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InvitationView> Open { get; private set; } = [];
    public IReadOnlyList<InvitationView> History { get; private set; } = [];
    public IReadOnlyList<PracticeView> Practices { get; private set; } = [];
    public IReadOnlyList<Award> Awards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Infrastructure.Time.ChinaTime.Today(clock);
        var all = await records.MyInvitationsAsync(User, ct);
        Open = all.Where(i => i.StartsOn > today && i.EventStatus != SharingEventStatus.Cancelled).ToList();
        History = all.Except(Open).ToList();
        Practices = await records.PracticesAsync(User, false, ct);
        var org = SharingRecords.OwnOrganization(User);
        Awards = await db.Set<Award>().AsNoTracking().Where(a => a.OrganizationId == org && a.Status != AwardStatus.Revoked)
            .OrderByDescending(a => a.Year).ToListAsync(ct);
    }
}
