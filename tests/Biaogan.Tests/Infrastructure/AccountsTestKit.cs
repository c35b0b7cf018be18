using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>Helpers for the Accounts and Organizations tests: registration forms, fresh addresses, a person's audit trail.</summary>
public static class AccountsTestKit
{
    public const string NewPassword = "Register2026pass";

    public static Task<List<AuditEntry>> AuditOfAsync(AppFactory app, string userId) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectId == userId).ToListAsync());

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
}
