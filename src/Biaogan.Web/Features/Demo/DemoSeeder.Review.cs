using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// 资料评审 in the demo: the office forms the expert groups as a plan and applies it (AssignmentPlans), reviewers sign
/// the declaration, score through ScoringWorkflow, and one group's 组长 agrees the consensus through ConsensusWorkflow.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Demo expert groups of three (the demo cycle's ReviewGroupSize): reviewer indexes into <see cref="Reviewers"/>, 组长 first.</summary>
    private static readonly (string Org, int[] Seats)[] Groups =
    [
        ("锦程通信服务有限公司", [2, 1, 4]),   // 王建华（组长）、周雅琴、李秀英: all submitted, consensus agreed
        ("明德医疗器械股份有限公司", [3, 0, 5]), // 陈建国（组长）、钱学军（草稿）、刘晓梅（已提交）
        ("润泽燃气服务有限公司", [0, 1, 5]),     // 钱学军（组长，待签署声明）、周雅琴、刘晓梅
    ];

    private async Task DocumentReviewAsync(Cycle cycle, CancellationToken ct)
    {
        var pool = await ReviewerPoolAsync(ct);
        var office = await db.Users.FirstAsync(u => u.Email == "office@demo.biaogan.cn", ct);
        actor.ActAs(office.Id, office.DisplayName);

        var names = Groups.Select(g => g.Org).ToList();
        var apps = await (from a in db.Set<Application>()
                          join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                          where a.CycleId == cycle.Id && names.Contains(o.Name)
                          select new { a.Id, o.Name }).ToDictionaryAsync(x => x.Name, x => x.Id, ct);
        var input = await assignmentInputs.LoadAsync(cycle.Id, ReviewStage.Document, null, ct);
        var planned = Groups.Select(g => new PlannedGroup(apps[g.Org], g.Seats.Select(i => pool[i].Id).ToList(), pool[g.Seats[0]].Id));
        var plan = await assignmentPlans.CreateAsync(input, PlanSource.Manual, planned,
            "按行业专长和地区回避编排的资料评审专家组（每组三人）", createdBy: office.DisplayName, ct: ct);
        await assignmentPlans.ApplyAsync(plan.Id, plan.Version, null, ct);

        var scored = apps[Groups[0].Org];
        var drafting = apps[Groups[1].Org];
        foreach (var i in Groups[0].Seats) await ScoreAsync(pool[i], scored, Severity(i), submit: true, ct);
        await ScoreAsync(pool[5], drafting, Severity(5), submit: true, ct);
        await ScoreAsync(pool[0], drafting, Severity(0), submit: false, ct);
        await AgreeAsync(pool[Groups[0].Seats[0]], scored, ct);
        actor.ActAs(null, "演示数据");
    }

    /// <summary>How much above or below the group a reviewer tends to score (percentage points).</summary>
    private static int Severity(int reviewer) => reviewer switch { 1 => 5, 2 => 0, 4 => -5, 5 => 5, _ => 0 };

    /// <summary>The reviewer signs the declaration (as on /Conflicts/Declare) and fills the sheet; a draft leaves the last items open.</summary>
    private async Task ScoreAsync(ReviewerProfile reviewer, Guid applicationId, int severity, bool submit, CancellationToken ct)
    {
        var user = await UserOfAsync(reviewer, ct);
        actor.ActAs(user.Id, user.DisplayName);
        var seat = await db.Set<GroupMember>().FirstAsync(m => m.ReviewerId == reviewer.Id && m.ApplicationId == applicationId
            && m.Status == MemberStatus.Assigned, ct);
        var terms = await ConfidentialityTerms.CurrentAsync(db, ct);
        seat.Declare(terms.Label, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var sheet = await scoring.OpenAsync(user.Id, applicationId, ct)
            ?? throw new DomainRuleException("演示数据：评审员无法打开评分表。");
        var count = sheet.Items.Count;
        var items = sheet.Items.Select((item, k) => new ItemScore
        {
            ItemCode = item.ItemCode,
            Percent = !submit && k >= count / 2 ? null : Grid(60 + severity + (k % 3 - 1) * 5 + (k % 4 == 0 ? 5 : 0)),
            Strengths = k % 3 == 0 ? [new ReviewComment { Text = DemoReviewTexts.Strength(k) }] : [],
            Opportunities = k % 3 == 1 ? [new ReviewComment { Text = DemoReviewTexts.Opportunity(k) }] : [],
        }).ToList();
        if (submit) await scoring.SubmitAsync(sheet, items, sheet.Version, ct);
        else await scoring.SaveAsync(sheet, items, sheet.Version, ct);
    }

    /// <summary>The 组长 opens the consensus (pre-filled with the medians), adds the group's comments and agrees.</summary>
    private async Task AgreeAsync(ReviewerProfile leader, Guid applicationId, CancellationToken ct)
    {
        var user = await UserOfAsync(leader, ct);
        actor.ActAs(user.Id, user.DisplayName);
        var view = await consensus.LoadAsync(user.Id, false, applicationId, ct)
            ?? throw new DomainRuleException("演示数据：组长无法打开一致性评审。");
        var sheet = view.Sheet ?? throw new DomainRuleException("演示数据：一致性评审表尚未生成。");
        var items = sheet.Items.Select((item, k) => new ConsensusItem
        {
            ItemCode = item.ItemCode,
            Percent = item.Percent,
            Comment = k % 4 == 0 ? "组内分歧主要在于改进成效的证据是否充分，经讨论按中位数确定。" : "",
            Strengths = [new ReviewComment { Text = DemoReviewTexts.Strength(k) }],
            Opportunities = [new ReviewComment { Text = DemoReviewTexts.Opportunity(k) }],
        }).ToList();
        await consensus.SaveAsync(view, user.Id, items,
            "专家组一致认为，该组织以用户为中心的理念在领导层和一线员工中贯彻较好，用户需求获取和投诉处理机制健全；"
            + "建议加强满意度测评结果与改进项目之间的关联分析，并补充近三年改进成效的对比数据。",
            sheet.Version, agree: true, ct);
    }

    /// <summary>A reviewer's 资料评审 tasks for the banner, e.g. “资料评审：组长 1 组；待签署声明 1 项；评分草稿 1 项”.</summary>
    private async Task<string> ReviewerNoteAsync(string userId, CancellationToken ct)
    {
        var seats = await (from m in db.Set<GroupMember>().AsNoTracking()
                           join p in db.Set<ReviewerProfile>() on m.ReviewerId equals p.Id
                           where p.UserId == userId && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared)
                           select new { m.Id, m.Role, m.Status }).ToListAsync(ct);
        if (seats.Count == 0) return "";
        var ids = seats.Select(s => s.Id).ToList();
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Where(s => ids.Contains(s.MemberId)).Select(s => s.Status).ToListAsync(ct);
        var parts = new List<string>();
        if (seats.Count(s => s.Role == GroupRole.Leader) is > 0 and var led) parts.Add($"组长 {led} 组");
        if (seats.Count(s => s.Status == MemberStatus.Assigned) is > 0 and var toDeclare) parts.Add($"待签署声明 {toDeclare} 项");
        if (sheets.Count(s => s == SheetStatus.Draft) is > 0 and var drafts) parts.Add($"评分草稿 {drafts} 项");
        if (sheets.Count(s => s == SheetStatus.Submitted) is > 0 and var done) parts.Add($"已提交评分 {done} 项");
        return parts.Count == 0 ? "" : "资料评审：" + string.Join("；", parts);
    }

    private static int Grid(int percent) => Math.Clamp((int)Math.Round(percent / 5.0) * 5, 0, 100);
}
