using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Audit;

/// <summary>
/// The audit log speaks Chinese (issue 11 item 10): every record type the audit interceptor writes and every field it
/// records has a Chinese name in <see cref="AuditLabels"/>. A new entity or property without one fails here.
/// </summary>
public class AuditLabelsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Every_audited_record_type_and_field_of_the_model_has_a_Chinese_name()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var missing = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            if (!AuditLabels.KnownTypes.TryGetValue(type.ClrType.Name, out var label) || !IsChinese(label)) missing.Add("类型 " + type.ClrType.Name);
            var fields = type.GetProperties().Select(p => p.Name).Where(n => n != nameof(Entity.Version))
                .Concat(type.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => $"{c.Name}.{p.Name}")));
            foreach (var field in fields)
                if (!AuditLabels.KnownFields.TryGetValue(field, out var name) || !IsChinese(name)) missing.Add($"字段 {type.ClrType.Name}.{field}");
        }
        Assert.True(missing.Count == 0, "请在 AuditLabels.Tables.cs 中补充中文名称 / add Chinese names:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Unknown_names_are_never_shown_as_they_are_when_the_table_knows_them()
    {
        Assert.Equal("入围评议结果", AuditLabels.Type("ShortlistDecision"));
        Assert.Equal("公示期（工作日）", AuditLabels.Field("Settings.PublicNoticeWorkdays"));
        Assert.Equal("通知事由", AuditLabels.Field("Occasion"));
    }

    [Fact]
    public void A_committee_members_committee_and_composition_read_as_the_committees_page_names_them()
    {
        foreach (var kind in Enum.GetValues<Biaogan.Web.Features.Governance.CommitteeKind>())
            Assert.Equal(Biaogan.Web.Features.Governance.CommitteeText.Display(kind), AuditLabels.Value("Committee", kind.ToString()));
        foreach (var a in Enum.GetValues<Biaogan.Web.Features.Governance.Affiliation>())
            Assert.Equal(Biaogan.Web.Features.Governance.CommitteeText.Display(a), AuditLabels.Value("Affiliation", a.ToString()));
    }

    private static bool IsChinese(string label) => label.Any(c => c >= '\u4e00' && c <= '\u9fff');
}
