using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>
/// 撤销申报及接受评审资格 (第二十九条): takes the application out of the cycle at whatever stage it is, in the caller's save —
/// its status becomes 资格已撤销, every open expert-group seat on it ends (the reviewers are told), it leaves the shortlist,
/// its site visit is withdrawn, it leaves the recommended list, the 公示 (a published one gets an applied 更正说明 at once) and
/// the approval round. Each list keeps standing for the other organisations: nothing is reopened, so what later stages
/// built on the lists stays consistent (docs/decisions/0042). Nothing is saved here.
/// </summary>
public sealed class QualificationWithdrawal(AppDbContext db, Notifier notifier)
{
    /// <summary>Returns, in Chinese, what was withdrawn (for the flash message and the API).</summary>
    public async Task<IReadOnlyList<string>> WithdrawAsync(Guid applicationId, string number, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var done = new List<string>();
        var a = await db.Set<Application>().FirstAsync(x => x.Id == applicationId, ct);
        a.RevokeQualification($"处分 {number}：{reason}", now);
        var because = $"申报及接受评审资格已撤销（处分 {number}）";

        var seats = await db.Set<GroupMember>().Where(m => m.ApplicationId == applicationId
            && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared)).ToListAsync(ct);
        foreach (var s in seats) s.Remove(because, now);
        if (seats.Count > 0)
        {
            await NotifyReviewersAsync(a, seats.Select(s => s.ReviewerId).Distinct().ToList(), because, ct);
            done.Add($"结束 {seats.Count} 个专家组席位并通知评审员");
        }

        foreach (var d in await db.Set<ShortlistDecision>().Where(d => d.CycleId == a.CycleId).ToListAsync(ct))
            if (d.Exclude(applicationId, because)) done.Add("撤出入围名单");

        var visit = await db.Set<SiteVisit>().FirstOrDefaultAsync(v => v.ApplicationId == applicationId, ct);
        if (visit is not null)
        {
            visit.Withdraw(because);
            db.Remove(visit);
            done.Add("撤回现场评审安排");
        }

        foreach (var d in await db.Set<EvaluationDecision>().Where(d => d.CycleId == a.CycleId).ToListAsync(ct))
            if (d.Exclude(applicationId, because)) done.Add("撤出综合评价推荐名单");

        var notice = await db.Set<PublicNotice.PublicNotice>().FirstOrDefaultAsync(n => n.CycleId == a.CycleId, ct);
        if (notice is not null && notice.WithdrawQualified(applicationId, "", now))
            done.Add(notice.Status == PublicNotice.NoticeStatus.Published ? "在公示页发布更正说明并撤出公示名单" : "撤出公示草稿");

        var round = await db.Set<ApprovalRound>().FirstOrDefaultAsync(r => r.CycleId == a.CycleId, ct);
        if (round is not null && round.Exclude(applicationId, because)) done.Add("撤出审定名单");

        return done;
    }

    private async Task NotifyReviewersAsync(Application a, List<Guid> reviewerIds, string because, CancellationToken ct)
    {
        var name = await db.Set<Organizations.Organization>().Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var users = await (from p in db.Set<ReviewerProfile>().AsNoTracking()
                           join u in db.Users on p.UserId equals u.Id
                           where reviewerIds.Contains(p.Id)
                           select u).ToListAsync(ct);
        await notifier.NotifyAsync(AssignmentTemplates.Removed, users, new Dictionary<string, string>
        {
            ["组织名称"] = name, ["申报编号"] = a.Number ?? "", ["阶段"] = "评审", ["理由"] = because + "，该申报已退出本年度评审，相关评审工作无需继续。",
        }, PlanApplier.MinePath, ct);
    }
}
