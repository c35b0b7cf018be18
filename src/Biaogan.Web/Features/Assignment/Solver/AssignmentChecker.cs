namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Checks an assignment against the rules, independently of the solver (it shares no code with it), so that
/// a preview can list every rule a manual edit breaks and tests can verify the solver.
/// </summary>
public static class AssignmentChecker
{
    public static AssignmentCheck Check(AssignmentProblem problem, AssignmentSolution solution)
    {
        var apps = problem.Applications.ToDictionary(a => a.Id);
        var reviewers = problem.Reviewers.ToDictionary(r => r.Id);
        var conflicts = problem.Conflicts.ToHashSet();
        var violations = new List<AssignmentViolation>();
        var notices = new List<AssignmentIssue>();
        var sameRegion = new List<SameRegionCluster>();
        var load = new Dictionary<Guid, int>();
        var seen = new HashSet<Guid>();
        long matchCost = 0;

        foreach (var group in solution.Groups)
        {
            if (!apps.TryGetValue(group.ApplicationId, out var app))
            {
                violations.Add(new(ViolationKind.UnknownApplication, group.ApplicationId, null,
                    $"分组中的申报组织（编号 {group.ApplicationId}）不在本次分配范围内，请删除该分组。"));
                continue;
            }
            if (!seen.Add(app.Id))
            {
                violations.Add(new(ViolationKind.DuplicateGroup, app.Id, null,
                    $"「{app.Name}」有多个评审专家组，请只保留一个。"));
                continue;
            }
            var members = Members(group, app, reviewers, violations);
            foreach (var r in members)
            {
                load[r.Id] = load.GetValueOrDefault(r.Id) + 1;
                matchCost += problem.MatchCost(r, app);
                if (conflicts.Contains(new(r.Id, app.Id)))
                    violations.Add(new(ViolationKind.ConflictOfInterest, app.Id, r.Id,
                        $"评审员{r.Name}与「{app.Name}」存在利益冲突，不得评审该组织，请更换评审员。"));
            }
            if (members.Count != problem.GroupSize)
                violations.Add(new(ViolationKind.WrongGroupSize, app.Id, null,
                    $"「{app.Name}」的专家组有 {members.Count} 名评审员，应为 {problem.GroupSize} 名，请补足或减少。"));
            CheckEmployers(app, members, violations);
            CheckLeader(problem, group, app, members, reviewers.Values, conflicts, violations, notices);
            sameRegion.AddRange(members.Where(r => !string.IsNullOrWhiteSpace(r.RegionCode)).GroupBy(r => r.RegionCode.Trim())
                .Where(g => g.Count() > 1).Select(g => new SameRegionCluster(app.Id, g.Key, g.Select(r => r.Id).ToList())));
        }

        foreach (var app in problem.Applications.Where(a => !seen.Contains(a.Id)))
            violations.Add(new(ViolationKind.WrongGroupSize, app.Id, null,
                $"「{app.Name}」还没有评审专家组，需要 {problem.GroupSize} 名评审员。"));

        foreach (var (id, count) in load)
        {
            var r = reviewers[id];
            if (count > Math.Max(r.Capacity, 0))
                violations.Add(new(ViolationKind.OverLoad, null, id,
                    $"评审员{r.Name}被分到 {count} 个专家组，超过其负荷上限 {r.Capacity} 个，请调出 {count - r.Capacity} 个。"));
        }

        var pairs = sameRegion.Sum(c => c.Pairs);
        return new(violations, notices, sameRegion, matchCost, matchCost + (long)pairs * problem.SameRegionPairPenalty);
    }

    /// <summary>The distinct known members; unknown and repeated reviewers are reported.</summary>
    private static List<AssignmentReviewer> Members(AssignmentGroup group, AssignmentApplication app,
        Dictionary<Guid, AssignmentReviewer> reviewers, List<AssignmentViolation> violations)
    {
        var members = new List<AssignmentReviewer>();
        var ids = new HashSet<Guid>();
        foreach (var id in group.ReviewerIds)
        {
            if (!reviewers.TryGetValue(id, out var r))
            {
                violations.Add(new(ViolationKind.UnknownReviewer, app.Id, id,
                    $"「{app.Name}」的专家组中有不在评审员库中的人员（编号 {id}），请删除。"));
                continue;
            }
            if (!ids.Add(id))
            {
                violations.Add(new(ViolationKind.DuplicateReviewer, app.Id, id,
                    $"评审员{r.Name}在「{app.Name}」的专家组中重复出现，请删除重复项。"));
                continue;
            }
            members.Add(r);
        }
        return members;
    }

    private static void CheckEmployers(AssignmentApplication app, List<AssignmentReviewer> members,
        List<AssignmentViolation> violations)
    {
        foreach (var same in members.Where(r => !string.IsNullOrWhiteSpace(r.EmployerKey)).GroupBy(r => r.EmployerKey.Trim()).Where(g => g.Count() > 1))
        {
            var names = string.Join("、", same.Select(r => r.Name));
            violations.Add(new(ViolationKind.SameEmployer, app.Id, same.Skip(1).First().Id,
                $"「{app.Name}」的专家组中{names}来自同一单位，同一单位的评审员不得同组，请只保留一人。"));
        }
    }

    private static void CheckLeader(AssignmentProblem problem, AssignmentGroup group, AssignmentApplication app,
        List<AssignmentReviewer> members, IEnumerable<AssignmentReviewer> pool, HashSet<ReviewerApplicationPair> conflicts,
        List<AssignmentViolation> violations, List<AssignmentIssue> notices)
    {
        if (group.LeaderId is { } leaderId)
        {
            var leader = members.FirstOrDefault(r => r.Id == leaderId);
            if (leader is null)
                violations.Add(new(ViolationKind.IneligibleLeader, app.Id, leaderId,
                    $"「{app.Name}」的组长不是本组成员，请从本组评审员中指定组长。"));
            else if (!leader.LeaderEligible)
                violations.Add(new(ViolationKind.IneligibleLeader, app.Id, leaderId,
                    $"评审员{leader.Name}不具备组长资格，请为「{app.Name}」另选组长。"));
            return;
        }
        var available = pool.Any(r => r.LeaderEligible && r.Capacity > 0 && !conflicts.Contains(new(r.Id, app.Id)));
        if (available)
            violations.Add(new(ViolationKind.MissingLeader, app.Id, null,
                $"「{app.Name}」的专家组没有组长，请从具备组长资格的评审员中指定一人。"));
        else if (problem.GroupSize > 0)
            notices.Add(new(app.Id, $"「{app.Name}」没有可担任组长的评审员（无利益冲突且有负荷余量），请办公室另行指定组长。"));
    }
}
