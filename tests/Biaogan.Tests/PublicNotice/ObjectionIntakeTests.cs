using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.PublicNotice;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.PublicNotice;

/// <summary>Objections from the public page: received until 16:59, refused from 17:00 with the deadline and the typed text kept; unique receipts.</summary>
public class ObjectionIntakeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_objection_at_16_59_gets_a_receipt_and_one_at_17_00_is_refused_with_the_deadline_and_the_text_kept()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("异议甲有限公司", AwardCategory.Enterprise), ("异议乙有限公司", AwardCategory.Enterprise));
        var office = await PublicNoticeKit.OfficeAsync(app);
        // published today (Friday 2026-11-27, counted): 11-27, 11-30, 12-01 … 12-04, 12-07 → objections until 2026-12-07 17:00
        var noticeId = await PublicNoticeKit.PublishAsync(app, office, new DateOnly(2026, 11, 27));
        var phone = Cast.Anonymous(app);

        PublicNoticeKit.SetChinaTime(app, 2026, 12, 7, 16, 58, 0);
        var first = await PublicNoticeKit.ObjectAsync(app, phone, noticeId, ids[1], fillTime: TimeSpan.FromSeconds(60));
        Assert.Equal("/Public/Notice/Lodged", first.Path);
        Assert.Contains("YY-2026-0001", first.Text);
        var second = await PublicNoticeKit.ObjectAsync(app, Cast.Anonymous(app), noticeId, ids[0], name: "刘芳", phone: "13900001111", email: null,
            fillTime: TimeSpan.FromSeconds(30));
        Assert.Contains("YY-2026-0002", second.Text);

        var late = await PublicNoticeKit.ObjectAsync(app, phone, noticeId, ids[1], grounds: "逾期提交的异议理由：该组织的满意度测评报告并非第三方机构出具。",
            fillTime: TimeSpan.FromSeconds(30));
        Assert.Contains(late.Errors, e => e.Contains("2026年12月7日 17:00") && e.Contains("不予受理"));
        Assert.Contains("逾期提交的异议理由", late.Page.QuerySelector("textarea[name='Input.Grounds']")!.TextContent);

        await app.WithDbAsync(async db =>
        {
            var numbers = await db.Set<Objection>().Select(o => o.ReceiptNumber).ToListAsync();
            Assert.Equal(["YY-2026-0001", "YY-2026-0002"], numbers.Order());
            Assert.Equal(1, await db.Set<LateObjection>().CountAsync());
            var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.ToAddress == "chen@example.cn");
            Assert.Contains("YY-2026-0001", mail.Subject);
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Body.Contains("YY-2026-0002")));
        });
    }
}

/// <summary>Automated abuse is refused without a captcha: honeypot, too fast, forged form stamp — and the text stays.</summary>
public class ObjectionAbuseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Honeypot_too_fast_and_forged_forms_are_refused_and_nothing_is_recorded()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("防刷甲有限公司", AwardCategory.Enterprise));
        var noticeId = await PublicNoticeKit.PublishAsync(app, await PublicNoticeKit.OfficeAsync(app), new DateOnly(2026, 11, 27));
        var bot = Cast.Anonymous(app);

        var honeypot = await PublicNoticeKit.ObjectAsync(app, bot, noticeId, ids[0], extra: new Dictionary<string, string?> { ["Website"] = "http://spam.example" });
        Assert.Contains(honeypot.Errors, e => e.Contains("自动填表"));
        var fast = await PublicNoticeKit.ObjectAsync(app, bot, noticeId, ids[0], fillTime: TimeSpan.FromSeconds(1));
        Assert.Contains(fast.Errors, e => e.Contains("提交过快"));
        Assert.Contains("用户集体投诉", fast.Page.QuerySelector("textarea[name='Input.Grounds']")!.TextContent);
        var forged = await PublicNoticeKit.ObjectAsync(app, bot, noticeId, ids[0], extra: new Dictionary<string, string?> { ["FormToken"] = "forged" });
        Assert.Contains(forged.Errors, e => e.Contains("表单已失效"));
        var anonymous = await PublicNoticeKit.ObjectAsync(app, bot, noticeId, ids[0], name: "");
        Assert.Contains(anonymous.Errors, e => e.Contains("不受理匿名异议"));
        var noFile = await PublicNoticeKit.ObjectAsync(app, bot, noticeId, ids[0],
            files: [new UploadFile("Evidence", "证据.pdf", "MZ这不是PDF"u8.ToArray())]);
        Assert.Contains(noFile.Errors, e => e.Contains("可执行程序"));

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Objection>().CountAsync()));
        var ok = await PublicNoticeKit.ObjectAsync(app, bot, noticeId, ids[0],
            files: [new UploadFile("Evidence", "投诉记录.pdf", "%PDF-1.4\n%证据\n"u8.ToArray(), "application/pdf")]);
        Assert.Equal("/Public/Notice/Lodged", ok.Path);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Web.Infrastructure.Files.StoredFile>().CountAsync(f => f.OwnerType == "Objection")));
    }
}

/// <summary>The public forms are rate-limited per address (RateLimitPolicies.Objection).</summary>
public class PublicFormRateLimitTests(PublicFormRateLimitTests.Factory app) : IClassFixture<PublicFormRateLimitTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:PublicFormPerMinute", "3")];
    }

    [Fact]
    public async Task The_fourth_post_within_a_minute_is_refused_in_chinese()
    {
        var client = Cast.Anonymous(app);
        var fields = new Dictionary<string, string?> { ["Number"] = "YY-2026-0009", ["Phone"] = "13800000000" };
        for (var i = 0; i < 3; i++) Assert.Contains("没有找到", (await client.SubmitAsync("/Public/Notice/Receipt", fields)).Text);
        var refused = await client.SubmitAsync("/Public/Notice/Receipt", fields);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
        Assert.Contains("提交过于频繁", await refused.Response.Content.ReadAsStringAsync());
    }
}
