namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// The applications a later review stage forms groups for, supplied by the feature that owns that stage (现场评审 reads
/// the committee's shortlist, a higher layer than assignment). 资料评审 needs none: it assigns every qualified application.
/// </summary>
public interface IStageCandidates
{
    ReviewStage Stage { get; }

    /// <summary>The applications of the cycle that the stage's groups are formed for.</summary>
    Task<IReadOnlyList<Guid>> ApplicationIdsAsync(Guid cycleId, CancellationToken ct);
}
