using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Biaogan.Tests.Notifications.OutboxSteps;

namespace Biaogan.Tests.Notifications;

/// <summary>The office edits the Chinese notification templates (/Notifications/Templates).</summary>
public class TemplateEditingTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    private const string Key = DefaultTemplates.SupplementResubmitted;
    private const string EditUrl = "/Notifications/Templates/Edit/" + Key;

    [Fact]
    public async Task Every_default_template_is_in_the_database_and_the_seeder_keeps_office_edits()
    {
        var keys = await app.WithDbAsync(db => db.Set<MessageTemplate>().Select(t => t.Key).ToListAsync());
        Assert.Equal(DefaultTemplates.All.Select(t => t.Key).Order(), keys.Order());

        await app.WithDbAsync(async db =>
        {
            var t = await db.Set<MessageTemplate>().SingleAsync(t => t.Key == DefaultTemplates.ResetPassword);
            t.Edit("请重置密码（办公室改）", t.Body, "赵丙", app.Clock.GetUtcNow());
            db.Remove(await db.Set<MessageTemplate>().SingleAsync(t => t.Key == DefaultTemplates.Invitation));
            await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(async sp =>
        {
            foreach (var seeder in sp.GetServices<ISeeder>().OrderBy(s => s.Order)) await seeder.SeedAsync(CancellationToken.None);
        });

        var rows = await app.WithDbAsync(db => db.Set<MessageTemplate>().AsNoTracking().ToListAsync());
        Assert.Equal("请重置密码（办公室改）", rows.Single(t => t.Key == DefaultTemplates.ResetPassword).Subject);
        Assert.Equal(DefaultTemplates.Find(DefaultTemplates.Invitation)!.Subject, rows.Single(t => t.Key == DefaultTemplates.Invitation).Subject);
    }

    [Fact]
    public async Task The_office_lists_templates_and_the_next_notification_uses_the_edited_text()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var list = PageClient.Text(await office.GetAsync("/Notifications/Templates"));
        Assert.Contains("申报组织提交补正材料后告知办公室", list);
        Assert.DoesNotContain(Key, list); // listed by purpose, never by the code's key (issue 11 item 10)

        var page = await office.GetAsync(EditUrl);
        Assert.Contains("{{轮次}}", PageClient.Text(page));
        var saved = await office.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Input.Subject"] = "【补正】{{组织名称}} 第{{轮次}}轮材料已到",
            ["Input.Body"] = "{{收件人}}：\r\n{{组织名称}} 提交了补正材料。\r\n请审查：{{链接}}",
        }, submit: "Save");

        Assert.Empty(saved.Errors);
        Assert.Contains("已保存", saved.Text);
        Assert.Contains("赵丙", saved.Text);

        var to = Recipient("赵丙");
        await NotifyAsync(app, Key, [to], new() { ["组织名称"] = "申报单位甲有限公司", ["轮次"] = "2", ["申报编号"] = "BG2026-0009", ["链接"] = "/Qualification/1" });
        var item = await app.WithDbAsync(db => db.Set<InboxItem>().SingleAsync(i => i.UserId == to.Id));
        Assert.Equal("【补正】申报单位甲有限公司 第2轮材料已到", item.Title);
        Assert.Equal("赵丙：\n申报单位甲有限公司 提交了补正材料。\n请审查：/Qualification/1", item.Body);
        Assert.Equal(item.Title, (await OutboxToAsync(app, to.Email!)).Subject);

        var audit = await app.WithDbAsync(db => db.Set<Biaogan.Web.Infrastructure.Audit.AuditEntry>()
            .Where(a => a.EntityType == nameof(MessageTemplate) && a.Action == "修改通知模板").ToListAsync());
        Assert.Contains(audit, a => a.After!.Contains("【补正】"));

        var restored = await office.SubmitAsync(EditUrl, new Dictionary<string, string?>(), submit: "Restore");
        Assert.Contains("已恢复", restored.Text);
        var row = await app.WithDbAsync(db => db.Set<MessageTemplate>().AsNoTracking().SingleAsync(t => t.Key == Key));
        Assert.Equal(DefaultTemplates.Find(Key)!.Body, row.Body);
    }

    [Fact]
    public async Task A_placeholder_the_template_does_not_offer_is_warned_about_and_not_saved()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var fields = new Dictionary<string, string?>
        {
            ["Input.Subject"] = "材料已到",
            ["Input.Body"] = "{{收件人}}您好，{{未知}} 已提交第 {{轮次}} 轮补正材料。",
        };

        var preview = await office.SubmitAsync(EditUrl, fields, submit: "Preview");
        var warning = preview.Page.QuerySelector("[data-unknown-warning]")!;
        Assert.False(warning.HasAttribute("hidden"));
        Assert.Contains("{{未知}}", warning.TextContent);
        Assert.Contains("李晓梅您好，{{未知}} 已提交第 1 轮补正材料。", preview.Page.QuerySelector("[data-preview-body]")!.TextContent);

        var save = await office.SubmitAsync(EditUrl, fields, submit: "Save");
        Assert.Contains(save.Errors, e => e.Contains("{{未知}}") && e.Contains("请删除"));
        Assert.Equal("{{收件人}}您好，{{未知}} 已提交第 {{轮次}} 轮补正材料。",
            save.Page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        var row = await app.WithDbAsync(db => db.Set<MessageTemplate>().AsNoTracking().SingleAsync(t => t.Key == Key));
        Assert.DoesNotContain("{{未知}}", row.Body);
    }

    [Fact]
    public async Task Two_people_editing_the_same_template_do_not_overwrite_each_other()
    {
        var first = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var second = await Cast.SignInAsync(app, await Cast.AdminAsync(app));
        const string url = "/Notifications/Templates/Edit/" + DefaultTemplates.RecommenderApproved;
        var pageOfFirst = await first.GetAsync(url);
        var pageOfSecond = await second.GetAsync(url);

        Assert.Empty((await first.SubmitAsync(pageOfFirst, new Dictionary<string, string?> { ["Input.Subject"] = "推荐单位审核通过（甲）" }, submit: "Save")).Errors);
        var late = await second.SubmitAsync(pageOfSecond, new Dictionary<string, string?> { ["Input.Subject"] = "推荐单位审核通过（乙）" }, submit: "Save");

        Assert.Contains(late.Errors, e => e.Contains("已被他人修改"));
        var row = await app.WithDbAsync(db => db.Set<MessageTemplate>().AsNoTracking().SingleAsync(t => t.Key == DefaultTemplates.RecommenderApproved));
        Assert.Equal("推荐单位审核通过（甲）", row.Subject);
    }

    [Fact]
    public async Task People_outside_the_office_cannot_open_the_templates()
    {
        var applicant = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "李晓梅", Roles.Applicant));
        foreach (var url in new[] { "/Notifications/Templates", EditUrl })
        {
            var response = await applicant.Http.GetAsync(url);
            Assert.Equal("/Account/AccessDenied", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.DoesNotContain("可用占位符", await response.Content.ReadAsStringAsync());
        }
        await applicant.Http.PostAsync(EditUrl + "?handler=Save", new FormUrlEncodedContent([new("Input.Subject", "改"), new("Input.Body", "改")]));
        var row = await app.WithDbAsync(db => db.Set<MessageTemplate>().AsNoTracking().SingleAsync(t => t.Key == Key));
        Assert.NotEqual("改", row.Subject);
    }
}
