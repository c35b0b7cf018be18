using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>The education, expertise and region part of the profile form.</summary>
public sealed class BackgroundInput
{
    [Display(Name = "学历")]
    public EducationLevel? EducationLevel { get; set; }

    [Display(Name = "毕业院校")]
    [StringLength(100, ErrorMessage = "毕业院校不能超过100个字。")]
    public string? Institution { get; set; }

    [Display(Name = "所学专业")]
    [StringLength(100, ErrorMessage = "所学专业不能超过100个字。")]
    public string? Major { get; set; }

    [Display(Name = "毕业年份")]
    [Range(ReviewerProfile.EarliestYear, 2100, ErrorMessage = "毕业年份应为四位数的年份，例如 2005。")]
    public int? GraduationYear { get; set; }

    [Display(Name = "熟悉的行业")]
    public List<string> Industries { get; set; } = [];

    [Display(Name = "所在省份")]
    public string? ProvinceCode { get; set; }

    public bool SatisfactionProgrammeExperience { get; set; }
    public bool AwardReviewExperience { get; set; }

    public static BackgroundInput From(ReviewerProfile p) => new()
    {
        EducationLevel = p.EducationLevel, Institution = p.Institution, Major = p.Major, GraduationYear = p.GraduationYear,
        Industries = [.. p.Industries], ProvinceCode = p.ProvinceCode,
        SatisfactionProgrammeExperience = p.SatisfactionProgrammeExperience, AwardReviewExperience = p.AwardReviewExperience,
    };

    public ReviewerBackground ToBackground() => new(EducationLevel, Institution, Major, GraduationYear, Industries, ProvinceCode,
        SatisfactionProgrammeExperience, AwardReviewExperience);
}
