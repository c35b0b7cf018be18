using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Gates;

/// <summary>docs/decisions/0031: 综合评价 → 公示. No notice starts in the past; a published notice's list changes only with a public 更正说明.</summary>
public class NoticeCorrectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_published_notice_blocks_reopening_until_a_correction_notice_is_shown_on_the_public_page()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("更正甲制造有限公司", AwardCategory.Enterprise), ("更正乙服务有限公司", AwardCategory.Service));
        var office = await PublicNoticeKit.OfficeAsync(app);

        // 2026-11-27 (China time) is today: a start on the 20th is refused, in Chinese, naming today.
        var past = await PublicNoticeKit.DraftAsync(app, office, new DateOnly(2026, 11, 20));
        Assert.Contains("公示开始日期 2026年11月20日 已过，请改为今天（2026年11月27日）或以后的日期", string.Join("", past.Errors));

        var saved = await office.SubmitAsync("/PublicNotice", new Dictionary<string, string?>
        {
            ["StartDate"] = "2026-11-30", ["PostalAddress"] = "北京市海淀区增光路33号（100048）", ["Phone"] = "010-68418800", ["Email"] = "biaogan@caq.org.cn",
        },
            "main form[action*='handler=Save']");
        Assert.Empty(saved.Errors);
        var draftPage = await office.GetAsync("/PublicNotice");
        var confirm = draftPage.QuerySelector("form[action*='handler=Publish'] button[data-confirm]")!.GetAttribute("data-confirm")!;
        Assert.Contains("将向社会公示 2 个推荐获奖组织（更正甲制造有限公司、更正乙服务有限公司）", confirm);
        var published = await office.SubmitAsync(draftPage, new Dictionary<string, string?>(), "main form[action*='handler=Publish']");
        Assert.Empty(published.Errors);
        var noticeId = await app.WithDbAsync(db => db.Set<Web.Features.PublicNotice.PublicNotice>().Select(n => n.Id).SingleAsync());
        var cycleId = await app.WithDbAsync(db => db.Set<Cycle>().Where(c => c.Status == CycleStatus.Open).Select(c => c.Id).FirstAsync());

        var api = await office.ApiAsync();
        var refused = await api.PostAsJsonAsync($"/api/evaluation/{cycleId}/Service/reopen", new { reason = "服务类须复议" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("公示已据此发布", await refused.Content.ReadAsStringAsync());

        var version = await app.WithDbAsync(db => db.Set<Web.Features.PublicNotice.PublicNotice>().Select(n => n.Version).SingleAsync());
        var corrected = await api.PostAsJsonAsync("/api/notices/current/withdraw", new { version, reason = "经复核，服务类推荐名单须重新评议，评议结果另行公布。" });
        corrected.EnsureSuccessStatusCode();
        var publicPage = PageClient.Text(await Cast.Anonymous(app).GetAsync($"/Public/Notice/{noticeId}"));
        Assert.Contains("更正说明", publicPage);
        Assert.Contains("2026年11月27日", publicPage);
        Assert.Contains("经复核，服务类推荐名单须重新评议，评议结果另行公布。", publicPage);

        var reopened = await api.PostAsJsonAsync($"/api/evaluation/{cycleId}/Service/reopen", new { reason = "服务类须复议" });
        reopened.EnsureSuccessStatusCode();
        Assert.Equal(2, ids.Count);
    }
}
