using System.Collections.Immutable;

namespace Biaogan.Web.Features.Criteria;

/// <summary>One category (类目) of an evaluation standard; a 自我评价报告 section is written per category.</summary>
public sealed record CriteriaCategory(string Code, string Name, int Points, bool Confirmed, string Guidance);

/// <summary>
/// 评价准则 outline of one version: <see cref="Code"/> is the version's key, the value a cycle stores.
/// The full tree (items, points, scoring bands) is <see cref="CriteriaCatalog.DocumentForCycle"/>.
/// </summary>
public sealed record CriteriaOutline(string Code, string Title, int TotalPoints, bool PointsConfirmed, string Note,
    IReadOnlyList<CriteriaCategory> Categories);

/// <summary>
/// The published and retired 评价准则 versions the application knows, by key (第十三条: T/CAQ 10301-2016 by
/// default). It starts with the shipped templates (Data/criteria) and learns every version published in the
/// database — at start, after each publish/retire on this node, and every few seconds from the database for
/// the other nodes (<see cref="CriteriaRefresher"/>). A published version never changes, so a key once
/// learnt always describes the same tree; only whether it is still offered to new cycles can change.
/// </summary>
public static class CriteriaCatalog
{
    /// <summary>第十三条: the programme's evaluation standard.</summary>
    public const string DefaultKey = "T/CAQ 10301-2016";

    private sealed record Entry(string Key, string Code, int VersionNo, bool Selectable, CriteriaDocument Document, CriteriaOutline Outline);

    private static readonly Lazy<IReadOnlyList<CriteriaDocument>> ShippedTemplates = new(LoadTemplates);
    private static readonly Lock Gate = new();
    private static ImmutableDictionary<string, Entry> _entries = Templates.ToImmutableDictionary(
        d => d.Code, d => new Entry(d.Code, d.Code, 1, true, d, d.ToOutline(d.Code)));

    /// <summary>The versions new cycles may choose (published), the programme default first.</summary>
    public static IReadOnlyList<CriteriaOutline> All => Entries.Values.Where(e => e.Selectable)
        .OrderBy(e => e.Code == DefaultKey ? 0 : 1).ThenBy(e => e.Code, StringComparer.Ordinal).ThenByDescending(e => e.VersionNo)
        .Select(e => e.Outline).ToList();

    /// <summary>A published or retired version by key (retired ones still describe the cycles that pinned them).</summary>
    public static CriteriaOutline? Find(string key) => Entries.GetValueOrDefault(key.Trim())?.Outline;

    /// <summary>The outline a cycle pins, or the programme default if the key is unknown.</summary>
    public static CriteriaOutline ForCycle(string standardCode) => Find(standardCode) ?? Find(DefaultKey) ?? All[0];

    /// <summary>The full tree (items, points, bands) of a published or retired version.</summary>
    public static CriteriaDocument? FindDocument(string key) => Entries.GetValueOrDefault(key.Trim())?.Document;

    /// <summary>The full tree a cycle pins (categories → items → points, scoring bands), for scoring and reports.</summary>
    public static CriteriaDocument DocumentForCycle(string standardCode) =>
        FindDocument(standardCode) ?? FindDocument(DefaultKey) ?? Entries.Values.First().Document;

    /// <summary>Whether new cycles may choose this key (published, not retired).</summary>
    public static bool IsSelectable(string key) => Entries.GetValueOrDefault(key.Trim())?.Selectable == true;

    /// <summary>The choices of a cycle's standard field: the published versions, plus the one it pins if retired since.</summary>
    public static IReadOnlyList<CriteriaOutline> ChoicesFor(string? pinned)
    {
        var all = All;
        if (pinned is null || all.Any(o => o.Code == pinned) || Find(pinned) is not { } retired) return all;
        return [.. all, retired with { Title = retired.Title + "（已停用）" }];
    }

    /// <summary>The shipped templates (Data/criteria/*.json), T/CAQ 10301-2016 first.</summary>
    public static IReadOnlyList<CriteriaDocument> Templates => ShippedTemplates.Value;

    /// <summary>Learns published and retired versions (drafts are ignored); called after reading or changing them.</summary>
    internal static void Remember(IEnumerable<CriteriaVersion> versions)
    {
        lock (Gate)
        {
            var builder = Entries.ToBuilder();
            foreach (var v in versions.Where(v => v.Status != CriteriaStatus.Draft))
            {
                builder[v.Key] = new Entry(v.Key, v.Code, v.VersionNo, v.Status == CriteriaStatus.Published, v.Document,
                    v.Document.ToOutline(v.Key));
            }
            Volatile.Write(ref _entries, builder.ToImmutable());
        }
    }

    private static ImmutableDictionary<string, Entry> Entries => Volatile.Read(ref _entries);

    private static IReadOnlyList<CriteriaDocument> LoadTemplates()
    {
        var asm = typeof(CriteriaCatalog).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("Data/criteria/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                return CriteriaJson.Read(s);
            })
            .OrderBy(c => c.Code == DefaultKey ? 0 : 1)
            .ToList();
    }
}
