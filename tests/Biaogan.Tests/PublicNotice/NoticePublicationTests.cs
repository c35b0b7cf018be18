using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.Tests.PublicNotice;

/// <summary>The office drafts, previews and publishes the 公示; the public page and its JSON show the list and the dates, never scores.</summary>
public class NoticePublicationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_publishes_the_recommended_list_and_the_public_sees_dates_and_names_but_no_scores()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("公示甲制造有限公司", AwardCategory.Enterprise), ("公示乙物流有限公司", AwardCategory.Service));
        await AwardPipelineKit.ApprovedVisitAsync(app, ids[0], 612.5m, 641.5m);
        var office = await PublicNoticeKit.OfficeAsync(app);
        var anonymous = Cast.Anonymous(app);
        Assert.Contains("目前没有正在进行的公示", PageClient.Text(await anonymous.GetAsync("/Public/Notice")));

        var draft = await PublicNoticeKit.DraftAsync(app, office, new DateOnly(2026, 12, 1));
        Assert.Empty(draft.Errors);
        Assert.Contains("公示期：2026年12月1日至2026年12月9日", draft.Text);
        Assert.Contains("2026年12月9日 17:00（北京时间）", draft.Text);
        var preview = PageClient.Text(await office.GetAsync("/PublicNotice/Preview"));
        Assert.Contains("公示乙物流有限公司", preview);
        Assert.Contains("这是公示的预览", preview);

        var published = await office.SubmitAsync("/PublicNotice", new Dictionary<string, string?>(), "main form[action*='handler=Publish']");
        Assert.Contains("公示已发布", published.Text);

        var page = PageClient.Text(await anonymous.GetAsync("/Public/Notice"));
        Assert.Contains("2026年度全国用户满意标杆推荐获奖组织名单公示", page);
        Assert.Contains("公示期：2026年12月1日至2026年12月9日", page);
        Assert.Contains("公示甲制造有限公司", page);
        Assert.Contains("服务名称：公示乙物流有限公司客户服务", page);
        Assert.Contains("不受理匿名异议", page);
        Assert.Contains("010-68418800", page);
        var json = await (await anonymous.Http.GetAsync("/api/public/notices/current")).Content.ReadAsStringAsync();
        Assert.Contains("公示甲制造有限公司", json);
        foreach (var text in new[] { page, json })
        {
            Assert.DoesNotContain("612.5", text);
            Assert.DoesNotContain("641.5", text);
            Assert.DoesNotContain("Score", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("评分", text);
        }
        // before the start day the notice is shown but objections are not yet taken
        Assert.Contains("公示尚未开始", PageClient.Text(await anonymous.GetAsync($"/Public/Notice/Objection/{await NoticeIdAsync()}")));
    }

    private Task<Guid> NoticeIdAsync() => app.WithDbAsync(db =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<Web.Features.PublicNotice.PublicNotice>().Select(n => n.Id)));
}

/// <summary>A 公示期 running into a year whose holidays are not yet published is flagged; the office may wait or publish anyway.</summary>
public class UnconfirmedNoticeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_notice_into_an_unpublished_year_warns_and_is_published_only_when_the_office_accepts_it()
    {
        await PublicNoticeKit.RecommendedAsync(app, ("跨年甲有限公司", AwardCategory.Enterprise));
        var office = await PublicNoticeKit.OfficeAsync(app);
        var draft = await PublicNoticeKit.DraftAsync(app, office, new DateOnly(2026, 12, 28));
        Assert.Contains("公示期：2026年12月28日至2027年1月5日", draft.Text);
        Assert.Contains("未经确认", draft.Text);

        var refused = await office.SubmitAsync("/PublicNotice", new Dictionary<string, string?>(), "main form[action*='handler=Publish']");
        Assert.Contains(refused.Errors, e => e.Contains("尚未公布法定节假日安排"));
        var accepted = await office.SubmitAsync("/PublicNotice", new Dictionary<string, string?> { ["AcceptUnconfirmed"] = "true" },
            "main form[action*='handler=Publish']");
        Assert.Contains("公示已发布", accepted.Text);
        Assert.Contains("截止日期未经节假日安排确认", PageClient.Text(await office.GetAsync("/PublicNotice")));
    }
}
