using Microsoft.AspNetCore.DataProtection;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Protection of the public forms (异议, 投诉) against automated abuse without an external captcha: a signed form
/// timestamp (data protection) bound to the form and its subject that must be at least <see cref="MinFillSeconds"/> old
/// and less than a day old, and a honeypot field that people never see. The rate limit is on each page
/// (<see cref="RateLimitPolicies"/>). Every refusal keeps what was typed: the page shows the form again.
/// </summary>
public sealed class PublicFormGuard(IDataProtectionProvider protection, TimeProvider clock, IConfiguration config)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Biaogan.PublicForms");

    public int MinFillSeconds => config.GetValue("PublicForms:MinFillSeconds", 5);

    /// <param name="form">Which form (“objection”, “complaint”): a stamp of one form is not accepted by another.</param>
    /// <param name="subject">What the form is about (the notice of an objection); <see cref="Guid.Empty"/> when nothing.</param>
    public string Issue(string form, Guid subject) => _protector.Protect($"{form}|{subject:N}|{clock.GetUtcNow().ToUnixTimeSeconds()}");

    /// <summary>Null when the form may be accepted, otherwise the Chinese reason to show (the typed text is kept).</summary>
    /// <param name="submitLabel">The submit button's label, to tell the person what to press again (“提交异议”).</param>
    public string? Check(string form, Guid subject, string? token, string? honeypot, string submitLabel)
    {
        if (!string.IsNullOrEmpty(honeypot)) return "提交未被接受。请不要使用自动填表工具，刷新页面后重新填写提交。";
        var expired = $"表单已失效，请再次点击“{submitLabel}”（已填写的内容不会丢失）。";
        string plain;
        try { plain = _protector.Unprotect(token ?? ""); }
        catch (System.Security.Cryptography.CryptographicException) { return expired; }
        var parts = plain.Split('|');
        if (parts.Length != 3 || parts[0] != form || parts[1] != subject.ToString("N") || !long.TryParse(parts[2], out var issued))
            return expired;
        var age = clock.GetUtcNow().ToUnixTimeSeconds() - issued;
        if (age < MinFillSeconds) return "提交过快，请核对填写的内容后再次提交。";
        if (age > 24 * 3600) return $"表单打开已超过一天，请再次点击“{submitLabel}”（已填写的内容不会丢失）。";
        return null;
    }
}
