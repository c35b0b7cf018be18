using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Organizations;

/// <summary>申报组织 — one per 统一社会信用代码, with several users.</summary>
public sealed class Organization : Entity
{
    public string Name { get; set; } = "";
    /// <summary>统一社会信用代码 (GB 32100-2015), 18 characters, upper case.</summary>
    public string Uscc { get; set; } = "";
    /// <summary>GB/T 2260 province code (2 digits).</summary>
    public string ProvinceCode { get; set; } = "";
    /// <summary>GB/T 2260 prefecture code (4 digits).</summary>
    public string CityCode { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>GB/T 4754-2017 门类 letter (A–T).</summary>
    public string IndustrySection { get; set; } = "";
    /// <summary>GB/T 4754-2017 大类 (two digits).</summary>
    public string IndustryDivision { get; set; } = "";
    /// <summary>所有制性质.</summary>
    public string Ownership { get; set; } = "";
    /// <summary>所属企业集团 (used later by the conflict rules).</summary>
    public string? GroupName { get; set; }
    public int? Employees { get; set; }
    /// <summary>上年度营业收入，万元.</summary>
    public decimal? AnnualRevenue { get; set; }
    public string LegalRepresentative { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
