namespace Biaogan.Web.Features.Supervision;

/// <summary>One line of a <see cref="CaseBriefing"/>: a label and its text.</summary>
public sealed record BriefingLine(string Label, string Text);

/// <summary>What a higher feature puts before the leading group next to the votes (the confirmation group's opinion).</summary>
public sealed record CaseBriefing(string Title, IReadOnlyList<BriefingLine> Lines, string? Link);

/// <summary>
/// A hook: a feature above Supervision that prepares a case (获奖三年后确认's confirmation group) may hold it back from the
/// leading group until its work is in, and shows that work to the staff on the case page. Supervision asks every
/// registered gate before a case is submitted for deliberation and before its decision is recorded.
/// </summary>
public interface ICaseGate
{
    /// <summary>Why the case may not go before the leading group or be decided yet (Chinese, says what to do); null when nothing holds it.</summary>
    Task<string?> HoldAsync(SupervisionCase c, CancellationToken ct);

    /// <summary>What the office and the leading group read beside the votes; null when the gate has nothing for this case.</summary>
    Task<CaseBriefing?> BriefingAsync(SupervisionCase c, CancellationToken ct);
}
