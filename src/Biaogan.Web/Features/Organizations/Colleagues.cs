using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

/// <summary>A colleague to invite into the same organisation or recommending body.</summary>
public sealed class ColleagueInput
{
    [Display(Name = "同事姓名")]
    [Required(ErrorMessage = "请填写同事的姓名。")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
    public string Name { get; set; } = "";

    [Display(Name = "同事电子邮箱")]
    [Required(ErrorMessage = "请填写同事的电子邮箱。")]
    [EmailAddress(ErrorMessage = "电子邮箱格式不正确，例如 name@example.com。")]
    [StringLength(256, ErrorMessage = "电子邮箱不能超过256个字符。")]
    public string Email { get; set; } = "";
}

/// <summary>The users of one 申报组织 or 推荐单位, and inviting more of them.</summary>
public static class Colleagues
{
    public static Task<List<AppUser>> OfOrganizationAsync(AppDbContext db, Guid organizationId) =>
        db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId).OrderBy(u => u.CreatedAt).ToListAsync();

    public static Task<List<AppUser>> OfBodyAsync(AppDbContext db, Guid bodyId) =>
        db.Users.AsNoTracking().Where(u => u.RecommendingBodyId == bodyId).OrderBy(u => u.CreatedAt).ToListAsync();

    /// <summary>The colleague gets the same role and unit as the person inviting.</summary>
    public static Task<AppUser> InviteToOrganizationAsync(Invitations invitations, Organization org, ColleagueInput who, CancellationToken ct) =>
        invitations.InviteAsync(new Invitations.Request(who.Email, who.Name, [Roles.Applicant],
            $"{org.Name}的{Roles.Display(Roles.Applicant)}", OrganizationId: org.Id), ct);

    public static Task<AppUser> InviteToBodyAsync(Invitations invitations, RecommendingBody body, ColleagueInput who, CancellationToken ct) =>
        invitations.InviteAsync(new Invitations.Request(who.Email, who.Name, [Roles.Recommender],
            $"{body.Name}的{Roles.Display(Roles.Recommender)}", RecommendingBodyId: body.Id), ct);
}
