using System.Net;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Biaogan.Tests.Infrastructure;

/// <summary>A person of the test cast, with what is needed to sign in as them.</summary>
public sealed record Persona(string UserId, string Name, string Email, string Password, string? TotpKey, Guid? OrganizationId, Guid? RecommendingBodyId)
{
    /// <summary>The current TOTP code for staff and committee personas.</summary>
    public string TotpCode(DateTimeOffset now) => Cast.Totp(TotpKey!, now);
}

/// <summary>
/// The named cast used across tests (申报单位甲, 推荐单位乙, 办公室丙, 评审员丁 …), created directly in the
/// database the way an administrator's invitation or a confirmed registration would leave them.
/// </summary>
public static class Cast
{
    public const string Password = "Biaogan2026pass";

    /// <param name="bindAuthenticator">For roles that require two-factor sign-in: false leaves the person without an
    /// authenticator, as a newly invited staff member is before the TOTP set-up page.</param>
    public static async Task<Persona> PersonAsync(AppFactory app, string name, string role,
        Guid? organizationId = null, Guid? recommendingBodyId = null, bool bindAuthenticator = true)
    {
        Persona? persona = null;
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var email = $"u{Guid.NewGuid():N}"[..13] + "@test.biaogan.cn";
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                OrganizationId = organizationId, RecommendingBodyId = recommendingBodyId, CreatedAt = app.Clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            string? key = null;
            if (bindAuthenticator && Roles.RequireTwoFactor.Contains(role))
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                key = await users.GetAuthenticatorKeyAsync(user);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            persona = new Persona(user.Id, name, email, Password, key, organizationId, recommendingBodyId);
            await LeadingGroupKit.LinkToEveryCycleAsync(sp.GetRequiredService<AppDbContext>(), user.Id, name, role, app.Clock.GetUtcNow());
        });
        return persona!;
    }

    /// <summary>申报单位甲: an organisation with a valid 统一社会信用代码 and one user.</summary>
    public static async Task<Persona> ApplicantAsync(AppFactory app, string orgName = "申报单位甲有限公司", string? uscc = null)
    {
        var org = new Organization
        {
            Name = orgName, Uscc = uscc ?? NextUscc(), ProvinceCode = "11", CityCode = "1101", Address = "北京市海淀区中关村大街1号",
            IndustrySection = "C", IndustryDivision = "39", Ownership = "私营企业", Employees = 1200, AnnualRevenue = 560000m,
            LegalRepresentative = "王建国", ContactName = "李晓梅", ContactPhone = "010-88886666", ContactEmail = "contact@jia.example.cn",
            CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.WithDbAsync(async db => { db.Add(org); await db.SaveChangesAsync(); });
        return await PersonAsync(app, "李晓梅", Roles.Applicant, organizationId: org.Id);
    }

    /// <summary>推荐单位乙: a recommending body (approved unless told otherwise) and one user.</summary>
    public static async Task<Persona> RecommenderAsync(AppFactory app, string bodyName = "推荐单位乙（北京市质量协会）",
        RecommendingBodyStatus status = RecommendingBodyStatus.Approved)
    {
        var body = new RecommendingBody
        {
            Name = bodyName, Kind = RecommendingBodyKind.RegionalAssociation, ProvinceCode = "11",
            ContactName = "张伟", ContactPhone = "010-66668888", ContactEmail = "yi@example.cn", CreatedAt = app.Clock.GetUtcNow(),
        };
        if (status == RecommendingBodyStatus.Approved) body.Approve(app.Clock.GetUtcNow());
        if (status == RecommendingBodyStatus.Rejected) body.Reject("材料不全", app.Clock.GetUtcNow());
        await app.WithDbAsync(async db => { db.Add(body); await db.SaveChangesAsync(); });
        return await PersonAsync(app, "张伟", Roles.Recommender, recommendingBodyId: body.Id);
    }

    /// <summary>办公室丙: activity-office staff with TOTP enabled.</summary>
    public static Task<Persona> OfficeAsync(AppFactory app) => PersonAsync(app, "赵丙", Roles.Office);

    /// <summary>评审员丁.</summary>
    public static Task<Persona> ReviewerAsync(AppFactory app) => PersonAsync(app, "钱丁", Roles.Reviewer);

    public static Task<Persona> AdminAsync(AppFactory app) => PersonAsync(app, "孙管理", Roles.Admin);

    /// <summary>A client signed in as <paramref name="who"/> through the real login pages (with TOTP when required).</summary>
    public static async Task<PageClient> SignInAsync(AppFactory app, Persona who)
    {
        var (client, result) = await LogInAsync(app, who.Email, who.Password);
        if (result.Path.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            await ForgetUsedTotpAsync(app, who.UserId);
            result = await client.SubmitAsync(result.Page, new Dictionary<string, string?>
            {
                ["Input.Code"] = who.TotpCode(app.Clock.GetUtcNow()),
            });
        }
        if (result.Path.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase))
            throw new Xunit.Sdk.XunitException($"登录失败 {who.Email}: {string.Join(";", result.Errors)}");
        return client;
    }

    /// <summary>
    /// A code is accepted once (the last used time step is remembered); the test clock stands still, so a persona
    /// signing in again stands for a later 30-second window: forget the step used before.
    /// </summary>
    public static Task ForgetUsedTotpAsync(AppFactory app, string userId) => app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is not null) await users.RemoveAuthenticationTokenAsync(user, "[Biaogan]", "LastTotpStep");
    });

    /// <summary>Posts e-mail and password on the login page (no TOTP step) and returns where it ended.</summary>
    public static async Task<(PageClient Client, FormResult Result)> LogInAsync(AppFactory app, string email, string password)
    {
        var client = Anonymous(app);
        var result = await client.SubmitAsync("/Account/Login", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
        return (client, result);
    }

    /// <summary>The TOTP code an authenticator app shows for the shared key at <paramref name="now"/>.</summary>
    public static string Totp(string base32Key, DateTimeOffset now) =>
        new Totp(Base32Encoding.ToBytes(base32Key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(now.UtcDateTime);

    /// <summary>True when the response is a refusal: 403, or the redirect to the access-denied page.</summary>
    public static async Task<bool> IsForbiddenAsync(PageClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        return response.StatusCode == HttpStatusCode.Forbidden
            || (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    /// <summary>A browser that has not signed in: it keeps cookies and follows redirects (<see cref="PageClient.NoRedirects"/> does not).</summary>
    public static PageClient Anonymous(AppFactory app)
    {
        var cookies = new CookieContainer();
        var address = new Uri("http://localhost");
        return new PageClient(app.CreateDefaultClient(address, new RedirectHandler(), new CookieContainerHandler(cookies)),
            app.CreateDefaultClient(address, new CookieContainerHandler(cookies)));
    }

    private static int _seq;

    /// <summary>A fresh valid 统一社会信用代码 (GB 32100-2015 check character computed).</summary>
    public static string NextUscc()
    {
        var n = Interlocked.Increment(ref _seq);
        var organization = $"{(n * 7919 % 100000000):D8}";
        var body = "91110108" + organization + OrganizationCodeCheck(organization);
        return body + UsccCheck(body);
    }

    /// <summary>Independent implementation of the GB 11714 check digit (position 17 of a 统一社会信用代码).</summary>
    public static char OrganizationCodeCheck(string first8)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (char.IsDigit(first8[i]) ? first8[i] - '0' : first8[i] - 'A' + 10) * weights[i];
        var c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
    }

    /// <summary>Independent implementation of the GB 32100-2015 check character, for building test data.</summary>
    public static char UsccCheck(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += alphabet.IndexOf(first17[i]) * weights[i];
        return alphabet[(31 - sum % 31) % 31];
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
