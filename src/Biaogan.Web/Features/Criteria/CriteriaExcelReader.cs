using System.Globalization;
using static Biaogan.Web.Features.Criteria.CriteriaExcel;

namespace Biaogan.Web.Features.Criteria;

/// <summary>Turns the three sheets' rows into a document, collecting every problem as ““评价准则”表第 N 行：…”.</summary>
internal sealed class CriteriaExcelReader(
    IReadOnlyList<IDictionary<string, object?>> tree,
    IReadOnlyList<IDictionary<string, object?>> info,
    IReadOnlyList<IDictionary<string, object?>> bands)
{
    private readonly List<string> _errors = [];

    public ExcelReadResult Read()
    {
        var header = ReadInfo();
        var categories = ReadTree();
        var scoreBands = ReadBands();
        if (_errors.Count > 0 || header is null) return new ExcelReadResult(null, _errors);
        var doc = header with { Categories = categories, Bands = scoreBands };
        return new ExcelReadResult(CriteriaNormalizer.Normalize(doc), []);
    }

    private CriteriaDocument? ReadInfo()
    {
        var fields = new Dictionary<string, (object? Value, int Row)>();
        for (var n = 0; n < info.Count; n++)
        {
            var name = Text(info[n], Field);
            if (name.Length > 0) fields[name] = (info[n].TryGetValue(Value, out var v) ? v : null, n + 2);
        }
        string Get(string key) => fields.TryGetValue(key, out var f) ? Text(f.Value) : "";
        var where = $"“{InfoSheet}”表";
        if (Get(InfoFormat) is { Length: > 0 } format && format != CriteriaDocument.FormatTag)
            _errors.Add($"{where}：格式标记为“{format}”，本系统只能读取“{CriteriaDocument.FormatTag}”。请以本系统导出的文件为模板。");
        if (Get(InfoCode).Length == 0) _errors.Add($"{where}缺少“{InfoCode}”一行（如 T/CAQ 10301-2016）。");
        if (Get(InfoTitle).Length == 0) _errors.Add($"{where}缺少“{InfoTitle}”一行（如 顾客关系管理评价准则）。");
        int? total = null;
        if (!fields.TryGetValue(InfoTotal, out var t)) _errors.Add($"{where}缺少“{InfoTotal}”一行。");
        else total = Int(t.Value, $"{where}第 {t.Row} 行", InfoTotal);
        var totalPending = fields.TryGetValue(InfoTotalPending, out var tp) ? Bool(tp.Value, $"{where}第 {tp.Row} 行", InfoTotalPending) : false;
        if (total is null) return null;
        return new CriteriaDocument(Get(InfoCode), Get(InfoLabel), Get(InfoTitle), total.Value, totalPending, Get(InfoNote), [],
            Get(InfoBandsNote), []);
    }

    private List<CategoryNode> ReadTree()
    {
        var where0 = $"“{TreeSheet}”表";
        if (tree.Count > 0 && TreeColumns.Where(c => !tree[0].ContainsKey(c)).ToList() is { Count: > 0 } absent)
        {
            _errors.Add($"{where0}缺少列：{string.Join("、", absent)}。请以本系统导出的 Excel 文件为模板。");
            return [];
        }
        var categories = new List<(CategoryNode Node, int Row)>();
        var items = new List<(string Category, ItemNode Node, int Row)>();
        for (var n = 0; n < tree.Count; n++)
        {
            var row = tree[n];
            if (row.Values.All(v => Text(v).Length == 0)) continue;
            var where = $"{where0}第 {n + 2} 行";
            var categoryCode = Text(row, CategoryCode);
            var itemCode = Text(row, ItemCode);
            if (itemCode.Length == 0)
            {
                if (categoryCode.Length == 0) { _errors.Add($"{where}：类目行请填写类目编号，条目行请填写条目编号。"); continue; }
                if (categories.FirstOrDefault(c => c.Node.Code == categoryCode) is { Node: not null } dup)
                    _errors.Add($"{where}：类目编号“{categoryCode}”与第 {dup.Row} 行重复。");
                var name = Required(row, CategoryName, where, $"类目“{categoryCode}”缺少类目名称");
                var points = Int(Get(row, Points), where, Points) ?? 0;
                var pending = Bool(Get(row, Pending), where, Pending);
                categories.Add((new CategoryNode(categoryCode, name, points, pending, Text(row, PendingNote), Text(row, Guidance), []), n + 2));
            }
            else
            {
                var label = $"条目“{itemCode}”";
                if (categoryCode.Length == 0) _errors.Add($"{where}：{label}缺少所属的类目编号。");
                var name = Required(row, ItemName, where, $"{label}缺少条目名称");
                var kindText = Text(row, Kind);
                var kind = CriteriaDocument.ParseKind(kindText);
                if (kind is null)
                    _errors.Add(kindText.Length == 0 ? $"{where}：{label}缺少类型，请填写“过程”或“结果”。" : $"{where}：{label}的类型“{kindText}”无法识别，请填写“过程”或“结果”。");
                var points = Int(Get(row, Points), where, Points) ?? 0;
                var pending = Bool(Get(row, Pending), where, Pending);
                items.Add((categoryCode, new ItemNode(itemCode, name, kind ?? ItemKind.Process, points, pending, Text(row, PendingNote), Text(row, Guidance)), n + 2));
            }
        }
        foreach (var (category, item, row) in items.Where(i => i.Category.Length > 0 && categories.All(c => c.Node.Code != i.Category)))
            _errors.Add($"{where0}第 {row} 行：条目“{item.Display}”所属的类目“{category}”在表中没有类目行，请添加该类目行或改正类目编号。");
        if (categories.Count == 0 && _errors.Count == 0) _errors.Add($"{where0}中没有任何类目行。");
        return categories.Select(c => c.Node with
        {
            Items = items.Where(i => i.Category == c.Node.Code).Select(i => i.Node).ToList(),
        }).ToList();
    }

    private List<ScoreBand> ReadBands()
    {
        var where0 = $"“{BandSheet}”表";
        if (bands.Count > 0 && BandColumns.Where(c => !bands[0].ContainsKey(c)).ToList() is { Count: > 0 } absent)
        {
            _errors.Add($"{where0}缺少列：{string.Join("、", absent)}。请以本系统导出的 Excel 文件为模板。");
            return [];
        }
        var result = new List<ScoreBand>();
        for (var n = 0; n < bands.Count; n++)
        {
            var row = bands[n];
            if (row.Values.All(v => Text(v).Length == 0)) continue;
            var where = $"{where0}第 {n + 2} 行";
            var min = Int(Get(row, MinPercent), where, MinPercent);
            var max = Int(Get(row, MaxPercent), where, MaxPercent);
            result.Add(new ScoreBand(min ?? 0, max ?? 0, Text(row, ProcessText), Text(row, ResultText)));
        }
        return result;
    }

    private string Required(IDictionary<string, object?> row, string column, string where, string message)
    {
        var text = Text(row, column);
        if (text.Length == 0) _errors.Add($"{where}：{message}。");
        return text;
    }

    private int? Int(object? value, string where, string column)
    {
        switch (value)
        {
            case null:
            case string s when s.Trim().Length == 0:
                _errors.Add($"{where}：缺少“{column}”。");
                return null;
            case double d when d == Math.Floor(d) && Math.Abs(d) < 1_000_000:
                return (int)d;
            case int i:
                return i;
            case string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                _errors.Add($"{where}：“{column}”应为整数，现为“{Text(value)}”。");
                return null;
        }
    }

    private bool Bool(object? value, string where, string column)
    {
        if (value is bool b) return b;
        var text = Text(value);
        switch (text)
        {
            case "" or "否" or "N" or "n" or "false" or "FALSE" or "0":
                return false;
            case "是" or "Y" or "y" or "true" or "TRUE" or "1" or "待核定":
                return true;
            default:
                _errors.Add($"{where}：“{column}”一栏应填写“是”或“否”，现为“{text}”。");
                return false;
        }
    }

    private static object? Get(IDictionary<string, object?> row, string column) => row.TryGetValue(column, out var v) ? v : null;

    private static string Text(IDictionary<string, object?> row, string column) => Text(Get(row, column));

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}
