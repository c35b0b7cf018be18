using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Governance;

/// <summary>
/// 第七条: the office puts a matter to the leading group; the leading group records its decision (votes, reason), which
/// changes the subject through the subject's own method, and the office is told. Pages and the API both go through here.
/// </summary>
public sealed class GovernanceWorkflow(AppDbContext db, Notifier notifier, CurrentActor actor, TimeProvider clock)
{
    public const string PagePath = "/Governance";

    /// <summary>The office proposes a matter of a cycle (a plan for ExpertGroupPlan).</summary>
    public async Task<LeadingGroupDecision> ProposeAsync(MatterKind kind, Guid cycleId, Guid? planId, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct)
            ?? throw new DomainRuleException("年度活动不存在，请刷新页面。");
        cycle.EnsureEditable();
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("请选择要提请领导小组决定的事项。");
        if (await db.Set<LeadingGroupDecision>().AnyAsync(d => d.CycleId == cycleId && d.Kind == kind && d.PlanId == planId
                && d.Status == MatterStatus.Pending, ct))
            throw new DomainRuleException($"{cycle.Year}年度的“{kind.Display()}”已提请领导小组决定，正在等待决定，无需重复提交。");
        var (proposal, fingerprint) = await SubjectAsync(kind, cycle, planId, ct);
        var decision = new LeadingGroupDecision(cycleId, kind, kind == MatterKind.ExpertGroupPlan ? planId : null,
            proposal, fingerprint, actor.Name, clock.GetUtcNow());
        db.Add(decision);
        await notifier.NotifyAsync(DefaultTemplates.LeadingGroupMatterWaiting, await UsersInRoleAsync(Roles.LeadingGroup, ct),
            new Dictionary<string, string> { ["年度"] = cycle.Year.ToString(), ["事项"] = kind.Display(), ["内容"] = decision.Proposal },
            PagePath, ct);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>What is proposed, in words, and its fingerprint; refuses what needs no decision.</summary>
    private async Task<(string Proposal, string Fingerprint)> SubjectAsync(MatterKind kind, Cycle cycle, Guid? planId, CancellationToken ct)
    {
        switch (kind)
        {
            case MatterKind.CycleRules:
                if (cycle.RulesApproved)
                    throw new DomainRuleException($"{cycle.Year}年度活动的规则和标杆数量已经领导小组核准；修改设置后才需要重新提交。");
                return ($"{cycle.Name}：标杆数量上限 {cycle.Quota} 个{(cycle.QuotaAbovePrinciple ? "（超过第五条“原则上不超过10个”）" : "")}；" +
                        $"评审标准 {cycle.StandardCode}；满意度阈值 {cycle.Settings.SatisfactionThreshold}；公示期 {cycle.Settings.PublicNoticeWorkdays} 个工作日" +
                        (cycle.Settings.NoticePeriodDeparts ? $"（理由：{cycle.Settings.PublicNoticeWorkdaysReason}）" : "") +
                        $"；资料评审专家组 {cycle.Settings.ReviewGroupSize} 人、现场评审专家组 {cycle.Settings.OnSiteGroupSize} 人。", cycle.RulesFingerprint());
            case MatterKind.ExpertGroupPlan:
                var plan = await db.Set<AssignmentPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.CycleId == cycle.Id, ct)
                    ?? throw new DomainRuleException("找不到该分配方案，请从专家组分配页面重新进入。");
                plan.EnsureDraft("报批");
                if (plan.LeadingGroupAllows(cycle.ExpertGroupsDelegated))
                    throw new DomainRuleException("该方案已经领导小组批准或本年度已授权活动办公室决定专家组，可以直接执行。");
                return ($"{plan.Stage.Display()}专家组分配方案（{plan.Source.Display()}，{plan.Groups().Count} 个专家组，{ChinaTime.Format(plan.CreatedAt)} 生成）：{plan.Summary}",
                    plan.Id.ToString());
            case MatterKind.ExpertGroupDelegation:
                if (cycle.ExpertGroupsDelegated) throw new DomainRuleException($"领导小组已授权活动办公室决定{cycle.Year}年度的专家组分配方案。");
                return ($"授权活动办公室决定{cycle.Year}年度资料评审和现场评审的专家组分配方案，执行后报领导小组备案。", "");
            case MatterKind.PlaceholderScoring:
                var version = await db.Set<CriteriaVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Key == cycle.StandardCode, ct);
                if (version is null || !CriteriaPlaceholders.Pending(version.Document))
                    throw new DomainRuleException($"本年度选用的评价准则“{cycle.StandardCode}”没有待核定的分值，资料评审无需领导小组确认。");
                if (cycle.PlaceholderScoringConfirmed) throw new DomainRuleException("领导小组已确认本年度按待核定分值开展资料评审。");
                return ($"本年度评价准则“{cycle.StandardCode}”中有 {version.Document.PendingCount} 处分值或标题待核定{(version.Document.TotalPending ? "（总分待核定）" : "")}，" +
                        "提请领导小组确认按现有分值开展资料评审，核定后如有变化再行处理。", version.Id.ToString());
            default:
                var committee = kind == MatterKind.ReviewCommittee ? CommitteeKind.Review : CommitteeKind.Approval;
                var proposed = await db.Set<CommitteeMember>().AsNoTracking()
                    .Where(m => m.CycleId == cycle.Id && m.Committee == committee && m.RemovedAt == null && m.ApprovedAt == null)
                    .OrderBy(m => m.AddedAt).ToListAsync(ct);
                if (proposed.Count == 0)
                    throw new DomainRuleException($"{committee.Display()}没有待批准的委员。请先在委员会组成页面添加委员，再提请领导小组批准。");
                return ($"{cycle.Year}年度{committee.Display()}委员 {proposed.Count} 人：" +
                        string.Join("；", proposed.Select(m => $"{m.Name}（{m.Unit}，{m.Post}，{m.Affiliation.Display()}）")),
                    string.Join(",", proposed.Select(m => m.Id)));
        }
    }

    /// <summary>The leading group records its decision on a pending matter; on approval the subject changes; the office is told.</summary>
    public async Task<LeadingGroupDecision> DecideAsync(Guid id, int version, bool approve, int votesFor, int votesAgainst, int votesAbstain,
        string? reason, CancellationToken ct = default)
    {
        var decision = await db.Set<LeadingGroupDecision>().FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new DomainRuleException("该事项不存在，请刷新页面。");
        db.Entry(decision).Property(d => d.Version).OriginalValue = version;
        var cycle = await db.Set<Cycle>().FirstAsync(c => c.Id == decision.CycleId, ct);
        var now = clock.GetUtcNow();
        decision.Decide(approve, votesFor, votesAgainst, votesAbstain, reason, actor.Name, now);
        if (approve) await ApplyAsync(decision, cycle, reason, now, ct);
        await notifier.NotifyAsync(DefaultTemplates.LeadingGroupDecided, await UsersInRoleAsync(Roles.Office, ct),
            new Dictionary<string, string>
            {
                ["年度"] = cycle.Year.ToString(), ["事项"] = decision.Kind.Display(), ["决定"] = decision.Status.Display(),
                ["表决"] = $"赞成 {votesFor} 票、反对 {votesAgainst} 票、弃权 {votesAbstain} 票", ["理由"] = decision.Reason ?? "（无）",
            }, PagePath, ct);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    private async Task ApplyAsync(LeadingGroupDecision decision, Cycle cycle, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var by = $"领导小组（记录人：{actor.Name}）";
        switch (decision.Kind)
        {
            case MatterKind.CycleRules:
                if (cycle.RulesFingerprint() != decision.SubjectFingerprint)
                    throw new DomainRuleException("提交核准后，活动办公室又修改了本年度的规则或标杆数量，不能按原提交批准。请记为不批准，由活动办公室重新提交。");
                cycle.ApproveRules(by, now);
                break;
            case MatterKind.ExpertGroupPlan:
                var plan = await db.Set<AssignmentPlan>().FirstOrDefaultAsync(p => p.Id == decision.PlanId, ct)
                    ?? throw new DomainRuleException("该分配方案已不存在。");
                if (plan.Status != PlanStatus.Draft)
                    throw new DomainRuleException($"该分配方案已{plan.Status.Display()}，不能再批准。请记为不批准，由活动办公室提交新的方案。");
                plan.ApproveByLeadingGroup(by, now);
                break;
            case MatterKind.ExpertGroupDelegation:
                cycle.DelegateExpertGroups(by, now);
                break;
            case MatterKind.PlaceholderScoring:
                cycle.ConfirmPlaceholderScoring(by, reason ?? "", now);
                break;
            default:
                var ids = decision.SubjectFingerprint.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
                var members = await db.Set<CommitteeMember>().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
                foreach (var m in members) m.Approve(by, now);
                break;
        }
    }

    private Task<List<AppUser>> UsersInRoleAsync(string role, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role
         select u).Distinct().ToListAsync(ct);
}
