using System.Text.Json;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>One comment row of the sheet form: the text and its first citation (further citations ride along in <see cref="More"/>).</summary>
public sealed class CommentInput
{
    public string? Text { get; set; }
    /// <summary>“s:4.2” (a 自我评价报告 section), “f:{fileId}” (a file) or empty.</summary>
    public string? Source { get; set; }
    public string? Pages { get; set; }
    /// <summary>Citations beyond the first (entered through the API), as JSON, kept unchanged by the page.</summary>
    public string? More { get; set; }

    public static CommentInput From(ReviewComment c)
    {
        var first = c.Citations.FirstOrDefault();
        return new CommentInput
        {
            Text = c.Text,
            Source = first is null ? "" : first.FileId is { } f ? $"f:{f}" : $"s:{first.SectionCode}",
            Pages = first?.Pages,
            More = c.Citations.Count > 1 ? JsonSerializer.Serialize(c.Citations.Skip(1)) : null,
        };
    }

    public ReviewComment ToComment()
    {
        var citations = new List<Citation>();
        if (Source is { Length: > 2 } s)
        {
            if (s.StartsWith("f:", StringComparison.Ordinal) && Guid.TryParse(s[2..], out var fileId))
                citations.Add(new Citation { FileId = fileId, Pages = Pages ?? "" });
            else if (s.StartsWith("s:", StringComparison.Ordinal))
                citations.Add(new Citation { SectionCode = s[2..], Pages = Pages ?? "" });
        }
        if (!string.IsNullOrWhiteSpace(More))
        {
            try { citations.AddRange(JsonSerializer.Deserialize<List<Citation>>(More) ?? []); }
            catch (JsonException) { /* a tampered field: keep the visible citation only */ }
        }
        return new ReviewComment { Text = Text ?? "", Citations = citations };
    }
}

/// <summary>One item of the sheet form.</summary>
public sealed class SheetItemInput
{
    public string Code { get; set; } = "";
    public int? Percent { get; set; }
    public Dictionary<string, CommentInput> Strengths { get; set; } = [];
    public Dictionary<string, CommentInput> Opportunities { get; set; } = [];

    public static SheetItemInput From(ItemScore i) => new()
    {
        Code = i.ItemCode, Percent = i.Percent,
        Strengths = i.Strengths.Select((c, k) => (c, k)).ToDictionary(x => $"s{x.k}", x => CommentInput.From(x.c)),
        Opportunities = i.Opportunities.Select((c, k) => (c, k)).ToDictionary(x => $"o{x.k}", x => CommentInput.From(x.c)),
    };

    public ItemScore ToScore() => new()
    {
        ItemCode = Code, Percent = Percent,
        Strengths = Strengths.Values.Select(c => c.ToComment()).ToList(),
        Opportunities = Opportunities.Values.Select(c => c.ToComment()).ToList(),
    };
}

/// <summary>View model of the partial _CommentRows: one editable list of comments of one item.</summary>
public sealed record CommentRowsModel(int Index, string List, string Title, IReadOnlyDictionary<string, CommentInput> Rows,
    IReadOnlyList<CitationSource> Sources);

/// <summary>View model of the partial _CommentList: comments shown read-only.</summary>
public sealed record CommentListModel(string Title, IReadOnlyList<ReviewComment> Comments, Func<Citation, string> Describe,
    IReadOnlyDictionary<Guid, Infrastructure.Files.StoredFile> Files);
