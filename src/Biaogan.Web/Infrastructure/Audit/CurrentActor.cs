using System.Security.Claims;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>Who is acting in this scope: the signed-in person, or the system (CLI, jobs).</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private (string? Id, string Name)? _override;

    public string? Id => _override?.Id ?? (http.HttpContext?.User.UserId() is { Length: > 0 } id ? id : null);

    public string Name => _override?.Name
        ?? http.HttpContext?.User.FindFirstValue("display_name")
        ?? http.HttpContext?.User.Identity?.Name
        ?? "系统";

    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Acts as someone else for the rest of this scope (CLI commands, registration before sign-in).</summary>
    public void ActAs(string? id, string name) => _override = (id, name);
}
