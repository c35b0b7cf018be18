using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.DocumentReview;

/// <summary>独立评分表: created on first open, band + percentage per item, comments with citations, autosave, submit, reopen.</summary>
public class ScoreSheetTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every percentage select of the sheet form set to <paramref name="percent"/>.</summary>
    private static Dictionary<string, string?> AllPercents(AngleSharp.Dom.IDocument page, int percent) =>
        page.QuerySelectorAll("select[name$='.Percent']").ToDictionary(s => s.GetAttribute("name")!, _ => (string?)percent.ToString());

    [Fact]
    public async Task The_sheet_is_created_on_first_open_from_the_pinned_criteria_with_the_due_date_in_working_days()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "评分甲", size: 1);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var page = await s.GetAsync($"/DocumentReview/Sheet/{review.ApplicationId}");

        var sheet = await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId);
        Assert.NotNull(sheet);
        Assert.Equal(SheetStatus.Draft, sheet.Status);
        // declared on Friday 2026-11-27; ten working days counted from the next day end on Friday 2026-12-11
        Assert.Equal(new DateOnly(2026, 12, 11), sheet.DueOn);
        var pinned = await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Criteria.CriteriaVersion>().FirstAsync(v => v.Key == "T/CAQ 10301-2016"));
        Assert.Equal(pinned.Id, sheet.CriteriaVersionId);
        Assert.Equal(pinned.Document.Items.Select(i => i.Code), sheet.Items.Select(i => i.ItemCode));
        Assert.Contains("2026年12月11日", PageClient.Text(page));
        // bands are offered as option groups; their process/result descriptors come once for the page (ScoreSheetPageTests)
        var group = page.QuerySelector("select[name='Items[0].Percent'] optgroup");
        Assert.NotNull(group);
        var bands = JsonDocument.Parse(page.QuerySelector("script#score-bands")!.TextContent).RootElement;
        Assert.Equal(pinned.Document.Bands[0].Process, bands[0].GetProperty("p").GetString());
        Assert.Equal(["0", "5"], group.QuerySelectorAll("option").Select(o => o.GetAttribute("value")!));

        // a second open keeps the same sheet
        await s.GetAsync($"/DocumentReview/Sheet/{review.ApplicationId}");
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ScoreSheet>().CountAsync(x => x.MemberId == review.Leader.MemberId)));
    }

    [Fact]
    public async Task A_due_date_in_a_year_without_a_published_holiday_notice_is_flagged_as_unconfirmed()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "评分乙", size: 1, declaredAt: new DateTimeOffset(2031, 3, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var page = await s.GetAsync($"/DocumentReview/Sheet/{review.ApplicationId}");
        var sheet = await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId);
        Assert.False(sheet!.DueOnConfirmed);
        Assert.Equal(new DateOnly(2031, 3, 17), sheet.DueOn);
        // 日期待定, not 待核定: that word belongs to the criteria's unverified points.
        Assert.Contains("日期待定", page.QuerySelector("dl.kv")!.TextContent);
        Assert.DoesNotContain("待核定", page.QuerySelector("dl.kv")!.TextContent);
    }

    [Fact]
    public async Task The_reviewer_saves_scores_and_cited_comments_then_submits_and_the_sheet_is_locked()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "评分丙", size: 1);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var url = $"/DocumentReview/Sheet/{review.ApplicationId}";
        var page = await s.GetAsync(url);
        var fields = AllPercents(page, 60);
        fields["Items[0].Percent"] = "35";
        fields["Items[0].Strengths[n1].Text"] = "建立了覆盖全部门店的顾客投诉闭环处理机制";
        fields["Items[0].Strengths[n1].Source"] = "s:4.1";
        fields["Items[0].Strengths[n1].Pages"] = "12-14";
        fields["Items[0].Opportunities[n2].Text"] = "顾客需求识别尚未覆盖潜在顾客群体";
        var saved = await s.SubmitAsync(page, fields);
        Assert.Empty(saved.Errors);
        Assert.Contains("已保存", saved.Text);

        var sheet = await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId);
        var first = sheet!.Items[0];
        Assert.Equal(35, first.Percent);
        Assert.Equal("建立了覆盖全部门店的顾客投诉闭环处理机制", first.Strengths.Single().Text);
        Assert.Equal("4.1", first.Strengths.Single().Citations.Single().SectionCode);
        Assert.Equal("12-14", first.Strengths.Single().Citations.Single().Pages);
        Assert.Equal("顾客需求识别尚未覆盖潜在顾客群体", first.Opportunities.Single().Text);
        Assert.All(sheet.Items.Skip(1), i => Assert.Equal(60, i.Percent));

        // the saved comment comes back in the form and a submit saves and locks
        page = await s.GetAsync(url);
        Assert.Contains("建立了覆盖全部门店的顾客投诉闭环处理机制", page.QuerySelector("textarea[name^='Items[0].Strengths']")!.TextContent);
        Assert.Equal("s:4.1", page.QuerySelector("select[name^='Items[0].Strengths'] option[selected]")?.GetAttribute("value"));
        var submitted = await s.SubmitAsync(page, new Dictionary<string, string?>(), submit: "Submit");
        Assert.Empty(submitted.Errors);
        Assert.Contains("已提交并锁定", submitted.Text);
        sheet = await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId);
        Assert.Equal(SheetStatus.Submitted, sheet!.Status);
        Assert.Null(submitted.Page.QuerySelector("form[data-autosave]"));

        // a hand-made post to the locked sheet is refused with the rule's message
        var again = await s.SubmitAsync(page, AllPercents(page, 100));
        Assert.Contains(again.Errors, e => e.Contains("已提交并锁定"));
        Assert.Equal(35, (await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId))!.Items[0].Percent);
    }

    [Fact]
    public async Task Submitting_with_unscored_items_names_them_and_keeps_the_input()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "评分丁", size: 1);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var page = await s.GetAsync($"/DocumentReview/Sheet/{review.ApplicationId}");
        var result = await s.SubmitAsync(page, new Dictionary<string, string?> { ["Items[0].Percent"] = "45" }, submit: "Submit");
        Assert.Contains(result.Errors, e => e.Contains("未评分"));
        Assert.Equal("45", result.Page.QuerySelector("select[name='Items[0].Percent'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(SheetStatus.Draft, (await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId))!.Status);
    }

    [Fact]
    public async Task Autosave_answers_the_new_version_and_a_stale_version_gets_409()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "评分戊", size: 1);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var url = $"/DocumentReview/Sheet/{review.ApplicationId}";
        var token = await ReviewersTestKit.TokenAsync(s, url);
        var sheet = (await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId))!;
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = sheet.Version.ToString(),
            ["Items[0].Code"] = sheet.Items[0].ItemCode, ["Items[0].Percent"] = "70",
        };
        var ok = await s.Http.PostAsync(url + "?handler=Autosave", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("version").GetInt32() > sheet.Version);
        Assert.Equal(70, (await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId))!.Items[0].Percent);

        form["Items[0].Percent"] = "75";
        var stale = await s.Http.PostAsync(url + "?handler=Autosave", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被他人修改", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());

        form["Version"] = body.GetProperty("version").GetInt32().ToString();
        form["Items[0].Percent"] = "72";
        var invalid = await s.Http.PostAsync(url + "?handler=Autosave", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("5% 的整数倍", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_api_saves_and_submits_the_callers_own_sheet_with_version_checks()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "评分己", size: 1);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var api = await s.ApiAsync();
        var url = $"/api/document-review/sheets/{review.ApplicationId}";
        var sheet = await api.GetFromJsonAsync<JsonElement>(url);
        var version = sheet.GetProperty("version").GetInt32();
        var items = sheet.GetProperty("items").EnumerateArray().Select(i => new ItemScore
        {
            ItemCode = i.GetProperty("itemCode").GetString()!, Percent = 50,
            Opportunities = [new ReviewComment { Text = "缺少与标杆组织的对比数据", Citations = [new Citation { SectionCode = "4.6", Pages = "30" }] }],
        }).ToList();
        var put = await api.PutAsJsonAsync(url, new { version, items });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stale = await api.PutAsJsonAsync(url, new { version, items });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var newVersion = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var submit = await api.PostAsJsonAsync(url + "/submit", new { version = newVersion });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var locked = await api.PutAsJsonAsync(url, new { version = newVersion + 1, items });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
    }

    [Fact]
    public async Task The_office_reopens_a_submitted_sheet_with_a_reason_the_reviewer_is_told_and_the_audit_keeps_it()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "评分庚", size: 1);
        var submitted = await DocumentReviewBuilders.ScoreAsync(app, review, review.Leader, _ => 55);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var overview = await office.GetAsync($"/DocumentReview?cycleId={review.CycleId}");
        Assert.Contains(review.ApplicantName, PageClient.Text(overview));
        var formSelector = $"form:has(input[name=sheetId][value='{submitted.Id}'])";

        var noReason = await office.SubmitAsync(overview, new Dictionary<string, string?> { ["reason"] = " " }, formSelector);
        Assert.Contains(noReason.Errors, e => e.Contains("原因"));
        var reopened = await office.SubmitAsync(overview, new Dictionary<string, string?> { ["reason"] = "第 4.2 条目评分与评语不一致，请核对" }, formSelector);
        Assert.Empty(reopened.Errors);
        Assert.Contains("已重新开放", reopened.Text);

        var sheet = await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId);
        Assert.Equal(SheetStatus.Draft, sheet!.Status);
        Assert.Equal(1, sheet.ReopenCount);
        Assert.Contains(await Messages.InboxAsync(app, review.Leader.Persona), t => t.Contains("已重新开放"));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.EntityId == sheet.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(audit, a => a.Contains("重新开放评分表：第 4.2 条目评分与评语不一致"));
        // the reviewer may edit again, and may not reopen through the API
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        Assert.NotNull((await s.GetAsync($"/DocumentReview/Sheet/{review.ApplicationId}")).QuerySelector("form[data-autosave]"));
        var reviewerApi = await s.ApiAsync();
        var refused = await reviewerApi.PostAsJsonAsync($"/api/document-review/office/sheets/{sheet.Id}/reopen", new { version = sheet.Version, reason = "自己重开" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // the office reopens through the API too, after the reviewer submitted again
        await DocumentReviewBuilders.ScoreAsync(app, review, review.Leader, _ => 60);
        var resubmitted = (await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId))!;
        var officeApi = await office.ApiAsync();
        var api = await officeApi.PostAsJsonAsync($"/api/document-review/office/sheets/{sheet.Id}/reopen", new { version = resubmitted.Version, reason = "补充引用页码" });
        Assert.Equal(HttpStatusCode.NoContent, api.StatusCode);
        Assert.Equal(2, (await DocumentReviewBuilders.SheetAsync(app, review.Leader.MemberId))!.ReopenCount);
    }
}
