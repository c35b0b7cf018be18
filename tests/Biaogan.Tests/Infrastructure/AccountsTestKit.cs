using System.Text.RegularExpressions;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Biaogan.Tests.Infrastructure;

/// <summary>Helpers for the Accounts and Organizations tests: mails in the outbox, their links, extra people.</summary>
public static partial class AccountsTestKit
{
    public const string NewPassword = "Register2026pass";

    /// <summary>The latest outbox e-mail of a template sent to an address (fails the test if there is none).</summary>
    public static async Task<OutboxMessage> LatestMailAsync(AppFactory app, string to, string templateKey)
    {
        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress == to && m.TemplateKey == templateKey).ToListAsync());
        Assert.True(mail.Count > 0, $"没有发给 {to} 的 {templateKey} 邮件");
        return mail.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Last();
    }

    /// <summary>The first absolute link in an e-mail body.</summary>
    public static string LinkIn(OutboxMessage mail)
    {
        var m = LinkPattern().Match(mail.Body);
        Assert.True(m.Success, "邮件中没有链接：" + mail.Body);
        return m.Value;
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();

    public static Task<List<AuditEntry>> AuditOfAsync(AppFactory app, string userId) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectId == userId).ToListAsync());

    /// <summary>A staff or committee member who has not yet bound an authenticator.</summary>
    public static async Task<Persona> WithoutTwoFactorAsync(AppFactory app, string name, string role)
    {
        Persona? persona = null;
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var email = $"n{Guid.NewGuid():N}"[..13] + "@test.biaogan.cn";
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = app.Clock.GetUtcNow() };
            Assert.True((await users.CreateAsync(user, Cast.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            persona = new Persona(user.Id, name, email, Cast.Password, null, null, null);
        });
        return persona!;
    }

    public static string Totp(string base32Key, DateTimeOffset now) =>
        new Totp(Base32Encoding.ToBytes(base32Key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(now.UtcDateTime);

    /// <summary>A complete 申报组织 registration form.</summary>
    public static Dictionary<string, string?> OrganizationRegistration(string uscc, string email, string name = "杭州标杆示范科技有限公司") => new()
    {
        ["Org.Name"] = name, ["Org.Uscc"] = uscc, ["Org.ProvinceCode"] = "33", ["Org.CityCode"] = "3301",
        ["Org.Address"] = "浙江省杭州市西湖区文三路100号", ["Org.IndustrySection"] = "I", ["Org.IndustryDivision"] = "65",
        ["Org.Ownership"] = "有限责任公司", ["Org.GroupName"] = "", ["Org.Employees"] = "850", ["Org.AnnualRevenue"] = "123456.78",
        ["Org.LegalRepresentative"] = "陈明", ["Org.ContactName"] = "周丽", ["Org.ContactPhone"] = "0571-88886666",
        ["Org.ContactEmail"] = "zhouli@example.cn",
        ["Person.Name"] = "周丽", ["Person.Email"] = email, ["Person.Password"] = NewPassword, ["Person.ConfirmPassword"] = NewPassword,
    };

    public static string NewEmail(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)] + "@example.cn";

    /// <summary>Signs in with e-mail and password only (no TOTP) and returns where it ended.</summary>
    public static async Task<(PageClient Client, FormResult Result)> LogInAsync(AppFactory app, string email, string password)
    {
        var client = Cast.Anonymous(app);
        var result = await client.SubmitAsync("/Account/Login", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
        return (client, result);
    }
}
