using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Governance;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// 第七条 in the demo: the 2026 cycle's rules approved by the leading group, expert-group plans delegated to the office,
/// scoring on the 待核定 criteria confirmed, both committees approved, one further nominee waiting for the leading group,
/// and one ruling on an important issue.
/// </summary>
internal sealed partial class DemoSeeder
{
    private const string DemoLeader = "领导小组（记录人：王海峰）";

    /// <summary>The decisions taken before the cycle opened; they change the cycle as the Governance workflow would.</summary>
    private static List<LeadingGroupDecision> LeadingGroupDecisions(Cycle cycle, DateTimeOffset now)
    {
        var rules = new LeadingGroupDecision(cycle.Id, MatterKind.CycleRules, null,
            $"{cycle.Name}：标杆数量上限 {cycle.Quota} 个；评审标准 {cycle.StandardCode}；公示期 {cycle.Settings.PublicNoticeWorkdays} 个工作日。",
            cycle.RulesFingerprint(), "赵敏", now);
        rules.Decide(true, 7, 0, 0, "规则与上年度一致，标杆数量符合第五条“原则上每年不超过10个”。", DemoLeader, now);
        cycle.ApproveRules(DemoLeader, now);
        var delegation = new LeadingGroupDecision(cycle.Id, MatterKind.ExpertGroupDelegation, null,
            "授权活动办公室决定2026年度资料评审和现场评审的专家组分配方案，执行后报领导小组备案。", "", "赵敏", now);
        delegation.Decide(true, 6, 0, 1, "专家组由求解器按回避和专业匹配规则生成，由活动办公室执行可缩短评审周期。", DemoLeader, now);
        cycle.DelegateExpertGroups(DemoLeader, now);
        var placeholder = new LeadingGroupDecision(cycle.Id, MatterKind.PlaceholderScoring, null,
            $"评价准则“{cycle.StandardCode}”中部分分值待核定，提请确认按现有分值开展资料评审。", "", "赵敏", now);
        const string reason = "标准原文核对尚需时日；按现有分值评分，核定后如分值变化再重新计算排名。";
        placeholder.Decide(true, 7, 0, 0, reason, DemoLeader, now);
        cycle.ConfirmPlaceholderScoring(DemoLeader, reason, now);
        return [rules, delegation, placeholder];
    }

    /// <summary>Committee composition (第八、九条) and a ruling on an important issue, after the staff accounts exist.</summary>
    private async Task GovernanceAsync(Cycle cycle, DateTimeOffset now, CancellationToken ct)
    {
        var committee = await users.FindByEmailAsync("committee@demo.biaogan.cn");
        var approval = await users.FindByEmailAsync("approval@demo.biaogan.cn");
        var (start, end) = (new DateOnly(cycle.Year, 1, 1), new DateOnly(cycle.Year, 12, 31));
        CommitteeMember[] review =
        [
            new(cycle.Id, CommitteeKind.Review, "吴国栋", "中国质量协会", "副秘书长", Affiliation.QualityExpert, start, end, committee?.Id, "赵敏", now),
            new(cycle.Id, CommitteeKind.Review, "陈立平", "中国通信企业协会", "副会长", Affiliation.Industry, start, end, null, "赵敏", now),
            new(cycle.Id, CommitteeKind.Review, "林晓燕", "广东省质量协会", "秘书长", Affiliation.Region, start, end, null, "赵敏", now),
            new(cycle.Id, CommitteeKind.Review, "钱学军", "全国用户满意标杆评审员", "高级评审员", Affiliation.Reviewer, start, end, null, "赵敏", now),
        ];
        CommitteeMember[] approvers =
        [
            new(cycle.Id, CommitteeKind.Approval, "郑立新", "国家市场监督管理总局质量发展局", "副局长", Affiliation.Government, start, end, approval?.Id, "赵敏", now),
            new(cycle.Id, CommitteeKind.Approval, "黄振华", "中国机械工业联合会", "副会长", Affiliation.Industry, start, end, null, "赵敏", now),
        ];
        db.AddRange(review);
        db.AddRange(approvers);
        var reviewDecision = new LeadingGroupDecision(cycle.Id, MatterKind.ReviewCommittee, null,
            "2026年度评审委员会委员 4 人：" + string.Join("；", review.Select(m => $"{m.Name}（{m.Unit}，{m.Post}，{m.Affiliation.Display()}）")),
            string.Join(",", review.Select(m => m.Id)), "赵敏", now);
        reviewDecision.Decide(true, 7, 0, 0, "组成涵盖行业、地区、质量专家和评审员，符合第九条。", DemoLeader, now);
        foreach (var m in review) m.Approve(DemoLeader, now);
        var approvalDecision = new LeadingGroupDecision(cycle.Id, MatterKind.ApprovalCommittee, null,
            "2026年度审定委员会委员 2 人：" + string.Join("；", approvers.Select(m => $"{m.Name}（{m.Unit}，{m.Post}，{m.Affiliation.Display()}）")),
            string.Join(",", approvers.Select(m => m.Id)), "赵敏", now);
        approvalDecision.Decide(true, 6, 0, 1, "组成涵盖政府主管部门和行业组织，符合第八条。", DemoLeader, now);
        foreach (var m in approvers) m.Approve(DemoLeader, now);
        // A further nominee waits for the leading group: its to-do page shows it.
        var nominee = new CommitteeMember(cycle.Id, CommitteeKind.Approval, "许文静", "浙江省质量协会", "会长", Affiliation.Region, start, end, null, "赵敏", now);
        db.Add(nominee);
        var pending = new LeadingGroupDecision(cycle.Id, MatterKind.ApprovalCommittee, null,
            $"2026年度审定委员会增补委员 1 人：{nominee.Name}（{nominee.Unit}，{nominee.Post}，{nominee.Affiliation.Display()}）",
            nominee.Id.ToString(), "赵敏", now);
        db.AddRange(reviewDecision, approvalDecision, pending);
        var today = clock.Today();
        db.Add(new Ruling(1, "同一集团内两家子公司同年申报，能否分别评为标杆？",
            "同一集团内具有独立法人资格的子公司可分别申报，分别评审；同一年度同一集团获评不超过一家。",
            today.AddDays(-20), 6, 1, 0, "第五条规定标杆数量原则上每年不超过10个，为保证标杆的代表性，同一集团每年以一家为限。", DemoLeader, now, today));
        await db.SaveChangesAsync(ct);
    }
}
