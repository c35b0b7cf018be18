using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Features.Accounts;

/// <summary>A person who signs in. Chinese names are allowed as display names and user names.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>姓名 — the person's real name, shown everywhere instead of the e-mail address.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The 申报组织 this user acts for, if any.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The 推荐单位 this user acts for, if any.</summary>
    public Guid? RecommendingBodyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
