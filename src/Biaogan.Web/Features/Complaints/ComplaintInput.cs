using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Complaints;

/// <summary>What a member of the public fills in to complain (投诉). Anonymous complaints are not accepted.</summary>
public sealed class ComplaintInput
{
    [Display(Name = "投诉事项")]
    public ComplaintSubject Subject { get; set; } = ComplaintSubject.Benchmark;

    [Display(Name = "标识使用不当的情形")]
    public LogoMisuseKind? MisuseKind { get; set; }

    /// <summary>The benchmark from the registry; empty when the company is not in it.</summary>
    [Display(Name = "被投诉的标杆组织")]
    public Guid? AwardId { get; set; }

    [StringLength(200, ErrorMessage = "企业名称不能超过 200 字")]
    [Display(Name = "企业名称")]
    public string? CompanyName { get; set; }

    [Required(ErrorMessage = "请填写真实姓名（不受理匿名投诉）")]
    [StringLength(50, ErrorMessage = "姓名不能超过 50 字")]
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "单位名称不能超过 200 字")]
    [Display(Name = "单位名称")]
    public string? UnitName { get; set; }

    [Required(ErrorMessage = "请填写联系电话")]
    [RegularExpression(@"^[0-9+\-() ]{7,20}$", ErrorMessage = "请填写正确的手机或固定电话号码")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "电子邮箱格式不正确")]
    [StringLength(200, ErrorMessage = "电子邮箱不能超过 200 字")]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "请填写投诉内容")]
    [StringLength(Complaint.MaxGrounds, MinimumLength = Complaint.MinGrounds, ErrorMessage = "投诉内容应为 {2} 至 {1} 字，请写明时间、地点和具体事实")]
    [Display(Name = "投诉内容")]
    public string? Grounds { get; set; }

    [Display(Name = "真实性声明")]
    public bool Declaration { get; set; }
}
