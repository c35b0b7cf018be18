namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>The hard rules an assignment can break.</summary>
public enum ViolationKind
{
    /// <summary>A group names an application that is not in the problem.</summary>
    UnknownApplication,
    /// <summary>An application has more than one group.</summary>
    DuplicateGroup,
    /// <summary>A group names a reviewer who is not in the pool.</summary>
    UnknownReviewer,
    /// <summary>A group has fewer or more than k distinct reviewers (or the application has no group).</summary>
    WrongGroupSize,
    /// <summary>A reviewer is listed twice in one group.</summary>
    DuplicateReviewer,
    /// <summary>A conflicted reviewer–application pair (利益冲突).</summary>
    ConflictOfInterest,
    /// <summary>A reviewer sits in more groups than the load cap allows.</summary>
    OverLoad,
    /// <summary>Two reviewers of one employer in one group.</summary>
    SameEmployer,
    /// <summary>No 组长 although a leader-eligible reviewer is available for the application.</summary>
    MissingLeader,
    /// <summary>The 组长 is not leader-eligible or not a member of the group.</summary>
    IneligibleLeader,
}

/// <summary>A broken hard rule, with a Chinese description for the office.</summary>
public sealed record AssignmentViolation(ViolationKind Kind, Guid? ApplicationId, Guid? ReviewerId, string Description);

/// <summary>A message about one application (or the whole problem when <paramref name="ApplicationId"/> is null).</summary>
public sealed record AssignmentIssue(Guid? ApplicationId, string Description);

/// <summary>Members of one group who come from the same region (soft rule).</summary>
public sealed record SameRegionCluster(Guid ApplicationId, string RegionCode, IReadOnlyList<Guid> ReviewerIds)
{
    /// <summary>Same-region pairs within this cluster: n(n−1)/2.</summary>
    public int Pairs => ReviewerIds.Count * (ReviewerIds.Count - 1) / 2;
}

/// <summary>What the checker found: every hard-rule violation, the soft same-region count and the objective.</summary>
/// <param name="Notices">Not violations: groups that could not get a 组长 because no eligible reviewer is available.</param>
/// <param name="MatchCost">Sum of expertise costs of every known, non-duplicate seat.</param>
/// <param name="Objective">MatchCost + SameRegionPairs × the problem's penalty.</param>
public sealed record AssignmentCheck(
    IReadOnlyList<AssignmentViolation> Violations,
    IReadOnlyList<AssignmentIssue> Notices,
    IReadOnlyList<SameRegionCluster> SameRegion,
    long MatchCost,
    long Objective)
{
    public bool IsFeasible => Violations.Count == 0;

    public int SameRegionPairs => SameRegion.Sum(c => c.Pairs);
}
