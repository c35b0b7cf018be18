namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>An industry code of GB/T 4754: 门类 (one letter) and, when known, 大类 (two digits).</summary>
public sealed record IndustryCode(string Section, string? Division = null);

/// <summary>An application to be reviewed by one expert group (评审专家组).</summary>
/// <param name="Name">The applicant's name, used in the Chinese messages.</param>
/// <param name="Industry">The applicant's industry (门类/大类).</param>
public sealed record AssignmentApplication(Guid Id, string Name, IndustryCode Industry);

/// <summary>A reviewer (评审员) in the pool.</summary>
/// <param name="Capacity">Load cap: the most groups this reviewer may sit in (0 = not available).</param>
/// <param name="Expertise">Industries the reviewer is expert in.</param>
/// <param name="EmployerKey">统一社会信用代码 or the normalised employer name; empty when unknown (never clashes).</param>
/// <param name="RegionCode">Province code (省级行政区划代码); empty when unknown (never counted as same-region).</param>
/// <param name="LeaderEligible">May serve as 组长.</param>
public sealed record AssignmentReviewer(
    Guid Id,
    string Name,
    int Capacity,
    IReadOnlyList<IndustryCode> Expertise,
    string EmployerKey,
    string RegionCode,
    bool LeaderEligible);

/// <summary>A reviewer–application pair: a conflict of interest, or one seat in a group.</summary>
public readonly record struct ReviewerApplicationPair(Guid ReviewerId, Guid ApplicationId);

/// <summary>
/// The cost of seating a reviewer in an application's group: 0 is a perfect expertise match, higher is worse.
/// Must be 0 or more. The caller may supply its own; <see cref="ExpertiseMatch.Default"/> otherwise.
/// </summary>
public delegate int ExpertiseCost(AssignmentReviewer reviewer, AssignmentApplication application);

/// <summary>The default expertise cost by GB/T 4754 industry codes.</summary>
public static class ExpertiseMatch
{
    public const int SameDivision = 0;
    public const int SameSection = 1;
    public const int Unrelated = 3;

    /// <summary>
    /// 0 when an expertise equals the application's 大类 (or is its 门类 and the application gives no 大类),
    /// 1 when an expertise lies in the same 门类, 3 otherwise.
    /// </summary>
    public static int Default(AssignmentReviewer reviewer, AssignmentApplication application)
    {
        var best = Unrelated;
        var wanted = application.Industry;
        foreach (var e in reviewer.Expertise)
        {
            if (!string.Equals(e.Section, wanted.Section, StringComparison.OrdinalIgnoreCase)) continue;
            if (wanted.Division is null || e.Division == wanted.Division) return SameDivision;
            best = SameSection;
        }
        return best;
    }
}

/// <summary>
/// One assignment problem: every application needs <see cref="GroupSize"/> reviewers, one of them 组长.
/// Hard rules: no conflicted pair, no reviewer over its capacity, no two reviewers of one employer in a group,
/// a leader-eligible 组长 in every group whenever the pool has one for that application.
/// Soft rule: every pair of group members from the same region costs <see cref="SameRegionPairPenalty"/>.
/// The objective is the sum of expertise costs plus the region penalties.
/// </summary>
public sealed record AssignmentProblem(
    IReadOnlyList<AssignmentApplication> Applications,
    IReadOnlyList<AssignmentReviewer> Reviewers,
    IReadOnlyCollection<ReviewerApplicationPair> Conflicts)
{
    /// <summary>k: reviewers per group (a cycle setting, default 5).</summary>
    public int GroupSize { get; init; } = 5;

    /// <summary>Penalty for each pair of members of one group from the same region.</summary>
    public int SameRegionPairPenalty { get; init; } = 1;

    /// <summary>The expertise cost per pair.</summary>
    public ExpertiseCost MatchCost { get; init; } = ExpertiseMatch.Default;

    /// <summary>Total seats to fill: applications × k.</summary>
    public long Demand => (long)Applications.Count * GroupSize;
}
