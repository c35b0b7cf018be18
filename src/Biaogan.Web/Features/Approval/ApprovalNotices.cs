using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>
/// 审定's outcomes (docs/decisions/0032): when the list goes to the committee, each organisation on it is told and the
/// approval committee hears that its vote waits; when the round is final, each organisation hears 获奖 (with the
/// certificate link and the logo rules of 第三十二条) or 未获奖.
/// </summary>
public sealed class ApprovalNotices(AppDbContext db, OutcomeNotices outcomes, CommitteeNotices committee, PublicLinks links)
{
    public async Task SentToApprovalAsync(ApprovalRound round, CancellationToken ct)
    {
        foreach (var item in round.Items)
            await outcomes.ToOrganizationAsync(item.ApplicationId, "提交审定", DefaultTemplates.SentToApproval, null, ct);
        await committee.VoteWaitsAsync(await Governance.CommitteeVoters.VotersAsync(db, round.CycleId, Governance.CommitteeKind.Approval, ct),
            $"审定待投票:{round.Id}", DefaultTemplates.ApprovalVoteWaiting,
            new Dictionary<string, string> { ["年度"] = await YearAsync(round.CycleId, ct), ["组织数"] = round.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/Approval", null, ct);
    }

    public async Task FinalisedAsync(ApprovalRound round, IReadOnlyList<Award> awards, CancellationToken ct)
    {
        foreach (var award in awards)
            await outcomes.ToOrganizationAsync(award.ApplicationId, "获奖", DefaultTemplates.Awarded, new Dictionary<string, string>
            {
                ["称号"] = award.CategoryText, ["证书编号"] = award.CertificateNumber,
                ["证书链接"] = links.Absolute($"/Awards/Certificate/{award.Id}"),
            }, ct, path: "/Awards/Mine");
        var awarded = awards.Select(a => a.ApplicationId).ToHashSet();
        foreach (var item in round.Items.Where(i => !awarded.Contains(i.ApplicationId)))
            await outcomes.ToOrganizationAsync(item.ApplicationId, "未获奖", DefaultTemplates.NotAwarded, null, ct);
    }

    private async Task<string> YearAsync(Guid cycleId, CancellationToken ct) =>
        (await db.Set<Cycle>().AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.Year).FirstAsync(ct))
        .ToString(System.Globalization.CultureInfo.InvariantCulture);
}
