using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Organizations;

/// <summary>
/// The 申报组织 fields as a form (registration and the profile page). Shape and code lists are checked
/// here, so a browser without JavaScript that picks a city of another province is told so.
/// </summary>
public sealed class OrganizationForm : ContactFields, IValidatableObject
{
    /// <summary>企业登记注册类型 (国家统计局), plus public institutions and social organisations.</summary>
    public static readonly IReadOnlyList<string> Ownerships =
    [
        "国有企业", "集体企业", "股份合作企业", "联营企业", "有限责任公司", "股份有限公司", "私营企业", "其他内资企业",
        "港澳台商投资企业", "外商投资企业", "事业单位", "社会组织", "其他",
    ];

    [Display(Name = "组织名称")]
    [Required(ErrorMessage = "请填写组织名称（与营业执照或登记证书一致）。")]
    [StringLength(200, ErrorMessage = "组织名称不能超过200个字。")]
    public string Name { get; set; } = "";

    [Display(Name = "统一社会信用代码")]
    [Required(ErrorMessage = "请填写统一社会信用代码。")]
    [Uscc]
    public string Uscc { get; set; } = "";

    [Display(Name = "所在省份")]
    [Required(ErrorMessage = "请选择所在省份。")]
    public string ProvinceCode { get; set; } = "";

    [Display(Name = "所在城市")]
    [Required(ErrorMessage = "请选择所在城市。")]
    public string CityCode { get; set; } = "";

    [Display(Name = "通讯地址")]
    [Required(ErrorMessage = "请填写通讯地址。")]
    [StringLength(300, ErrorMessage = "通讯地址不能超过300个字。")]
    public string Address { get; set; } = "";

    [Display(Name = "行业门类")]
    [Required(ErrorMessage = "请选择所属行业门类。")]
    public string IndustrySection { get; set; } = "";

    [Display(Name = "行业大类")]
    [Required(ErrorMessage = "请选择所属行业大类。")]
    public string IndustryDivision { get; set; } = "";

    [Display(Name = "所有制性质")]
    [Required(ErrorMessage = "请选择所有制性质（登记注册类型）。")]
    public string Ownership { get; set; } = "";

    [Display(Name = "所属企业集团")]
    [StringLength(200, ErrorMessage = "所属企业集团名称不能超过200个字。")]
    public string? GroupName { get; set; }

    [Display(Name = "员工人数")]
    [Required(ErrorMessage = "请填写员工人数。")]
    [Range(1, 5_000_000, ErrorMessage = "员工人数应为1至5000000之间的整数。")]
    public int? Employees { get; set; }

    [Display(Name = "上年度营业收入（万元）")]
    [Required(ErrorMessage = "请填写上年度营业收入（万元）；没有营业收入的单位填0。")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "营业收入应为0至1000000000之间的数字，单位为万元。")]
    public decimal? AnnualRevenue { get; set; }

    [Display(Name = "法定代表人")]
    [Required(ErrorMessage = "请填写法定代表人姓名。")]
    [StringLength(50, ErrorMessage = "法定代表人姓名不能超过50个字。")]
    public string LegalRepresentative { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ProvinceCode.Length > 0 && RegionCatalog.FindProvince(ProvinceCode) is null)
            yield return new ValidationResult("所选省份不在行政区划代码表中，请重新选择。", [nameof(ProvinceCode)]);
        else if (CityCode.Length > 0 && !RegionCatalog.CityBelongsTo(CityCode, ProvinceCode))
            yield return new ValidationResult(
                $"所选城市“{RegionCatalog.CityName(CityCode)}”不属于{RegionCatalog.ProvinceName(ProvinceCode)}，请重新选择城市。", [nameof(CityCode)]);
        if (IndustrySection.Length > 0 && IndustryCatalog.FindSection(IndustrySection) is null)
            yield return new ValidationResult("所选行业门类不在国民经济行业分类中，请重新选择。", [nameof(IndustrySection)]);
        else if (IndustryDivision.Length > 0 && !IndustryCatalog.DivisionBelongsTo(IndustryDivision, IndustrySection))
            yield return new ValidationResult(
                $"所选行业大类“{IndustryCatalog.DivisionDisplay(IndustryDivision)}”不属于门类“{IndustryCatalog.SectionDisplay(IndustrySection)}”，请重新选择大类。",
                [nameof(IndustryDivision)]);
        if (Ownership.Length > 0 && !Ownerships.Contains(Ownership))
            yield return new ValidationResult("请从列表中选择所有制性质。", [nameof(Ownership)]);
    }

    public static OrganizationForm From(Organization o) => new()
    {
        Name = o.Name, Uscc = o.Uscc, ProvinceCode = o.ProvinceCode, CityCode = o.CityCode, Address = o.Address,
        IndustrySection = o.IndustrySection, IndustryDivision = o.IndustryDivision, Ownership = o.Ownership, GroupName = o.GroupName,
        Employees = o.Employees, AnnualRevenue = o.AnnualRevenue, LegalRepresentative = o.LegalRepresentative,
        ContactName = o.ContactName, ContactPhone = o.ContactPhone, ContactEmail = o.ContactEmail,
    };

    /// <summary>Copies the (validated) fields onto the entity, the code upper-cased.</summary>
    public void ApplyTo(Organization o)
    {
        o.Name = Name.Trim();
        o.Uscc = Organizations.Uscc.Normalize(Uscc);
        o.ProvinceCode = ProvinceCode;
        o.CityCode = CityCode;
        o.Address = Address.Trim();
        o.IndustrySection = IndustrySection;
        o.IndustryDivision = IndustryDivision;
        o.Ownership = Ownership;
        o.GroupName = string.IsNullOrWhiteSpace(GroupName) ? null : GroupName.Trim();
        o.Employees = Employees;
        o.AnnualRevenue = AnnualRevenue;
        o.LegalRepresentative = LegalRepresentative.Trim();
        o.ContactName = ContactName.Trim();
        o.ContactPhone = ContactPhone.Trim();
        o.ContactEmail = ContactEmail.Trim();
    }
}

/// <summary>The contact person an organisation or a recommending body gives (its forms and the body's own page).</summary>
public abstract class ContactFields
{
    [Display(Name = "联系人")]
    [Required(ErrorMessage = "请填写联系人姓名。")]
    [StringLength(50, ErrorMessage = "联系人姓名不能超过50个字。")]
    public string ContactName { get; set; } = "";

    [Display(Name = "联系电话")]
    [Required(ErrorMessage = "请填写联系电话。")]
    [RegularExpression(ContactRules.PhonePattern, ErrorMessage = ContactRules.PhoneMessage)]
    public string ContactPhone { get; set; } = "";

    [Display(Name = "联系人电子邮箱")]
    [Required(ErrorMessage = "请填写联系人电子邮箱。")]
    [EmailAddress(ErrorMessage = "联系人电子邮箱格式不正确，例如 name@example.com。")]
    [StringLength(256, ErrorMessage = "电子邮箱不能超过256个字符。")]
    public string ContactEmail { get; set; } = "";
}

internal static class ContactRules
{
    public const string PhonePattern = @"^\s*[0-9+（）()\- ]{7,30}\s*$";
    public const string PhoneMessage = "联系电话格式不正确，请填写手机号或带区号的固定电话，例如 13800138000 或 010-88886666。";
}
