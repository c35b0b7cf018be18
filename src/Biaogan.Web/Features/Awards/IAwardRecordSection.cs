namespace Biaogan.Web.Features.Awards;

/// <summary>
/// A section of a benchmark's record that a higher feature keeps (第二十三条 goals and progress reports, 第二十五条 participation
/// in experience-sharing events): Awards shows every registered section on the office's award page and the winner's own
/// page without knowing the features behind them (docs/decisions/0027, 0045).
/// </summary>
public interface IAwardRecordSection
{
    /// <summary>Order on the page (lower first).</summary>
    int Order { get; }

    /// <summary>The section for <paramref name="award"/>; <paramref name="forOrganization"/>: shown to the winner itself (links to its own forms).</summary>
    Task<AwardRecordSection> SectionAsync(Award award, bool forOrganization, CancellationToken ct);
}

/// <summary>A titled list of lines with an optional link to the page where it is kept.</summary>
public sealed record AwardRecordSection(string Title, IReadOnlyList<AwardRecordLine> Lines, string? Link = null, string? LinkText = null,
    string? Empty = null);

/// <summary>One line: a label, its text, an optional badge (text and css class) and link.</summary>
public sealed record AwardRecordLine(string Label, string Text, string? Badge = null, string? BadgeClass = null, string? Link = null);
