namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// Puts text into the one form a version stores: trimmed, \n line ends. Applied to every document that
/// enters the system (edit form, JSON, Excel, templates), so export → import → export is stable.
/// </summary>
public static class CriteriaNormalizer
{
    public static CriteriaDocument Normalize(CriteriaDocument d) => d with
    {
        Code = Line(d.Code), Label = Line(d.Label), Title = Line(d.Title), Note = Text(d.Note), BandsNote = Text(d.BandsNote),
        Categories = d.Categories.Select(c => c with
        {
            Code = Line(c.Code), Name = Line(c.Name), PendingNote = Text(c.PendingNote), Guidance = Text(c.Guidance),
            Items = c.Items.Select(i => i with
            {
                Code = Line(i.Code), Name = Line(i.Name), PendingNote = Text(i.PendingNote), Guidance = Text(i.Guidance),
            }).ToList(),
        }).ToList(),
        Bands = d.Bands.Select(b => b with { Process = Text(b.Process), Result = Text(b.Result) }).ToList(),
    };

    private static string Line(string? s) => string.Join(' ', (s ?? "").Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Text(string? s) => (s ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();
}
