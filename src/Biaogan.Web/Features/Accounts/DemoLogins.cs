namespace Biaogan.Web.Features.Accounts;

/// <summary>The demo accounts created on first start in development, shown on the home page and console.</summary>
public sealed class DemoLogins
{
    public sealed record Login(string Role, string Name, string Email, string Password, string Note);

    public List<Login> All { get; } = [];
}
