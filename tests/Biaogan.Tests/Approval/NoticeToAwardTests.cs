using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.PublicNotice;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Approval;

/// <summary>
/// From the published 公示 to the awards: an objection investigated with the organisation's reply (never seeing who objected),
/// sustained so the organisation leaves the public list and the approval list; approval blocked while it is open;
/// the committee votes with a conflict excluded; finalising issues the certificates in list order; the announcement shows no scores.
/// </summary>
public class NoticeToAwardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_sustained_objection_removes_the_organisation_and_the_approved_ones_get_certificates_in_list_order()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("审定甲电器有限公司", AwardCategory.Enterprise),
            ("审定乙食品有限公司", AwardCategory.Enterprise), ("审定丙通信有限公司", AwardCategory.Service));
        await AwardPipelineKit.ApprovedVisitAsync(app, ids[0], 633.5m, 655.5m);
        var office = await PublicNoticeKit.OfficeAsync(app);
        var noticeId = await PublicNoticeKit.PublishAsync(app, office, new DateOnly(2026, 11, 27));
        var lodged = await PublicNoticeKit.ObjectAsync(app, Cast.Anonymous(app), noticeId, ids[1], name: "陈建华", phone: "13812345678");
        Assert.Contains("YY-2026-0001", lodged.Text);
        var objectionId = await app.WithDbAsync(db => db.Set<Objection>().Select(o => o.Id).SingleAsync());

        // 审定 cannot start during the notice
        Assert.Contains("公示期尚未结束", PageClient.Text(await office.GetAsync("/Approval")));

        // investigation and the organisation's reply, without the objector's identity
        await office.SubmitAsync($"/PublicNotice/Objection/{objectionId}", new Dictionary<string, string?> { ["Note"] = "已电话联系异议人核实投诉事件的时间和地点。" },
            "main form[action*='handler=Note']");
        var asked = await office.SubmitAsync($"/PublicNotice/Objection/{objectionId}", new Dictionary<string, string?>(), "main form[action*='handler=RequestReply']");
        Assert.Contains("前答复", asked.Text);
        var orgId = await app.WithDbAsync(db => db.Set<Application>().Where(a => a.Id == ids[1]).Select(a => a.OrganizationId).SingleAsync());
        var orgUser = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "乙联系人", Roles.Applicant, organizationId: orgId));
        var replyPage = PageClient.Text(await orgUser.GetAsync($"/PublicNotice/Reply/{objectionId}"));
        Assert.Contains("用户集体投诉", replyPage);
        foreach (var secret in new[] { "陈建华", "13812345678", "123X", "chen@example.cn" }) Assert.DoesNotContain(secret, replyPage);
        var replied = await orgUser.SubmitAsync($"/PublicNotice/Reply/{objectionId}", new Dictionary<string, string?> { ["Answer"] = "该投诉已于2025年妥善处理，附处理记录。" });
        Assert.Contains("答复已提交", replied.Text);
        var otherOrg = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "无关组织有限公司"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await otherOrg.Http.GetAsync($"/PublicNotice/Reply/{objectionId}")).StatusCode);

        // after the deadline, still blocked while the objection is open
        PublicNoticeKit.SetChinaTime(app, 2026, 12, 8, 9, 0);
        office = await PublicNoticeKit.OfficeAsync(app);
        var blocked = PageClient.Text(await office.GetAsync("/Approval"));
        Assert.Contains("还有 1 项异议未办结（YY-2026-0001）", blocked);

        var concluded = await office.SubmitAsync($"/PublicNotice/Objection/{objectionId}", new Dictionary<string, string?>
        {
            ["Conclusion"] = "Sustained", ["Finding"] = "经调阅12345热线记录，2025年该组织确有重大用户集体投诉。",
            ["Reason"] = "申报时隐瞒重大用户投诉", ["PublicText"] = "经核查，异议成立，已撤销该组织的推荐。",
        }, "main form[action*='handler=Conclude']");
        Assert.Contains("已将“审定乙食品有限公司”从公示名单中撤销推荐", concluded.Text);

        // the public list no longer carries it; the objector can read the publishable conclusion
        var anonymous = Cast.Anonymous(app);
        var publicPage = PageClient.Text(await anonymous.GetAsync($"/Public/Notice/{noticeId}"));
        Assert.Contains("公示期间经核查已撤销推荐：审定乙食品有限公司", publicPage);
        var listed = (await anonymous.GetAsync($"/Public/Notice/{noticeId}")).QuerySelectorAll("ol.notice-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, listed.Count);
        Assert.DoesNotContain(listed, li => li.Contains("审定乙"));
        var json = await (await anonymous.Http.GetAsync($"/api/public/notices/{noticeId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(ids[1].ToString(), json);
        foreach (var text in new[] { publicPage, json })
            foreach (var secret in new[] { "陈建华", "13812345678", "隐瞒", "633.5", "655.5" }) Assert.DoesNotContain(secret, text);
        var receipt = await anonymous.SubmitAsync("/Public/Notice/Receipt", new Dictionary<string, string?> { ["Number"] = "YY-2026-0001", ["Phone"] = "13812345678" });
        Assert.Contains("已办结", receipt.Text);
        Assert.Contains("异议成立，已撤销该组织的推荐", receipt.Text);
        Assert.DoesNotContain("12345热线", receipt.Text);
        var wrongPhone = await anonymous.SubmitAsync("/Public/Notice/Receipt", new Dictionary<string, string?> { ["Number"] = "YY-2026-0001", ["Phone"] = "13800000000" });
        Assert.Contains("没有找到", wrongPhone.Text);

        // 审定: the list without the removed organisation; a conflicted member stands aside
        var started = await office.SubmitAsync("/Approval", new Dictionary<string, string?>(), "main form[action*='handler=Start']");
        Assert.Contains("已将公示后的推荐名单提交审定委员会审定", started.Text);
        Assert.DoesNotContain("审定乙食品有限公司（", started.Page.QuerySelector("table")!.TextContent);
        var member1 = await Cast.SignInAsync(app, await PublicNoticeKit.CommitteeMemberAsync(app, "周审定"));
        var member2 = await Cast.SignInAsync(app, await PublicNoticeKit.CommitteeMemberAsync(app, "吴审定"));
        await VoteAsync(member1, ids[0], "Approve", "");
        await VoteAsync(member1, ids[2], "Approve", "");
        var recused = await VoteAsync(member2, ids[0], "Recused", "本人曾任该组织独立董事");
        Assert.Contains("已声明回避", recused.Text);
        Assert.Contains("1 / 0 / 1", recused.Page.QuerySelector("table tbody tr")!.TextContent);

        var decided = await office.SubmitAsync("/Approval", new Dictionary<string, string?>
        {
            ["Decisions[0].Approved"] = "true", ["Decisions[0].Reason"] = "审定委员会表决通过",
            ["Decisions[1].Approved"] = "true", ["Decisions[1].Reason"] = "审定委员会表决通过",
        }, "main form[action*='handler=Decide']");
        Assert.Empty(decided.Errors);
        var finalised = await office.SubmitAsync("/Approval", new Dictionary<string, string?>(), "main form[action*='handler=Finalise']");
        Assert.Contains("YHMYBG-2026-001、YHMYBG-2026-002", finalised.Text);
        var awards = await app.WithDbAsync(db => db.Set<Award>().OrderBy(a => a.CertificateNumber).ToListAsync());
        Assert.Equal([ids[0], ids[2]], awards.Select(a => a.ApplicationId));

        var results = PageClient.Text(await anonymous.GetAsync("/Public/Results/2026"));
        Assert.Contains("2026年度全国用户满意标杆获奖名单公告", results);
        Assert.Contains("YHMYBG-2026-001", results);
        Assert.Contains("审定丙通信有限公司客户服务", results);
        Assert.DoesNotContain("审定乙食品", results);
        var resultsJson = await (await anonymous.Http.GetAsync("/api/public/results/2026")).Content.ReadAsStringAsync();
        foreach (var text in new[] { results, resultsJson })
            foreach (var secret in new[] { "周审定", "吴审定", "独立董事", "633.5", "655.5", "VerificationCode" }) Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(awards[0].VerificationCode, resultsJson);

        var pdf = await member1.Http.GetAsync("/Approval/Report");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);
    }

    private static async Task<FormResult> VoteAsync(PageClient member, Guid applicationId, string choice, string reason)
    {
        var page = await member.GetAsync("/Approval");
        var form = page.QuerySelectorAll("form[action*='handler=Vote']")
            .First(f => f.QuerySelector("input[name='ApplicationId']")?.GetAttribute("value") == applicationId.ToString());
        form.Id = "vote-target";
        return await member.SubmitAsync(page, new Dictionary<string, string?> { ["Choice"] = choice, ["Reason"] = reason }, "#vote-target");
    }
}
