namespace Biaogan.Web.Features.Governance;

/// <summary>
/// Hook for the records a ruling can be cited from (a supervision case). Supervision sits above Governance in the feature
/// layers (docs/decisions/0027), so it implements this instead of Governance reading its cases.
/// </summary>
public interface ICitationSubjects
{
    /// <summary>The page of the record when it exists (null = no such record).</summary>
    Task<string?> PathAsync(string subjectType, Guid subjectId, CancellationToken ct);
}
