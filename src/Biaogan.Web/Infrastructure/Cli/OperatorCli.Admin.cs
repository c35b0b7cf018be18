using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Infrastructure.Cli;

public static partial class OperatorCli
{
    /// <summary>create-admin: the first administrator of a new installation (others are invited from the UI).</summary>
    private static async Task<int> CreateAdminAsync(IServiceProvider sp, string[] args)
    {
        var email = Required(args, "email").Trim();
        var name = Required(args, "name").Trim();
        var password = Required(args, "password");
        if (!new EmailAddressAttribute().IsValid(email) || !email.Contains('.'))
            throw new DomainRuleException($"“{email}”不是有效的邮箱地址。");
        if (name.Length is 0 or > 100) throw new DomainRuleException("姓名不能为空，且不超过 100 字。");

        var db = sp.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
            throw new DomainRuleException($"邮箱 {email} 已被账号“{existing.DisplayName}”使用，未创建新账号。如需让此人成为管理员，请在系统的“人员与邀请”中调整。");

        var clock = sp.GetRequiredService<TimeProvider>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
        var minLength = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Password.RequiredLength;
        var weak = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            weak.AddRange(check.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort) ? $"至少需要 {minLength} 个字符" : Chinese(e)));
        }
        if (weak.Count > 0) throw new DomainRuleException("密码强度不足：" + string.Join("；", weak.Distinct()) + "。未创建账号。");

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Admin)) Check(await roles.CreateAsync(new IdentityRole(Roles.Admin)));
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, Roles.Admin));

        // Accounts are Identity rows, not audited entities: record the creation explicitly.
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorName = ActorName, EntityType = nameof(AppUser), EntityId = user.Id,
            SubjectType = nameof(AppUser), SubjectId = user.Id, Action = "命令行创建系统管理员",
            After = JsonSerializer.Serialize(new Dictionary<string, string> { ["Email"] = email, ["DisplayName"] = name, ["Role"] = Roles.Display(Roles.Admin) },
                new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        });
        await db.SaveChangesAsync();

        Console.WriteLine($"已创建系统管理员：{name} <{email}>（邮箱视为已验证）。");
        Console.WriteLine("首次登录时须绑定身份验证器（TOTP），绑定后才能进入系统；请准备好手机上的身份验证器应用。");
        return 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainRuleException(string.Join("；", result.Errors.Select(Chinese)) + "。");
    }

    /// <summary>Identity's messages by code in Chinese (its own describer speaks English unless replaced).</summary>
    private static string Chinese(IdentityError e) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "密码太短",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "需包含数字",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "需包含小写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "需包含大写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "需包含符号",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "需包含更多不同的字符",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "该邮箱已被使用",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "邮箱地址无效",
        _ => e.Description,
    };
}
