using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Discipline;

/// <summary>
/// 第二十九条 sanctions from the office's proposal to the leading group's decision: the votes decide, the parties are told,
/// an organisation sees only its own decided sanctions, bad input is answered in Chinese with nothing typed lost, and the
/// record follows the organisation (统一社会信用代码) into its next application.
/// </summary>
public class SanctionDecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_warning_is_decided_only_by_a_majority_of_the_leading_groups_votes_and_the_organisation_and_its_body_are_told()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "警告甲有限公司");
        var recommender = await Cast.RecommenderAsync(app, "推荐单位警告（上海市质量协会）");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var office = await SupervisionKit.OfficeApiAsync(app);
        var members = new[] { await Cast.PersonAsync(app, "领导甲", Biaogan.Web.Features.Accounts.Roles.LeadingGroup),
            await Cast.PersonAsync(app, "领导乙", Biaogan.Web.Features.Accounts.Roles.LeadingGroup) };
        var leaderA = await (await Cast.SignInAsync(app, members[0])).ApiAsync();
        var leaderB = await (await Cast.SignInAsync(app, members[1])).ApiAsync();

        var proposed = await SupervisionKit.JsonAsync(await office.PostAsJsonAsync("/api/discipline/sanctions",
            new { applicationId = id, kind = "Warning", source = "Qualification", reason = "申报表中的质量管理体系证书已过期，却声明有效。" }), HttpStatusCode.Created);
        var sid = proposed.GetProperty("id").GetGuid();
        Assert.Equal("待领导小组审议", proposed.GetProperty("statusName").GetString());
        foreach (var m in members)
            Assert.Contains(await OutcomeNoticesKit.MailsAsync(app, DefaultTemplates.DisciplineForDecision, m.Email), x => x.Subject.Contains("警告甲有限公司"));

        // No vote yet, then a tie: refused in Chinese, naming the count.
        var none = await office.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/decision", new { reason = "决定。" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("至少需要 1 票", await none.Content.ReadAsStringAsync());
        await SupervisionKit.JsonAsync(await leaderA.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/votes", new { agree = true, reason = "属实。" }), HttpStatusCode.OK);
        await SupervisionKit.JsonAsync(await leaderB.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/votes", new { agree = false, reason = "情节轻微，批评即可。" }), HttpStatusCode.OK);
        var tie = await office.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/decision", new { reason = "决定。" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tie.StatusCode);
        Assert.Contains("同意 1 票、不同意 1 票，尚未形成过半数意见", await tie.Content.ReadAsStringAsync());

        // Member B changes the vote: a majority agrees, the decision is recorded, the parties hear of it.
        await SupervisionKit.JsonAsync(await leaderB.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/votes", new { agree = true, reason = "经复核，同意警告。" }), HttpStatusCode.OK);
        var decided = await SupervisionKit.JsonAsync(await office.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/decision",
            new { reason = "领导小组表决通过。" }), HttpStatusCode.OK);
        Assert.Equal("已决定", decided.GetProperty("sanction").GetProperty("statusName").GetString());
        Assert.Equal(2, decided.GetProperty("sanction").GetProperty("votesFor").GetInt32());
        foreach (var who in new[] { applicant, recommender })
        {
            var mail = Assert.Single(await OutcomeNoticesKit.MailsAsync(app, DefaultTemplates.DisciplineDecided, who.Email));
            Assert.Contains("“警告”处分", mail.Body);
        }
        // A warning leaves the application where it was.
        Assert.Equal(ApplicationStatus.Submitted, (await DisciplineKit.ApplicationAsync(app, id)).Status);

        // The organisation sees its decided sanction without votes or evidence; another organisation sees nothing of it.
        var own = await (await Cast.SignInAsync(app, applicant)).ApiAsync();
        var seen = await SupervisionKit.JsonAsync(await own.GetAsync($"/api/discipline/sanctions/{sid}"), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("votes").ValueKind);
        Assert.Contains("警告甲有限公司", PageClient.Text(await (await Cast.SignInAsync(app, applicant)).GetAsync("/Discipline")));
        var stranger = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "警告乙旁观有限公司"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await stranger.ApiAsync()).GetAsync($"/api/discipline/sanctions/{sid}")).StatusCode);
        Assert.Empty((await (await stranger.ApiAsync()).GetFromJsonAsync<List<object>>("/api/discipline/sanctions"))!);
        Assert.DoesNotContain("警告甲有限公司", PageClient.Text(await stranger.GetAsync("/Discipline")));
    }

    [Fact]
    public async Task The_proposal_form_answers_bad_input_in_chinese_keeps_what_was_typed_and_stores_checked_evidence()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var id = await AssignmentTestKit.QualifiedAsync(app, "表单甲有限公司");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var url = $"/Discipline/Propose?applicationId={id}&source=OnSite&note={Uri.EscapeDataString("现场评审问题（条目 1.1）未能核实")}";
        var form = await office.GetAsync(url);
        Assert.Equal("现场评审问题（条目 1.1）未能核实", form.QuerySelector("#Note")?.GetAttribute("value"));

        var noKind = await office.SubmitAsync(url, new Dictionary<string, string?> { ["Reason"] = "用户满意度数据与现场记录不一致。" });
        Assert.Contains("请选择处分种类", string.Join(" ", noKind.Errors));
        Assert.Contains("用户满意度数据与现场记录不一致。", noKind.Page.QuerySelector("#Reason")?.TextContent);

        var exe = await office.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "Criticism", ["Reason"] = "材料前后矛盾。" },
            files: [new UploadFile("Uploads", "证明.pdf", SampleFiles.Exe())]);
        Assert.NotEmpty(exe.Errors);
        Assert.Matches("[\u4e00-\u9fff]", string.Join(" ", exe.Errors));
        Assert.Contains("材料前后矛盾。", exe.Page.QuerySelector("#Reason")?.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Discipline.OrganizationSanction>().CountAsync(s => s.ApplicationId == id)));

        var ok = await office.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "Criticism", ["Reason"] = "材料前后矛盾。" },
            files: [new UploadFile("Uploads", "核实记录.pdf", SampleFiles.Pdf("核实记录"))]);
        Assert.Empty(ok.Errors);
        Assert.StartsWith("/Discipline/Sanction/", ok.Path);
        var link = ok.Page.QuerySelector("a[href*='handler=File']")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync(link)).StatusCode);
        Assert.Contains("现场评审：现场评审问题（条目 1.1）未能核实", ok.Text);
    }

    [Fact]
    public async Task When_the_organisation_applies_again_in_a_later_cycle_the_office_sees_its_discipline_record()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "再申报甲有限公司");
        var recommender = await Cast.RecommenderAsync(app, "推荐单位再申报（广东省质量协会）");
        var first = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        await DisciplineKit.DecideAsync(app, first, "Warning", "上一年度申报时虚报用户满意度测评结果。");
        await app.WithDbAsync(async db =>
        {
            var open = await db.Set<Cycle>().SingleAsync(c => c.Status == CycleStatus.Open);
            open.Close(app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        await ApplicationsBuilders.OpenCycleAsync(app, year: 2027);
        var again = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        await app.WithDbAsync(async db =>
        {
            (await db.Set<Application>().SingleAsync(a => a.Id == again)).Recommend("同意推荐。", Guid.NewGuid(), recommender.UserId, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        foreach (var url in new[] { $"/Qualification/Review/{again}", $"/Applications/Details/{again}" })
        {
            var section = (await office.GetAsync(url)).QuerySelector("#discipline-h")?.ParentElement?.TextContent ?? "";
            Assert.Contains("2026 年度", section);
            Assert.Contains("警告", section);
            Assert.Contains("虚报用户满意度测评结果", section);
        }
        // The organisation's own application page does not carry the office's note.
        Assert.Null((await (await Cast.SignInAsync(app, applicant)).GetAsync($"/Applications/Details/{again}")).QuerySelector("#discipline-h"));
    }

    [Fact]
    public async Task A_referral_to_the_judicial_authorities_is_recorded_for_a_reviewer_and_bad_input_is_answered_in_chinese()
    {
        var r = await AssignmentTestKit.ReviewerAsync(app, "冯移送", "某咨询公司");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        Assert.NotNull((await office.GetAsync($"/Reviewers/Details/{r.ProfileId}")).QuerySelector("#refer-reviewer"));
        var url = $"/Discipline/Referral?subject=Reviewer&subjectId={r.ProfileId}";

        var future = await office.SubmitAsync(url, new Dictionary<string, string?>
        {
            ["ReferredOn"] = "2026-12-31", ["Authority"] = "北京市公安局朝阳分局", ["Note"] = "涉嫌受贿。",
        });
        Assert.Contains("移送日期不能晚于今天", string.Join(" ", future.Errors));
        Assert.Contains("涉嫌受贿。", future.Page.QuerySelector("#Note")?.TextContent);
        Assert.Equal("北京市公安局朝阳分局", future.Page.QuerySelector("#Authority")?.GetAttribute("value"));

        var saved = await office.SubmitAsync(url, new Dictionary<string, string?>
        {
            ["ReferredOn"] = "2026-11-26", ["Authority"] = "北京市公安局朝阳分局", ["Reference"] = "京公朝（刑）字〔2026〕12号", ["Note"] = "涉嫌受贿。",
        });
        Assert.Empty(saved.Errors);
        Assert.Contains("京公朝（刑）字〔2026〕12号", saved.Page.QuerySelector("#referrals")?.TextContent);

        var api = await SupervisionKit.OfficeApiAsync(app);
        var bad = await api.PostAsJsonAsync("/api/discipline/referrals", new { subject = "Reviewer", subjectId = r.ProfileId, referredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("请填写接收移送的司法机关", await bad.Content.ReadAsStringAsync());
        var list = await SupervisionKit.JsonAsync(await api.GetAsync("/api/discipline/referrals"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("subjectName").GetString() == "冯移送");
    }
}
