namespace Biaogan.Web.Features.Applications;

/// <summary>
/// Told when an application in 待补正 is resubmitted from the form or the API, before the save, so that a later
/// stage (资格审查) can record it in the same transaction. The 补正 page of that stage records it itself.
/// </summary>
public interface ISupplementResubmission
{
    Task RecordAsync(Application app, DateTimeOffset now, CancellationToken ct);
}
