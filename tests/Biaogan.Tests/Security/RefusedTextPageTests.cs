using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Security;

/// <summary>
/// A NUL byte typed (or pasted) into a form is refused with a Chinese message next to the form, and everything the person
/// typed comes back — on PostgreSQL it used to be a 500 that lost the text, on SQLite it was stored.
/// </summary>
public class ObjectionFormControlCharacterTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_objection_with_a_NUL_byte_is_refused_with_a_Chinese_message_and_the_typed_text_kept()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("控制字符甲有限公司", AwardCategory.Enterprise));
        var office = await PublicNoticeKit.OfficeAsync(app);
        var noticeId = await PublicNoticeKit.PublishAsync(app, office, new DateOnly(2026, 11, 27));

        var result = await PublicNoticeKit.ObjectAsync(app, Cast.Anonymous(app), noticeId, ids[0],
            grounds: "据本人了解，该组织的测评报告\0并非第三方机构出具。");

        Assert.Equal($"/Public/Notice/Objection/{noticeId}", result.Path);
        Assert.Contains(result.Errors, e => e.Contains("不可见的NUL") && e.Contains("请删除"));
        Assert.Contains("并非第三方机构出具", result.Page.QuerySelector("textarea[name='Input.Grounds']")!.TextContent);
        Assert.Equal("陈建华", ApplicationsForms.ValueOf(result.Page, "Input.Name"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Objection>().CountAsync()));
    }
}

public class ApplicationFormControlCharacterTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_application_form_posted_with_a_NUL_byte_comes_back_with_a_Chinese_message_and_the_typed_text()
    {
        var applicant = await Cast.ApplicantAsync(app, "控制字符乙有限公司");
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var s = await Cast.SignInAsync(app, applicant);

        var result = await s.SubmitAsync($"/Applications/Edit/{id}", new Dictionary<string, string?>
        {
            ["Input.Category"] = "Service", ["Input.ServiceName"] = "家电上门\0安装服务", ["Input.ServiceScope"] = "华北地区家电上门安装与维修",
        });

        Assert.True(result.Errors.Any(e => e.Contains("不可见的NUL")), $"{result.Path} {(int)result.Response.StatusCode}: {result.Text[..Math.Min(2000, result.Text.Length)]}");
        Assert.Contains("安装服务", ApplicationsForms.ValueOf(result.Page, "Input.ServiceName"));
        Assert.Equal("华北地区家电上门安装与维修", ApplicationsForms.ValueOf(result.Page, "Input.ServiceScope"));
        var saved = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.DoesNotContain('\0', saved.ServiceName ?? "");
    }

    [Fact]
    public async Task Text_longer_than_its_column_is_refused_before_the_database_on_both_providers_naming_the_limit()
    {
        var org = new Organization
        {
            Name = new string('长', 201), Uscc = Cast.NextUscc(), ProvinceCode = "11", CityCode = "1101", Address = "北京市海淀区中关村大街1号",
            IndustrySection = "C", IndustryDivision = "39", Ownership = "私营企业", LegalRepresentative = "王建国", ContactName = "李晓梅",
            ContactPhone = "010-88886666", ContactEmail = "contact@example.cn", CreatedAt = app.Clock.GetUtcNow(),
        };
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            app.WithDbAsync(async db => { db.Add(org); await db.SaveChangesAsync(); }));
        Assert.Contains("共 201 个字符，超过了最多 200 个字符的限制", refused.Message);
        Assert.Contains("以“长长长", refused.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Organization>().CountAsync(o => o.Uscc == org.Uscc)));
    }
}
