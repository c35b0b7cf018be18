using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>A new training record, as typed on the records page.</summary>
public sealed class TrainingInput
{
    [Required(ErrorMessage = "请选择培训类别。")]
    public TrainingKind? Kind { get; set; }

    [Display(Name = "培训日期")]
    [Required(ErrorMessage = "请填写培训日期。")]
    public DateOnly? CompletedOn { get; set; }

    [Display(Name = "培训机构")]
    [Required(ErrorMessage = "请填写培训机构。")]
    [StringLength(200, ErrorMessage = "培训机构不能超过200个字。")]
    public string? Provider { get; set; }

    [Display(Name = "证书编号")]
    [StringLength(100, ErrorMessage = "证书编号不能超过100个字符。")]
    public string? CertificateNumber { get; set; }
}

/// <summary>A new period of work history, as typed on the records page.</summary>
public sealed class WorkInput
{
    [Display(Name = "工作单位")]
    [Required(ErrorMessage = "请填写工作单位名称。")]
    [StringLength(200, ErrorMessage = "工作单位名称不能超过200个字。")]
    public string? EmployerName { get; set; }

    [Display(Name = "工作单位统一社会信用代码")]
    [StringLength(30, ErrorMessage = "统一社会信用代码应为18位。")]
    public string? EmployerUscc { get; set; }

    [Display(Name = "起始年份")]
    [Required(ErrorMessage = "请填写起始年份。")]
    [Range(ReviewerProfile.EarliestYear, 2100, ErrorMessage = "起始年份应为四位数的年份，例如 2010。")]
    public int? FromYear { get; set; }

    /// <summary>Empty = 至今.</summary>
    [Display(Name = "截止年份")]
    [Range(ReviewerProfile.EarliestYear, 2100, ErrorMessage = "截止年份应为四位数的年份；仍在该单位工作的请留空（至今）。")]
    public int? ToYear { get; set; }

    [Display(Name = "职务或职称")]
    [Required(ErrorMessage = "请填写职务或职称。")]
    [StringLength(100, ErrorMessage = "职务或职称不能超过100个字。")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "请选择工作领域。")]
    public WorkField? Field { get; set; }
}
