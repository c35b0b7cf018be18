namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>One expert group (评审专家组): the reviewers of one application and its 组长 (null when none could be chosen).</summary>
public sealed record AssignmentGroup(Guid ApplicationId, IReadOnlyList<Guid> ReviewerIds, Guid? LeaderId);

/// <summary>An assignment: one group per application.</summary>
public sealed record AssignmentSolution(IReadOnlyList<AssignmentGroup> Groups)
{
    /// <summary>Every seat as a reviewer–application pair.</summary>
    public IEnumerable<ReviewerApplicationPair> Pairs =>
        Groups.SelectMany(g => g.ReviewerIds.Select(r => new ReviewerApplicationPair(r, g.ApplicationId)));

    /// <summary>The group of an application, or null.</summary>
    public AssignmentGroup? GroupOf(Guid applicationId) => Groups.FirstOrDefault(g => g.ApplicationId == applicationId);
}
