using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>What a member of the public fills in to object (异议). Anonymous objections are not accepted.</summary>
public sealed class ObjectionInput
{
    [Required(ErrorMessage = "请选择被异议的组织")]
    [Display(Name = "被异议组织")]
    public Guid? ApplicationId { get; set; }

    [Display(Name = "异议人类型")]
    public ObjectorKind Kind { get; set; } = ObjectorKind.Individual;

    [Required(ErrorMessage = "请填写真实姓名（不受理匿名异议）")]
    [StringLength(50, ErrorMessage = "姓名不能超过 50 字")]
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "单位名称不能超过 200 字")]
    [Display(Name = "单位名称")]
    public string? UnitName { get; set; }

    [RegularExpression("^[0-9]{3}[0-9Xx]$", ErrorMessage = "身份证号码后四位应为 4 位数字（最后一位可以是 X）")]
    [Display(Name = "身份证号码后四位")]
    public string? IdLast4 { get; set; }

    [Required(ErrorMessage = "请填写联系电话")]
    [RegularExpression(@"^[0-9+\-() ]{7,20}$", ErrorMessage = "请填写正确的手机或固定电话号码")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "电子邮箱格式不正确")]
    [StringLength(200)]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "请填写异议理由")]
    [StringLength(Objection.MaxGrounds, MinimumLength = Objection.MinGrounds, ErrorMessage = "异议理由应为 {2} 至 {1} 字，请写明具体事实")]
    [Display(Name = "异议理由")]
    public string? Grounds { get; set; }

    [Display(Name = "真实性声明")]
    public bool Declaration { get; set; }
}
