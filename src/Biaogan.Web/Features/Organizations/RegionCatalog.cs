using System.Text.Json;

namespace Biaogan.Web.Features.Organizations;

/// <summary>省级行政区 (GB/T 2260, two-digit code).</summary>
public sealed record Province(string Code, string Name);

/// <summary>地级行政区 (GB/T 2260, four-digit code) and its province.</summary>
public sealed record City(string Code, string Name, string ProvinceCode);

/// <summary>
/// GB/T 2260 provinces and prefecture-level divisions shipped as data (Data/regions, see its NOTICE.md).
/// Municipalities list their districts as “市辖区”; <see cref="DisplayName"/> shows them by the city's name.
/// </summary>
public static class RegionCatalog
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyList<Province>> LoadedProvinces = new(() => Load<Province>("provinces.json"));
    private static readonly Lazy<IReadOnlyList<City>> LoadedCities = new(() => Load<City>("cities.json"));
    private static readonly Lazy<Dictionary<string, Province>> ProvinceIndex = new(() => Provinces.ToDictionary(p => p.Code));
    private static readonly Lazy<Dictionary<string, City>> CityIndex = new(() => Cities.ToDictionary(c => c.Code));

    public static IReadOnlyList<Province> Provinces => LoadedProvinces.Value;

    public static IReadOnlyList<City> Cities => LoadedCities.Value;

    public static Province? FindProvince(string? code) =>
        code is not null && ProvinceIndex.Value.TryGetValue(code, out var p) ? p : null;

    public static City? FindCity(string? code) =>
        code is not null && CityIndex.Value.TryGetValue(code, out var c) ? c : null;

    public static IReadOnlyList<City> CitiesOf(string provinceCode) =>
        Cities.Where(c => c.ProvinceCode == provinceCode).ToList();

    public static bool CityBelongsTo(string? cityCode, string? provinceCode) =>
        FindCity(cityCode) is { } c && c.ProvinceCode == provinceCode;

    public static string ProvinceName(string? code) => FindProvince(code)?.Name ?? code ?? "";

    /// <summary>The name to show for a prefecture inside its province's list (“市辖区” → “北京市”).</summary>
    public static string CityName(string? code)
    {
        if (FindCity(code) is not { } c) return code ?? "";
        return c.Name switch
        {
            "市辖区" when c.ProvinceCode == "50" => "重庆市（市辖区）",
            "市辖区" => ProvinceName(c.ProvinceCode),
            "县" => ProvinceName(c.ProvinceCode) + "（县）",
            _ => c.Name,
        };
    }

    /// <summary>“河北省石家庄市”, or just “北京市” for a municipality.</summary>
    public static string DisplayName(string? provinceCode, string? cityCode)
    {
        var province = ProvinceName(provinceCode);
        if (FindCity(cityCode) is not { } c) return province;
        var city = CityName(cityCode);
        return city.StartsWith(province, StringComparison.Ordinal) ? city : province + c.Name;
    }

    private static IReadOnlyList<T> Load<T>(string file)
    {
        var asm = typeof(RegionCatalog).Assembly;
        using var s = asm.GetManifestResourceStream("Data/regions/" + file)
            ?? throw new InvalidOperationException($"缺少行政区划数据文件 Data/regions/{file}。");
        return JsonSerializer.Deserialize<List<T>>(s, Options) ?? [];
    }
}
