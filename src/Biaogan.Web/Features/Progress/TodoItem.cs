namespace Biaogan.Web.Features.Progress;

/// <summary>One thing waiting for the signed-in person: what, how many, by when, and the page that does it.</summary>
public sealed record TodoItem(string Title, int Count, string Link, DateTimeOffset? Due = null, string? Note = null);

/// <summary>Where the applications of the current cycle stand, counted per stage.</summary>
public sealed record StageCount(string Stage, int Count);
