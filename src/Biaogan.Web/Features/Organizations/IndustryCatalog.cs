using System.Text.Json;

namespace Biaogan.Web.Features.Organizations;

/// <summary>GB/T 4754-2017 大类 (two digits) within its 门类.</summary>
public sealed record IndustryDivision(string Code, string Name)
{
    public string SectionCode { get; internal set; } = "";
}

/// <summary>GB/T 4754-2017 门类 (one letter, A–T) with its 大类.</summary>
public sealed record IndustrySection(string Code, string Name, IReadOnlyList<IndustryDivision> Divisions);

/// <summary>
/// 国民经济行业分类 GB/T 4754-2017, 门类 and 大类 only (Data/industries/gbt-4754-2017.json).
/// Organisations declare their industry with these codes; industry 质协 cover one 门类.
/// </summary>
public static class IndustryCatalog
{
    private sealed record FileDto(string Standard, List<IndustrySection> Sections);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyList<IndustrySection>> Loaded = new(Load);
    private static readonly Lazy<Dictionary<string, IndustryDivision>> DivisionIndex =
        new(() => Sections.SelectMany(s => s.Divisions).ToDictionary(d => d.Code));

    public static IReadOnlyList<IndustrySection> Sections => Loaded.Value;

    public static IEnumerable<IndustryDivision> Divisions => Sections.SelectMany(s => s.Divisions);

    public static IndustrySection? FindSection(string? code) => Sections.FirstOrDefault(s => s.Code == code);

    public static IndustryDivision? FindDivision(string? code) =>
        code is not null && DivisionIndex.Value.TryGetValue(code, out var d) ? d : null;

    public static bool DivisionBelongsTo(string? divisionCode, string? sectionCode) =>
        FindDivision(divisionCode) is { } d && d.SectionCode == sectionCode;

    /// <summary>“制造业” (the 门类's name alone, for running text).</summary>
    public static string SectionName(string? code) => FindSection(code?.ToUpperInvariant())?.Name ?? code ?? "";

    /// <summary>“C 制造业”.</summary>
    public static string SectionDisplay(string? code) => FindSection(code) is { } s ? $"{s.Code} {s.Name}" : code ?? "";

    /// <summary>“39 计算机、通信和其他电子设备制造业”.</summary>
    public static string DivisionDisplay(string? code) => FindDivision(code) is { } d ? $"{d.Code} {d.Name}" : code ?? "";

    private static IReadOnlyList<IndustrySection> Load()
    {
        var asm = typeof(IndustryCatalog).Assembly;
        using var s = asm.GetManifestResourceStream("Data/industries/gbt-4754-2017.json")
            ?? throw new InvalidOperationException("缺少行业分类数据文件 Data/industries/gbt-4754-2017.json。");
        var file = JsonSerializer.Deserialize<FileDto>(s, Options) ?? throw new InvalidOperationException("行业分类数据文件为空。");
        foreach (var section in file.Sections)
            foreach (var d in section.Divisions) d.SectionCode = section.Code;
        return file.Sections;
    }
}
