using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// /api/users — 人员与邀请 as JSON for the office and administrators: the same <see cref="UserAdministration"/>
/// the Users and Invite pages call. Writes need the X-CSRF-TOKEN header (GET /api/antiforgery). Bad input is a
/// 400 problem with Chinese messages per field; a broken rule (e.g. disabling oneself) a 422.
/// </summary>
public static class UsersApi
{
    public sealed record UserDto(string Id, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> RoleNames,
        string? Unit, string State, string StateText, bool TwoFactorEnabled, bool CanManage, DateTimeOffset CreatedAt);

    public sealed record UserPage(IReadOnlyList<UserDto> Items, int Total, int Page, int PageCount, int PageSize);

    public sealed record InviteRequest(string? Name, string? Email, IReadOnlyList<string>? Roles);

    public sealed record RolesRequest(IReadOnlyList<string>? Roles);

    public sealed record UserChanged(string Id, string Message);

    public static void MapUsersApi(this WebApplication app)
    {
        var group = app.MapApi("/users", "人员与邀请").RequireAuthorization(Policies.Office);
        group.MapGet("/", ListAsync).WithSummary("人员列表（可按角色、姓名或邮箱筛选，每页50人）");
        group.MapPost("/invitations", InviteAsync).WithSummary("邀请人员（工作人员、评审员、委员会委员）");
        group.MapPost("/{id}/invitation", ResendAsync).WithSummary("重发邀请邮件");
        group.MapPost("/{id}/disable", DisableAsync).WithSummary("停用账号（其所有会话在一分钟内结束）");
        group.MapPost("/{id}/enable", EnableAsync).WithSummary("恢复启用账号");
        group.MapPut("/{id}/roles", ChangeRolesAsync).WithSummary("调整邀请类角色（其所有会话在一分钟内更新或结束）");
        group.MapPost("/{id}/two-factor/reset", ResetTwoFactorAsync).WithSummary("重置两步验证（身份验证器丢失时）");
    }

    private static async Task<Ok<UserPage>> ListAsync(UserAdministration administration, ClaimsPrincipal user,
        string? role, string? q, int? page, CancellationToken ct)
    {
        var listing = await administration.ListAsync(user, role, q, page ?? 1, ct);
        return TypedResults.Ok(new UserPage(listing.Rows.Select(Dto).ToList(), listing.Total, listing.Page, listing.PageCount, UserAdministration.PageSize));
    }

    private static async Task<Results<Created<UserChanged>, ValidationProblem>> InviteAsync(InviteRequest request,
        UserAdministration administration, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        var email = request.Email?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["请填写被邀请人的姓名。"];
        else if (name.Length > 50) errors["name"] = ["姓名不能超过50个字。"];
        if (email.Length == 0) errors["email"] = ["请填写被邀请人的电子邮箱。"];
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)) errors["email"] = ["电子邮箱格式不正确，例如 name@example.com。"];
        if (RoleErrors(request.Roles) is { } roleError) errors["roles"] = [roleError];
        if (errors.Count > 0) return ApiValidation.Problem(errors);
        var invited = await administration.InviteAsync(user, name, email, request.Roles!, ct);
        return TypedResults.Created($"/api/users?q={Uri.EscapeDataString(invited.Email!)}",
            new UserChanged(invited.Id, $"已向 {invited.Email} 发送邀请，邀请链接 7 天内有效。"));
    }

    private static async Task<Ok<UserChanged>> ResendAsync(string id, UserAdministration administration, CancellationToken ct)
    {
        var invited = await administration.ResendInvitationAsync(id, ct);
        return TypedResults.Ok(new UserChanged(invited.Id, $"已重新向 {invited.Email} 发送邀请邮件。"));
    }

    private static async Task<Ok<UserChanged>> DisableAsync(string id, UserAdministration administration, ClaimsPrincipal user)
    {
        var target = await administration.DisableAsync(user, id);
        return TypedResults.Ok(new UserChanged(target.Id, $"已停用 {target.DisplayName} 的账号，其将无法登录。"));
    }

    private static async Task<Ok<UserChanged>> EnableAsync(string id, UserAdministration administration, ClaimsPrincipal user)
    {
        var target = await administration.EnableAsync(user, id);
        return TypedResults.Ok(new UserChanged(target.Id, $"已恢复 {target.DisplayName} 的账号，其可以重新登录。"));
    }

    private static async Task<Results<Ok<UserChanged>, ValidationProblem>> ChangeRolesAsync(string id, RolesRequest request,
        UserAdministration administration, ClaimsPrincipal user)
    {
        if (RoleErrors(request.Roles) is { } roleError) return ApiValidation.Problem(new() { ["roles"] = [roleError] });
        var target = await administration.ChangeRolesAsync(user, id, request.Roles!);
        return TypedResults.Ok(new UserChanged(target.Id,
            $"已将 {target.DisplayName} 的角色调整为：{string.Join("、", request.Roles!.Distinct().Select(Roles.Display))}。"));
    }

    private static async Task<Ok<UserChanged>> ResetTwoFactorAsync(string id, UserAdministration administration, ClaimsPrincipal user)
    {
        var target = await administration.ResetTwoFactorAsync(user, id);
        return TypedResults.Ok(new UserChanged(target.Id, $"已重置 {target.DisplayName} 的两步验证，其下次登录时需重新绑定身份验证器。"));
    }

    private static string? RoleErrors(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0) return "请至少选择一个角色。";
        var unknown = roles.Where(r => !Roles.Invited.Contains(r)).ToList();
        return unknown.Count > 0
            ? $"角色“{string.Join("、", unknown)}”不存在或不能由活动办公室授予；可选：{string.Join("、", Roles.Invited.Select(r => $"{r}（{Roles.Display(r)}）"))}。"
            : null;
    }

    private static UserDto Dto(UserAdministration.Row r) => new(r.User.Id, r.User.DisplayName, r.User.Email ?? "", r.RoleNames, r.Roles,
        r.Unit, r.State.ToString(), AccountStatus.Display(r.State), r.User.TwoFactorEnabled, r.CanManage, r.User.CreatedAt);
}
