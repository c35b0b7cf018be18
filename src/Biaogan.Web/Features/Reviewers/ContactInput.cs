using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>Name, e-mail and phone of a reviewer, as the office types them.</summary>
public sealed class ContactInput
{
    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
    public string Name { get; set; } = "";

    [Display(Name = "电子邮箱")]
    [Required(ErrorMessage = "请填写电子邮箱，账号邀请将发送到该邮箱。")]
    [EmailAddress(ErrorMessage = "电子邮箱格式不正确，例如 name@example.com。")]
    [StringLength(256, ErrorMessage = "电子邮箱不能超过256个字符。")]
    public string Email { get; set; } = "";

    [Display(Name = "联系电话")]
    [StringLength(50, ErrorMessage = "联系电话不能超过50个字符。")]
    public string? Phone { get; set; }

    public static ContactInput From(ReviewerProfile p) => new() { Name = p.Name, Email = p.Email, Phone = p.Phone };
}
