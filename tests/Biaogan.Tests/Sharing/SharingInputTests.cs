using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Sharing;

/// <summary>Bad input on every sharing form is answered in Chinese and what was typed stays (docs/decisions/0022).</summary>
public class SharingInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_NUL_byte_an_oversize_title_or_an_empty_text_in_a_case_is_refused_in_Chinese_and_the_typed_text_kept()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "案例校验有限公司");
        var page = await Cast.SignInAsync(app, winner.Contact);
        var nul = await page.SubmitAsync("/Sharing/Practice", new Dictionary<string, string?>
        {
            ["AwardId"] = winner.Award.Id.ToString(), ["Input.Title"] = "数字化服务", ["Input.Summary"] = "我们的做法\0是这样的。",
        }, submit: "Save");
        Assert.Contains(nul.Errors, e => e.Contains("NUL"));
        Assert.Equal("数字化服务", ApplicationsForms.ValueOf(nul.Page, "Input.Title"));
        Assert.Contains("是这样的", nul.Page.QuerySelector("textarea[name='Input.Summary']")!.TextContent);

        var longTitle = new string('长', BenchmarkPractice.TitleLength + 1);
        var oversize = await page.SubmitAsync("/Sharing/Practice", new Dictionary<string, string?>
        {
            ["AwardId"] = winner.Award.Id.ToString(), ["Input.Title"] = longTitle, ["Input.Summary"] = "正文保留。",
        }, submit: "Save");
        Assert.Contains(oversize.Errors, e => e.Contains("案例标题不能超过200个字"));
        Assert.Equal("正文保留。", oversize.Page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.Trim());

        var empty = await page.SubmitAsync("/Sharing/Practice", new Dictionary<string, string?>
        {
            ["AwardId"] = winner.Award.Id.ToString(), ["Input.Title"] = "只有标题", ["Input.Summary"] = " ",
        }, submit: "Submit");
        Assert.Contains(empty.Errors, e => e.Contains("请填写案例正文"));
        Assert.Equal("只有标题", ApplicationsForms.ValueOf(empty.Page, "Input.Title"));
        Assert.False(await app.WithDbAsync(db => db.Set<BenchmarkPractice>().AnyAsync(p => p.AwardId == winner.Award.Id)));
    }

    [Fact]
    public async Task A_bad_or_past_date_on_the_event_form_is_refused_in_Chinese_with_the_typed_title_kept()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var bad = await office.SubmitAsync("/Sharing", new Dictionary<string, string?>
        {
            ["Input.Title"] = "日期有误的活动", ["Input.Topic"] = "主题", ["Input.StartsOn"] = "2026-13-45", ["Input.Place"] = "上海",
        }, "form[action*='handler=Create']");
        Assert.NotEmpty(bad.Errors);
        Assert.All(bad.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e));
        Assert.Equal("日期有误的活动", ApplicationsForms.ValueOf(bad.Page, "Input.Title"));

        var past = await office.SubmitAsync("/Sharing", new Dictionary<string, string?>
        {
            ["Input.Title"] = "已经过去的活动", ["Input.Topic"] = "主题", ["Input.StartsOn"] = "2026-01-05", ["Input.Place"] = "上海",
        }, "form[action*='handler=Create']");
        Assert.Contains(past.Errors, e => e.Contains("已经过去"));
        Assert.Equal("上海", ApplicationsForms.ValueOf(past.Page, "Input.Place"));

        var api = await office.ApiAsync();
        var badKind = await api.PostAsJsonAsync("/api/sharing/events", new { kind = "Party", title = "x", topic = "y", startsOn = "2026-12-30", place = "z" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("经验交流大会", await badKind.Content.ReadAsStringAsync());
        var badDate = await api.PostAsync("/api/sharing/events", new StringContent(
            """{"kind":"Promotion","title":"x","topic":"y","startsOn":"2026-02-30","place":"z"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await badDate.Content.ReadAsStringAsync());
        var longTitle = await api.PostAsJsonAsync("/api/sharing/events", new
        {
            kind = "Promotion", title = new string('长', 201), topic = "y", startsOn = "2026-12-30", place = "z",
        });
        Assert.Equal(HttpStatusCode.BadRequest, longTitle.StatusCode);
        Assert.Contains("活动名称不能超过200个字", await longTitle.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<SharingEvent>().AnyAsync(e => e.Title == "日期有误的活动" || e.Title == "已经过去的活动" || e.Place == "z")));
    }

    [Fact]
    public async Task An_answer_to_attend_without_attendees_or_with_a_talk_but_no_title_is_refused_and_the_note_kept()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "答复校验有限公司");
        var officeApi = await SupervisionKit.OfficeApiAsync(app);
        var eventId = await SharingKit.EventAsync(officeApi, app, "答复校验活动");
        await SharingKit.InviteAsync(officeApi, eventId, winner.Award.Id);
        var page = await Cast.SignInAsync(app, winner.Contact);
        var id = (await SharingKit.InvitationAsync(await page.ApiAsync(), eventId)).GetProperty("id").GetGuid();
        var noTalk = await page.SubmitAsync(SharingLinks.Answer(id), new Dictionary<string, string?>
        {
            ["Input.Answer"] = "Attend", ["Input.Attendees"] = "王建国", ["Input.WillSpeak"] = "true", ["Input.TalkTitle"] = "", ["Input.Note"] = "需要投影仪。",
        });
        Assert.Contains(noTalk.Errors, e => e.Contains("请填写发言题目"));
        Assert.Equal("需要投影仪。", noTalk.Page.QuerySelector("textarea[name='Input.Note']")!.TextContent.Trim());
        Assert.Equal(InvitationAnswer.Pending, await app.WithDbAsync(db => db.Set<SharingInvitation>().Where(i => i.Id == id).Select(i => i.Answer).SingleAsync()));
    }
}
