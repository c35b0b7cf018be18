namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Reasons a problem cannot be solved that are found before any search: too little capacity in total,
/// applications with fewer than k usable reviewers or employers, too few 组长 for the groups that need one.
/// The flow core adds the shortfalls that only the load caps together reveal.
/// </summary>
internal static class AssignmentFeasibility
{
    public static List<AssignmentIssue> Check(IndexedProblem p)
    {
        var issues = new List<AssignmentIssue>();
        if (p.K < 1)
        {
            issues.Add(new(null, $"每组评审员人数设为 {p.K}，至少应为 1 人，请修改活动设置。"));
            return issues;
        }
        var capacity = p.Capacity.Sum(c => (long)c);
        if (capacity < p.Source.Demand)
            issues.Add(new(null, $"评审员负荷上限合计 {capacity} 人次，少于需要的 {p.Source.Demand} 人次" +
                $"（{p.A} 个申报组织 × 每组 {p.K} 人），请增加评审员或提高负荷上限。"));

        var leaderNeeds = 0;
        for (var a = 0; a < p.A; a++)
        {
            var usable = 0;
            var employers = new HashSet<int>();
            var unknownEmployer = 0;
            for (var r = 0; r < p.R; r++)
            {
                if (!p.Available(a, r)) continue;
                usable++;
                if (p.Employer[r] < 0) unknownEmployer++;
                else employers.Add(p.Employer[r]);
            }
            var name = p.App(a).Name;
            if (usable < p.K)
                issues.Add(new(p.App(a).Id, $"「{name}」只有 {usable} 名无利益冲突且有负荷余量的评审员，每组需要 {p.K} 名，" +
                    "请增加评审员或核实回避关系。"));
            else if (employers.Count + unknownEmployer < p.K)
                issues.Add(new(p.App(a).Id, $"「{name}」的可用评审员只来自 {employers.Count + unknownEmployer} 个单位，" +
                    $"同一单位的评审员不得同组，每组需要来自 {p.K} 个不同单位的评审员，请增加其他单位的评审员。"));
            if (p.LeaderRequired(a)) leaderNeeds++;
        }

        long leaderCapacity = 0;
        for (var r = 0; r < p.R; r++) if (p.Eligible[r]) leaderCapacity += p.Capacity[r];
        if (leaderCapacity < leaderNeeds)
            issues.Add(new(null, $"需要组长的专家组有 {leaderNeeds} 个，具备组长资格的评审员负荷上限合计只有 {leaderCapacity} 个，" +
                "请增加具备组长资格的评审员或提高其负荷上限。"));
        return issues;
    }

    /// <summary>Applications for which no 组长 can be chosen at all: reported, not an infeasibility.</summary>
    public static List<AssignmentIssue> Notices(IndexedProblem p)
    {
        var notices = new List<AssignmentIssue>();
        if (p.K < 1) return notices;
        for (var a = 0; a < p.A; a++)
            if (!p.LeaderRequired(a))
                notices.Add(new(p.App(a).Id, $"「{p.App(a).Name}」没有可担任组长的评审员（无利益冲突且有负荷余量），" +
                    "本组将不设组长，请办公室另行指定。"));
        return notices;
    }

    /// <summary>
    /// The flow could not fill every group: the load caps together are too tight for these applications (with
    /// <paramref name="leaders"/>, once every group that needs a 组长 holds a leader-eligible reviewer).
    /// </summary>
    public static List<AssignmentIssue> Shortfalls(IndexedProblem p, FlowAssignment flow, bool leaders = false)
    {
        var rules = leaders ? "负荷上限、回避、同单位不同组以及每组须有一名具备组长资格的评审员" : "负荷上限、回避和同单位不同组";
        var advice = leaders ? "请提高具备组长资格的评审员的负荷上限或增加此类评审员。" : "请提高部分评审员的负荷上限或增加评审员。";
        var issues = new List<AssignmentIssue>
        {
            new(null, $"在{rules}的要求下，最多只能安排 {flow.Seats} 人次，少于需要的 {p.Source.Demand} 人次，{advice}"),
        };
        for (var a = 0; a < p.A; a++)
            if (flow.Groups[a].Count < p.K)
                issues.Add(new(p.App(a).Id, $"「{p.App(a).Name}」按当前负荷上限只能分到 {flow.Groups[a].Count} 名评审员，" +
                    $"需要 {p.K} 名。"));
        return issues;
    }
}
