using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.DocumentReview;

/// <summary>一致性评审: nobody sees others' scores before submitting; the 组长 compares, records and agrees; members read it.</summary>
public class ConsensusTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The first item of the pinned criteria gets a wide spread (30/60/70), the others agree closely.</summary>
    private async Task<(TestReview Review, string Split)> ScoredAsync(string tag, bool allSubmit = true)
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, tag, size: 3);
        var split = (await DocumentReviewBuilders.ScoreAsync(app, review, review.Leader, _ => 30, submit: false)).Items[1].ItemCode;
        int[] spread = [30, 60, 70];
        var i = 0;
        foreach (var seat in review.Seats)
        {
            var mine = spread[i++];
            if (seat.IsLeader || allSubmit)
                await DocumentReviewBuilders.ScoreAsync(app, review, seat, code => code == split ? mine : 50,
                    strength: $"{seat.Persona.Name}认为顾客满意测量方法系统");
        }
        return (review, split);
    }

    [Fact]
    public async Task No_reviewer_sees_another_reviewers_scores_before_submitting_their_own()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "一致甲", size: 2);
        await DocumentReviewBuilders.ScoreAsync(app, review, review.Leader, _ => 80);
        var member = review.Members.Single();
        var s = await Cast.SignInAsync(app, member.Persona);

        var consensus = await s.GetAsync($"/DocumentReview/Consensus/{review.ApplicationId}");
        Assert.Contains("请先提交您本人的独立评分表", PageClient.Text(consensus));
        Assert.DoesNotContain("80%", PageClient.Text(consensus));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/document-review/applications/{review.ApplicationId}/sheets")).StatusCode);
        var api = await s.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/consensus/{review.ApplicationId}");
        Assert.Equal(0, api.GetProperty("rows").GetArrayLength());
        Assert.Equal(0, api.GetProperty("reviewers").GetArrayLength());

        await DocumentReviewBuilders.ScoreAsync(app, review, member, _ => 60);
        var sheets = await s.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/applications/{review.ApplicationId}/sheets");
        Assert.Equal(2, sheets.GetArrayLength());
    }

    [Fact]
    public async Task The_leader_sees_the_sheets_side_by_side_with_wide_spreads_first_and_the_median_prefilled()
    {
        var (review, split) = await ScoredAsync("一致乙");
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var page = await s.GetAsync($"/DocumentReview/Consensus/{review.ApplicationId}");
        var firstRow = page.QuerySelector("table tbody tr")!;
        Assert.StartsWith(split, firstRow.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("分歧大", firstRow.TextContent);
        Assert.Contains("40 个百分点", firstRow.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("table thead th").Count(th => th.TextContent.Contains("评审员")));
        // the consensus starts from the median of 30, 60, 70
        var consensus = await app.WithDbAsync(db => db.Set<ConsensusSheet>().AsNoTracking().FirstAsync(c => c.GroupId == review.GroupId));
        Assert.Equal(60, consensus.Item(split)!.Percent);
        Assert.Equal("60", page.QuerySelector("select[name='Items[0].Percent'] option[selected]")?.GetAttribute("value"));
        // the members' strengths are offered to pick from
        Assert.Contains(page.QuerySelectorAll("input[name='Items[0].PickedStrengths']"), i => i.GetAttribute("value")!.Contains("顾客满意测量方法系统"));
    }

    [Fact]
    public async Task The_leader_records_and_agrees_the_consensus_and_members_then_read_it_with_its_history()
    {
        var (review, split) = await ScoredAsync("一致丙");
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var url = $"/DocumentReview/Consensus/{review.ApplicationId}";
        var page = await s.GetAsync(url);
        var picked = page.QuerySelector("input[name='Items[0].PickedStrengths']")!.GetAttribute("value")!;
        var saved = await s.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Items[0].Percent"] = "55", ["Items[0].Comment"] = "经讨论，方法系统但展开不足，取 55%",
            ["Items[0].PickedStrengths"] = picked, ["Items[0].OwnOpportunities"] = "展开范围未覆盖全部分支机构\n学习改进证据不足",
            ["Summary"] = "整体达到较好水平",
        });
        Assert.Empty(saved.Errors);
        var consensus = await app.WithDbAsync(db => db.Set<ConsensusSheet>().AsNoTracking().FirstAsync(c => c.GroupId == review.GroupId));
        var item = consensus.Item(split)!;
        Assert.Equal(55, item.Percent);
        Assert.Equal(picked, item.Strengths.Single().Text);
        Assert.Equal(["展开范围未覆盖全部分支机构", "学习改进证据不足"], item.Opportunities.Select(o => o.Text));
        Assert.Equal(ConsensusStatus.Draft, consensus.Status);

        var member = review.Members.First();
        var m = await Cast.SignInAsync(app, member.Persona);
        Assert.Contains("组长确认一致性评审结果后", PageClient.Text(await m.GetAsync(url)));

        var agreed = await s.SubmitAsync(await s.GetAsync(url), new Dictionary<string, string?>(), submit: "Agree");
        Assert.Empty(agreed.Errors);
        Assert.Contains("已确认", agreed.Text);
        Assert.Null(agreed.Page.QuerySelector("main form[method=post]"));

        var read = PageClient.Text(await m.GetAsync(url));
        Assert.Contains("经讨论，方法系统但展开不足，取 55%", read);
        Assert.Contains("展开范围未覆盖全部分支机构", read);
        Assert.Contains($"保存一致性评审：{split} 60%→55%", read);
        Assert.Contains("确认一致性评审结果", read);
        Assert.Contains("提交独立评分表", read);
    }

    [Fact]
    public async Task The_consensus_opens_only_once_every_member_has_submitted()
    {
        var (review, split) = await ScoredAsync("一致丁", allSubmit: false);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var url = $"/DocumentReview/Consensus/{review.ApplicationId}";
        var page = await s.GetAsync(url);
        Assert.Contains("还有 2 位专家组成员未提交独立评分表", PageClient.Text(page));
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.False(await app.WithDbAsync(db => db.Set<ConsensusSheet>().AnyAsync(c => c.GroupId == review.GroupId)));
        var token = await ReviewersTestKit.TokenAsync(s, $"/DocumentReview/Sheet/{review.ApplicationId}");
        var post = await s.Http.PostAsync(url + "?handler=Agree", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = "0",
        }));
        Assert.Contains("全部提交后才能填写一致性评审", await post.Content.ReadAsStringAsync());

        // once the others have submitted, the form opens with the median of all three sheets
        var i = 1;
        foreach (var seat in review.Members) await DocumentReviewBuilders.ScoreAsync(app, review, seat, code => code == split ? (i++ == 1 ? 60 : 70) : 50);
        page = await s.GetAsync(url);
        Assert.NotNull(page.QuerySelector("main form[method=post]"));
        var consensus = await app.WithDbAsync(db => db.Set<ConsensusSheet>().AsNoTracking().FirstAsync(c => c.GroupId == review.GroupId));
        Assert.Equal(60, consensus.Item(split)!.Percent);
    }

    [Fact]
    public async Task A_member_cannot_record_the_consensus_and_the_office_reopens_an_agreed_one()
    {
        var (review, _) = await ScoredAsync("一致戊");
        var leader = await Cast.SignInAsync(app, review.Leader.Persona);
        var url = $"/DocumentReview/Consensus/{review.ApplicationId}";
        await leader.GetAsync(url);
        var member = await Cast.SignInAsync(app, review.Members.First().Persona);
        var memberToken = await ReviewersTestKit.TokenAsync(member, $"/DocumentReview/Sheet/{review.ApplicationId}");
        var status = await ReviewersTestKit.PostAsync(member, url + "?handler=Agree", memberToken, new Dictionary<string, string> { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ConsensusStatus.Draft, await app.WithDbAsync(db => db.Set<ConsensusSheet>().Where(c => c.GroupId == review.GroupId).Select(c => c.Status).FirstAsync()));

        await leader.SubmitAsync(url, new Dictionary<string, string?>(), submit: "Agree");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var officeView = PageClient.Text(await office.GetAsync(url));
        Assert.Contains("一致性评审结果", officeView);
        var overview = await office.GetAsync($"/DocumentReview?cycleId={review.CycleId}");
        Assert.Contains("3 / 3", PageClient.Text(overview));
        var consensusId = await app.WithDbAsync(db => db.Set<ConsensusSheet>().Where(c => c.GroupId == review.GroupId).Select(c => c.Id).FirstAsync());
        var reopened = await office.SubmitAsync(overview, new Dictionary<string, string?> { ["reason"] = "组长申请补充改进机会" },
            $"form:has(input[name=consensusId][value='{consensusId}'])");
        Assert.Empty(reopened.Errors);
        Assert.Equal(ConsensusStatus.Draft, await app.WithDbAsync(db => db.Set<ConsensusSheet>().Where(c => c.Id == consensusId).Select(c => c.Status).FirstAsync()));
        var progress = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/cycles/{review.CycleId}/progress");
        Assert.Contains(progress.EnumerateArray(), r => r.GetProperty("applicationId").GetGuid() == review.ApplicationId && r.GetProperty("consensus").GetString() == "讨论中");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.GetAsync($"/api/document-review/cycles/{review.CycleId}/progress")).StatusCode);
    }
}
