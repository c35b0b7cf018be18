using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// The JSON form of a <see cref="CriteriaDocument"/> — the export/import file and the stored content of a
/// version. Writing is deterministic (fixed field order, indented, Chinese unescaped, \n line ends), so a
/// file exported, imported and exported again is byte for byte the same.
/// </summary>
public static class CriteriaJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string Write(CriteriaDocument doc) => JsonSerializer.Serialize(FileForm.From(doc), Options) + "\n";

    public static byte[] WriteBytes(CriteriaDocument doc) => new UTF8Encoding(false).GetBytes(Write(doc));

    /// <summary>Reads a file; a broken or incomplete file is a <see cref="DomainRuleException"/> saying where and what.</summary>
    public static CriteriaDocument Read(string json)
    {
        FileForm? file;
        try
        {
            file = JsonSerializer.Deserialize<FileForm>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"第 {line + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字符附近" : "";
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $"（字段 {ex.Path}）";
            throw new DomainRuleException($"JSON 文件格式有误：{where}{path}无法读取。请使用本系统导出的 JSON 文件作为模板，检查引号、逗号和括号；类型只能填写 Process（过程）或 Result（结果），分值必须是整数。");
        }
        if (file is null) throw new DomainRuleException("JSON 文件是空的。请使用本系统导出的评价准则 JSON 文件。");
        return file.ToDocument();
    }

    public static CriteriaDocument Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader.ReadToEnd());
    }

    /// <summary>The file's shape: the same fields as the document, in this order, plus a format tag.</summary>
    private sealed class FileForm
    {
        public string? Format { get; set; }
        public string? Code { get; set; }
        public string? Label { get; set; }
        public string? Title { get; set; }
        public int? TotalPoints { get; set; }
        public bool TotalPending { get; set; }
        public string? Note { get; set; }
        public List<CategoryForm>? Categories { get; set; }
        public string? BandsNote { get; set; }
        public List<ScoreBand>? Bands { get; set; }

        public static FileForm From(CriteriaDocument d) => new()
        {
            Format = CriteriaDocument.FormatTag, Code = d.Code, Label = d.Label, Title = d.Title, TotalPoints = d.TotalPoints,
            TotalPending = d.TotalPending, Note = d.Note, BandsNote = d.BandsNote, Bands = d.Bands.ToList(),
            Categories = d.Categories.Select(c => new CategoryForm
            {
                Code = c.Code, Name = c.Name, Points = c.Points, Pending = c.Pending, PendingNote = c.PendingNote,
                Guidance = c.Guidance, Items = c.Items.Select(ItemForm.From).ToList(),
            }).ToList(),
        };

        public CriteriaDocument ToDocument()
        {
            if (Format is not null && Format != CriteriaDocument.FormatTag)
                throw new DomainRuleException($"JSON 文件的格式标记为“{Format}”，本系统只能读取“{CriteriaDocument.FormatTag}”。请使用本系统导出的文件。");
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(Code)) missing.Add("code（标准编号）");
            if (string.IsNullOrWhiteSpace(Title)) missing.Add("title（标准名称）");
            if (TotalPoints is null) missing.Add("totalPoints（总分）");
            if (Categories is null) missing.Add("categories（类目）");
            if (Bands is null) missing.Add("bands（评分档）");
            var categories = (Categories ?? []).Select((c, n) => c.ToNode(n, missing)).ToList();
            var bands = (Bands ?? []).Select((b, n) =>
            {
                if (b is null) { missing.Add($"bands 第 {n + 1} 项"); return new ScoreBand(0, 0, "", ""); }
                return b with { Process = b.Process ?? "", Result = b.Result ?? "" };
            }).ToList();
            if (missing.Count > 0)
                throw new DomainRuleException($"JSON 文件缺少以下内容：{string.Join("、", missing)}。请补全后再导入。");
            return CriteriaNormalizer.Normalize(new CriteriaDocument(Code!, Label ?? "", Title!, TotalPoints!.Value, TotalPending,
                Note ?? "", categories, BandsNote ?? "", bands));
        }
    }

    private sealed class CategoryForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public int? Points { get; set; }
        public bool Pending { get; set; }
        public string? PendingNote { get; set; }
        public string? Guidance { get; set; }
        public List<ItemForm>? Items { get; set; }

        public CategoryNode ToNode(int n, List<string> missing)
        {
            var where = $"categories 第 {n + 1} 项";
            if (Points is null) missing.Add($"{where}的 points（分值）");
            if (Items is null) missing.Add($"{where}的 items（条目）");
            var items = (Items ?? []).Select((i, k) =>
            {
                var at = $"{where}的 items 第 {k + 1} 项";
                if (i is null) { missing.Add(at); return new ItemNode("", "", ItemKind.Process, 0, false, "", ""); }
                if (i.Kind is null) missing.Add($"{at}的 kind（类型）");
                if (i.Points is null) missing.Add($"{at}的 points（分值）");
                return new ItemNode(i.Code ?? "", i.Name ?? "", i.Kind ?? ItemKind.Process, i.Points ?? 0, i.Pending,
                    i.PendingNote ?? "", i.Guidance ?? "");
            }).ToList();
            return new CategoryNode(Code ?? "", Name ?? "", Points ?? 0, Pending, PendingNote ?? "", Guidance ?? "", items);
        }
    }

    private sealed class ItemForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public ItemKind? Kind { get; set; }
        public int? Points { get; set; }
        public bool Pending { get; set; }
        public string? PendingNote { get; set; }
        public string? Guidance { get; set; }

        public static ItemForm From(ItemNode i) => new()
        {
            Code = i.Code, Name = i.Name, Kind = i.Kind, Points = i.Points, Pending = i.Pending, PendingNote = i.PendingNote, Guidance = i.Guidance,
        };
    }
}
