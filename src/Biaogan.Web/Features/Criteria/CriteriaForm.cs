using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// The draft editor's form: the whole tree posted at once, so that adding, removing or moving a row
/// never loses what was typed elsewhere. <see cref="Apply"/> performs the structural button the person
/// pressed (<c>Op</c>) on the posted tree before it is saved.
/// </summary>
public sealed class CriteriaForm
{
    public int Version { get; set; }

    [Display(Name = "版本说明")]
    [StringLength(CriteriaValidation.MaxTitleLength, ErrorMessage = "版本说明不能超过 {1} 个字符。")]
    public string? Label { get; set; }

    [Display(Name = "标准名称")]
    [StringLength(CriteriaValidation.MaxTitleLength, ErrorMessage = "标准名称不能超过 {1} 个字符。")]
    public string? Title { get; set; }

    [Display(Name = "总分")]
    [Range(0, 100000, ErrorMessage = "总分应在 0 至 100000 之间。")]
    public int? TotalPoints { get; set; }

    [Display(Name = "总分待核定")]
    public bool TotalPending { get; set; }

    [Display(Name = "说明")]
    public string? Note { get; set; }

    [Display(Name = "评分档说明")]
    public string? BandsNote { get; set; }

    public List<CategoryInput> Categories { get; set; } = [];
    public List<BandInput> Bands { get; set; } = [];

    public sealed class CategoryInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        [Range(0, 100000, ErrorMessage = "分值应在 0 至 100000 之间。")]
        public int? Points { get; set; }
        public bool Pending { get; set; }
        public string? PendingNote { get; set; }
        public string? Guidance { get; set; }
        public List<ItemInput> Items { get; set; } = [];
    }

    public sealed class ItemInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public ItemKind Kind { get; set; }
        [Range(0, 100000, ErrorMessage = "分值应在 0 至 100000 之间。")]
        public int? Points { get; set; }
        public bool Pending { get; set; }
        public string? PendingNote { get; set; }
        public string? Guidance { get; set; }
    }

    public sealed class BandInput
    {
        [Range(0, 100, ErrorMessage = "百分比应在 0 至 100 之间。")]
        public int? MinPercent { get; set; }
        [Range(0, 100, ErrorMessage = "百分比应在 0 至 100 之间。")]
        public int? MaxPercent { get; set; }
        public string? Process { get; set; }
        public string? Result { get; set; }
    }

    public static CriteriaForm From(CriteriaVersion v)
    {
        var d = v.Document;
        return new CriteriaForm
        {
            Version = v.Version, Label = d.Label, Title = d.Title, TotalPoints = d.TotalPoints, TotalPending = d.TotalPending,
            Note = d.Note, BandsNote = d.BandsNote,
            Categories = d.Categories.Select(c => new CategoryInput
            {
                Code = c.Code, Name = c.Name, Points = c.Points, Pending = c.Pending, PendingNote = c.PendingNote, Guidance = c.Guidance,
                Items = c.Items.Select(i => new ItemInput
                {
                    Code = i.Code, Name = i.Name, Kind = i.Kind, Points = i.Points, Pending = i.Pending, PendingNote = i.PendingNote, Guidance = i.Guidance,
                }).ToList(),
            }).ToList(),
            Bands = d.Bands.Select(b => new BandInput { MinPercent = b.MinPercent, MaxPercent = b.MaxPercent, Process = b.Process, Result = b.Result }).ToList(),
        };
    }

    public CriteriaDocument ToDocument(string code) => CriteriaNormalizer.Normalize(new CriteriaDocument(
        code, Label ?? "", Title ?? "", TotalPoints ?? 0, TotalPending, Note ?? "",
        Categories.Select(c => new CategoryNode(c.Code ?? "", c.Name ?? "", c.Points ?? 0, c.Pending, c.PendingNote ?? "", c.Guidance ?? "",
            c.Items.Select(i => new ItemNode(i.Code ?? "", i.Name ?? "", i.Kind, i.Points ?? 0, i.Pending, i.PendingNote ?? "", i.Guidance ?? ""))
                .ToList())).ToList(),
        BandsNote ?? "",
        Bands.Select(b => new ScoreBand(b.MinPercent ?? 0, b.MaxPercent ?? 0, b.Process ?? "", b.Result ?? "")).ToList()));

    /// <summary>
    /// Applies one structural button: add-category, remove-category:i, up-category:i, down-category:i,
    /// add-item:i, remove-item:i:j, up-item:i:j, down-item:i:j, add-band, remove-band:k. Returns the anchor to
    /// scroll back to; unknown or out-of-range buttons change nothing.
    /// </summary>
    public string Apply(string? op)
    {
        var parts = (op ?? "").Split(':');
        int At(int n) => parts.Length > n && int.TryParse(parts[n], out var v) ? v : -1;
        var (i, j) = (At(1), At(2));
        var category = i >= 0 && i < Categories.Count ? Categories[i] : null;
        switch (parts[0])
        {
            case "add-category":
                Categories.Add(new CategoryInput { Pending = true, Items = [new ItemInput { Pending = true }] });
                return $"cat-{Categories.Count - 1}";
            case "remove-category" when category is not null:
                Categories.RemoveAt(i);
                return "tree";
            case "up-category" when category is not null:
                return $"cat-{Move(Categories, i, -1)}";
            case "down-category" when category is not null:
                return $"cat-{Move(Categories, i, +1)}";
            case "add-item" when category is not null:
                var kind = category.Items.LastOrDefault()?.Kind ?? ItemKind.Process;
                category.Items.Add(new ItemInput { Kind = kind, Pending = true, Code = category.Code is { Length: > 0 } c ? c + "." : null });
                return $"item-{i}-{category.Items.Count - 1}";
            case "remove-item" when category is not null && j >= 0 && j < category.Items.Count:
                category.Items.RemoveAt(j);
                return $"cat-{i}";
            case "up-item" when category is not null && j >= 0 && j < category.Items.Count:
                return $"item-{i}-{Move(category.Items, j, -1)}";
            case "down-item" when category is not null && j >= 0 && j < category.Items.Count:
                return $"item-{i}-{Move(category.Items, j, +1)}";
            case "add-band":
                var from = (Bands.LastOrDefault()?.MaxPercent ?? -ScoreBand.Step) + ScoreBand.Step;
                Bands.Add(new BandInput { MinPercent = Math.Min(from, 100), MaxPercent = 100 });
                return "bands";
            case "remove-band" when i >= 0 && i < Bands.Count:
                Bands.RemoveAt(i);
                return "bands";
            default:
                return "";
        }
    }

    private static int Move<T>(List<T> list, int index, int by)
    {
        var to = index + by;
        if (to < 0 || to >= list.Count) return index;
        (list[index], list[to]) = (list[to], list[index]);
        return to;
    }
}
