using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Organizations;

/// <summary>推荐单位 registration fields (第十五条: 行业或地区质协、质量主管部门或质量推进组织).</summary>
public sealed class RecommendingBodyForm : ContactFields, IValidatableObject
{
    [Display(Name = "单位名称")]
    [Required(ErrorMessage = "请填写推荐单位名称。")]
    [StringLength(200, ErrorMessage = "单位名称不能超过200个字。")]
    public string Name { get; set; } = "";

    [Display(Name = "单位类别")]
    [Required(ErrorMessage = "请选择单位类别。")]
    public RecommendingBodyKind? Kind { get; set; }

    [Display(Name = "所在省份")]
    public string? ProvinceCode { get; set; }

    [Display(Name = "所属行业门类")]
    public string? IndustrySection { get; set; }

    public static IReadOnlyList<RecommendingBodyKind> Kinds { get; } = Enum.GetValues<RecommendingBodyKind>();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ProvinceCode) && RegionCatalog.FindProvince(ProvinceCode) is null)
            yield return new ValidationResult("所选省份不在行政区划代码表中，请重新选择。", [nameof(ProvinceCode)]);
        if (!string.IsNullOrEmpty(IndustrySection) && IndustryCatalog.FindSection(IndustrySection) is null)
            yield return new ValidationResult("所选行业门类不在国民经济行业分类中，请重新选择。", [nameof(IndustrySection)]);
        if (Kind == RecommendingBodyKind.RegionalAssociation && string.IsNullOrEmpty(ProvinceCode))
            yield return new ValidationResult("地区质协请选择所在省份。", [nameof(ProvinceCode)]);
        if (Kind == RecommendingBodyKind.IndustryAssociation && string.IsNullOrEmpty(IndustrySection))
            yield return new ValidationResult("行业质协请选择所属行业门类。", [nameof(IndustrySection)]);
    }

    public RecommendingBody ToEntity(DateTimeOffset now) => new()
    {
        Name = Name.Trim(), Kind = Kind!.Value,
        ProvinceCode = string.IsNullOrEmpty(ProvinceCode) ? null : ProvinceCode,
        IndustrySection = string.IsNullOrEmpty(IndustrySection) ? null : IndustrySection,
        ContactName = ContactName.Trim(), ContactPhone = ContactPhone.Trim(), ContactEmail = ContactEmail.Trim(), CreatedAt = now,
    };
}
