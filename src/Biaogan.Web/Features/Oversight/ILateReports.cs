namespace Biaogan.Web.Features.Oversight;

/// <summary>One report that is past its due date and not filed, as the leading group's overview lists it.</summary>
public sealed record LateReport(string Kind, string Organization, string What, DateOnly DueOn, int DaysLate, string Link);

/// <summary>
/// A source of late reports for the overview. Each kind of report that has a due date offers one (registered with
/// <c>AddScoped&lt;ILateReports, …&gt;()</c>): 第二十六条 incident reports (<see cref="LateIncidentReports"/>) now; the yearly
/// progress reports of the winners' commitments (第二十三条, Features/Commitments) add theirs the same way.
/// </summary>
public interface ILateReports
{
    Task<IReadOnlyList<LateReport>> LateAsync(DateTimeOffset now, CancellationToken ct);
}
