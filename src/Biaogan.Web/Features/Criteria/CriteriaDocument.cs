namespace Biaogan.Web.Features.Criteria;

/// <summary>条目类型: 过程条目 are scored on 方法-展开-学习-整合 (ADLI), 结果条目 on 水平-趋势-对比-整合 (LeTCI).</summary>
public enum ItemKind
{
    /// <summary>过程</summary>
    Process,
    /// <summary>结果</summary>
    Result,
}

/// <summary>
/// 评分档 — one band of percentages (0–5 %, 10–25 % …) with what a process item and a result item must
/// show to be scored inside it. Percentages move in steps of <see cref="Step"/>.
/// </summary>
public sealed record ScoreBand(int MinPercent, int MaxPercent, string Process, string Result)
{
    /// <summary>Scores are given in 5 % steps (0, 5, 10 … 100).</summary>
    public const int Step = 5;

    [System.Text.Json.Serialization.JsonIgnore]
    public string Range => $"{MinPercent}%–{MaxPercent}%";

    /// <summary>The percentages a reviewer may choose inside this band.</summary>
    public IEnumerable<int> Percentages()
    {
        for (var p = MinPercent; p <= MaxPercent; p += Step) yield return p;
    }

    public string DescriptorFor(ItemKind kind) => kind == ItemKind.Process ? Process : Result;
}

/// <summary>评分条目 (e.g. 4.2.2 竞争环境分析). <see cref="Pending"/> = 待核定 (points or title not verified against the standard).</summary>
public sealed record ItemNode(string Code, string Name, ItemKind Kind, int Points, bool Pending, string PendingNote, string Guidance)
{
    public string Display => $"{Code} {Name}";
}

/// <summary>类目 (e.g. 4.2 顾客关系管理策划) with its scored items.</summary>
public sealed record CategoryNode(string Code, string Name, int Points, bool Pending, string PendingNote, string Guidance,
    IReadOnlyList<ItemNode> Items)
{
    public string Display => $"{Code} {Name}";
    public int ItemPoints => Items.Sum(i => i.Points);
}

/// <summary>
/// The content of one 评价准则 version: header, categories → items → points, and the scoring bands. This is
/// exactly what is exported and imported as JSON, and what a version stores; it is a value — an edit
/// produces a new document.
/// </summary>
public sealed record CriteriaDocument(
    string Code,
    string Label,
    string Title,
    int TotalPoints,
    bool TotalPending,
    string Note,
    IReadOnlyList<CategoryNode> Categories,
    string BandsNote,
    IReadOnlyList<ScoreBand> Bands)
{
    public const string FormatTag = "biaogan-criteria/1";

    public IEnumerable<ItemNode> Items => Categories.SelectMany(c => c.Items);

    public int CategoryPoints => Categories.Sum(c => c.Points);

    /// <summary>Number of categories and items still marked 待核定.</summary>
    public int PendingCount => Categories.Count(c => c.Pending) + Items.Count(i => i.Pending);

    public ItemNode? FindItem(string code) => Items.FirstOrDefault(i => i.Code == code);

    public CategoryNode? CategoryOf(string itemCode) => Categories.FirstOrDefault(c => c.Items.Any(i => i.Code == itemCode));

    /// <summary>The band a percentage falls in (null when outside every band).</summary>
    public ScoreBand? BandFor(int percent) => Bands.FirstOrDefault(b => percent >= b.MinPercent && percent <= b.MaxPercent);

    /// <summary>The outline the rest of the application uses (one 自我评价报告 section per category).</summary>
    public CriteriaOutline ToOutline(string key) => new(
        key, Title, TotalPoints, !TotalPending && PendingCount == 0, Note,
        Categories.Select(c => new CriteriaCategory(c.Code, c.Name, c.Points, !c.Pending, c.Guidance)).ToList());

    public static string KindDisplay(ItemKind kind) => kind == ItemKind.Process ? "过程" : "结果";

    /// <summary>Reads 过程/结果 (or the English names used in JSON); null if not recognised.</summary>
    public static ItemKind? ParseKind(string? text) => text?.Trim() switch
    {
        "过程" or "过程条目" or "Process" or "process" => ItemKind.Process,
        "结果" or "结果条目" or "Result" or "result" => ItemKind.Result,
        _ => null,
    };
}
