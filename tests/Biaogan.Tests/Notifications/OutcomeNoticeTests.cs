using Biaogan.Web.Features.Applications.Gates;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.PublicNotice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Biaogan.Tests.Infrastructure.OutcomeNoticesKit;

namespace Biaogan.Tests.Notifications;

/// <summary>
/// docs/decisions/0032: every outcome tells the people concerned by e-mail and 站内信, from the editable templates, with
/// absolute links from App:PublicBaseUrl, once per outcome (a reopened and re-finalised list does not send again).
/// </summary>
public class OutcomeNoticeTests(OutcomeNoticesAppFactory app) : IClassFixture<OutcomeNoticesAppFactory>
{
    [Fact]
    public async Task Finalising_the_shortlist_tells_each_organisation_its_result_once_even_when_the_list_is_reopened_and_finalised_again()
    {
        var first = await Cast.ApplicantAsync(app, "入围通知甲有限公司");
        var second = await Cast.ApplicantAsync(app, "入围通知乙有限公司");
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Service, [85, 55], [first, second]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var url = $"/DocumentReview/Shortlist?cycleId={cycleId}&category=Service";

        await FinaliseAsync(office, url, apps[0].Id);
        var shortlisted = await SingleMailAsync(app, DefaultTemplates.Shortlisted, first.Email, $"/Applications/Details/{apps[0].Id}");
        Assert.Contains("已入围现场评审", shortlisted.Subject);
        var notShortlisted = await SingleMailAsync(app, DefaultTemplates.NotShortlisted, second.Email, $"/Applications/Details/{apps[1].Id}");
        Assert.Contains("反馈报告", notShortlisted.Body);
        Assert.Single(await InboxAsync(app, first.UserId, "已入围现场评审"));
        Assert.Single(await InboxAsync(app, second.UserId, "未入围现场评审"));

        var reopened = await office.SubmitAsync(url, new Dictionary<string, string?> { ["Reason"] = "核对投票记录" }, "form[action*='handler=Reopen']");
        Assert.Empty(reopened.Errors);
        await FinaliseAsync(office, url, apps[0].Id);
        Assert.Single(await MailsAsync(app, DefaultTemplates.Shortlisted, first.Email));
        Assert.Single(await MailsAsync(app, DefaultTemplates.NotShortlisted, second.Email));
        Assert.Single(await InboxAsync(app, first.UserId, "已入围现场评审"));
    }

    [Fact]
    public async Task The_agreed_site_visit_schedule_carries_an_ics_file_in_china_time_and_the_approved_result_calls_the_committee_to_vote()
    {
        var member = await RankingBuilders.CommitteeAsync(app, "冯委员");
        var world = await OnSiteTestKit.VisitAsync(app, "通知");
        await OnSiteTestKit.StartAsync(app, world);

        var mail = await SingleMailAsync(app, DefaultTemplates.OnSiteScheduleAgreed, world.Applicant.Email, $"/OnSite/Schedule/{world.ApplicationId}");
        Assert.Equal("现场评审日程.ics", mail.AttachmentName);
        Assert.StartsWith("text/calendar", mail.AttachmentContentType);
        var ics = mail.AttachmentContent!;
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        var lines = ics.Replace("\r\n ", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("TZID:Asia/Shanghai", lines);
        // the kit agrees a two-day visit starting on the test clock's day (China Standard Time)
        var first = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Contains($"DTSTART;TZID=Asia/Shanghai:{first:yyyyMMdd}T090000", lines);
        Assert.Contains($"DTEND;TZID=Asia/Shanghai:{first.AddDays(1):yyyyMMdd}T170000", lines);
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(2, lines.Where(l => l.StartsWith("UID:")).Distinct().Count());
        Assert.All(ics.Split("\r\n"), l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Single(await MailsAsync(app, DefaultTemplates.OnSiteScheduleAgreed, world.Member.Persona.Email));

        // The mail leaves with the file attached.
        var transport = app.Services.GetRequiredService<Biaogan.Web.Infrastructure.Mail.MailTransport>();
        var mime = transport.Compose(mail.ToAddress, mail.ToName, mail.Subject, mail.Body, "t", mail.CreatedAt,
            new(mail.AttachmentName!, mail.AttachmentContentType!, mail.AttachmentContent!));
        var attached = Assert.Single(mime.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("现场评审日程.ics", attached.FileName);

        // The office approves the result: the review committee hears that a 综合评价 vote waits.
        var items = (await OnSiteTestKit.LoadAsync(app, world.ApplicationId)).Items.Select(i => i.ItemCode).ToList();
        var api = await (await Cast.SignInAsync(app, world.Leader.Persona)).ApiAsync();
        (await api.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/record", new
        {
            items = items.Select(code => new { itemCode = code, percent = (int?)60, reason = "" }),
            opinion = "现场核实情况与申报材料总体一致。", problems = new[] { "投诉分析未形成改进闭环" },
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/leader-approval", new { })).EnsureSuccessStatusCode();
        var approved = await world.Office.SubmitAsync($"/OnSite/Visit/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=OfficeApprove']");
        Assert.Empty(approved.Errors);
        var vote = await SingleMailAsync(app, DefaultTemplates.EvaluationVoteWaiting, member.Email, "/Evaluation");
        Assert.Contains(world.Organization, vote.Subject);
        Assert.Contains(CommitteeNotices.NoDeadline, vote.Body);
        Assert.Single(await InboxAsync(app, member.UserId, "综合评价待您投票"));
    }

    [Fact]
    public async Task The_notice_the_objection_the_approval_and_the_award_each_tell_the_organisation_and_the_committee_hears_its_vote_waits()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("通知甲电器有限公司", AwardCategory.Enterprise),
            ("通知乙食品有限公司", AwardCategory.Enterprise), ("通知丙通信有限公司", AwardCategory.Service));
        var people = new List<Persona>();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var orgId = await app.WithDbAsync(db => db.Set<Application>().Where(a => a.Id == id).Select(a => a.OrganizationId).SingleAsync());
            people.Add(await Cast.PersonAsync(app, $"通知联系人{i}", Roles.Applicant, organizationId: orgId));
        }
        var office = await PublicNoticeKit.OfficeAsync(app);
        var noticeId = await PublicNoticeKit.PublishAsync(app, office, new DateOnly(2026, 11, 27));
        foreach (var p in people)
        {
            var listed = await SingleMailAsync(app, DefaultTemplates.InPublicNotice, p.Email, $"/Public/Notice/{noticeId}");
            Assert.Contains("2026年11月27日至", listed.Body);
        }

        await PublicNoticeKit.ObjectAsync(app, Cast.Anonymous(app), noticeId, ids[1], name: "陈建华", phone: "13812345678");
        var objectionId = await app.WithDbAsync(db => db.Set<Objection>().Where(o => o.ApplicationId == ids[1]).Select(o => o.Id).SingleAsync());
        await office.SubmitAsync($"/PublicNotice/Objection/{objectionId}", new Dictionary<string, string?>(), "main form[action*='handler=RequestReply']");
        await SingleMailAsync(app, DefaultTemplates.ObjectionReplyRequested, people[1].Email, $"/PublicNotice/Reply/{objectionId}");
        PublicNoticeKit.SetChinaTime(app, 2026, 12, 8, 9, 0);
        office = await PublicNoticeKit.OfficeAsync(app);
        await office.SubmitAsync($"/PublicNotice/Objection/{objectionId}", new Dictionary<string, string?>
        {
            ["Conclusion"] = "Sustained", ["Finding"] = "经调阅热线记录，确有重大用户集体投诉。", ["Reason"] = "申报时隐瞒重大用户投诉",
            ["PublicText"] = "经核查，异议成立，已撤销该组织的推荐。",
        }, "main form[action*='handler=Conclude']");
        var concluded = await SingleMailAsync(app, DefaultTemplates.ObjectionConcluded, people[1].Email, $"/PublicNotice/Reply/{objectionId}");
        Assert.Contains("异议成立", concluded.Body);
        Assert.DoesNotContain("陈建华", concluded.Body);

        var member = await PublicNoticeKit.CommitteeMemberAsync(app, "褚审定");
        var started = await office.SubmitAsync("/Approval", new Dictionary<string, string?>(), "main form[action*='handler=Start']");
        Assert.Empty(started.Errors);
        await SingleMailAsync(app, DefaultTemplates.SentToApproval, people[0].Email, $"/Applications/Details/{ids[0]}");
        Assert.Empty(await MailsAsync(app, DefaultTemplates.SentToApproval, people[1].Email));
        var waits = await SingleMailAsync(app, DefaultTemplates.ApprovalVoteWaiting, member.Email, "/Approval");
        Assert.Contains("2 家组织", waits.Body);

        var decided = await office.SubmitAsync("/Approval", new Dictionary<string, string?>
        {
            ["Decisions[0].Approved"] = "true", ["Decisions[0].Reason"] = "审定委员会表决通过",
            ["Decisions[1].Approved"] = "false", ["Decisions[1].Reason"] = "审定委员会表决未通过",
        }, "main form[action*='handler=Decide']");
        Assert.Empty(decided.Errors);
        var finalised = await office.SubmitAsync("/Approval", new Dictionary<string, string?>(), "main form[action*='handler=Finalise']");
        Assert.Empty(finalised.Errors);
        var awardId = await app.WithDbAsync(db => db.Set<Web.Features.Awards.Award>().Where(a => a.ApplicationId == ids[0]).Select(a => a.Id).SingleAsync());
        var awarded = await SingleMailAsync(app, DefaultTemplates.Awarded, people[0].Email, $"/Awards/Certificate/{awardId}");
        Assert.Contains(OutcomeNoticesAppFactory.PublicBaseUrl + "/Awards/Mine", awarded.Body);
        foreach (var rule in new[] { "必须注明获奖年份", "“2026年度全国用户满意标杆”", "不得在产品上", "产品获奖的误解" }) Assert.Contains(rule, awarded.Body);
        var notAwarded = await SingleMailAsync(app, DefaultTemplates.NotAwarded, people[2].Email, $"/Applications/Details/{ids[2]}");
        Assert.Contains("未获得标杆称号", notAwarded.Body);
        Assert.Single(await InboxAsync(app, people[0].UserId, "获得2026年度全国用户满意标杆"));
        Assert.Empty(await MailsAsync(app, DefaultTemplates.Awarded, people[2].Email));
    }

    private async Task FinaliseAsync(PageClient office, string url, Guid selected)
    {
        var page = await office.GetAsync(url);
        var fields = new Dictionary<string, string?>();
        var rows = page.QuerySelectorAll("input[name^='Outcome['][name$='.ApplicationId']").Select(i => i.GetAttribute("value")).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var yes = rows[i] == selected.ToString();
            fields[$"Outcome[{i}].Selected"] = yes ? "true" : null;
            fields[$"Outcome[{i}].Reason"] = yes ? "综合得分领先，委员多数同意入围" : "得分排名靠后，未入围";
        }
        var recorded = await office.SubmitAsync(page, fields, formSelector: "form[action*='handler=Record']");
        Assert.Empty(recorded.Errors);
        // Other tests of this class share the cycle: their unfinished applications of the category are left out with a
        // reason, as the stage gate asks (decision 0031).
        var leftOut = recorded.Page.QuerySelectorAll("form[action*='handler=Finalise'] input[name^='LeftOut['][name$='.Reason']")
            .ToDictionary(i => i.GetAttribute("name")!, _ => (string?)"另案处理，本次不参加入围评议");
        var cycleId = Guid.Parse(System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + url).Query)["cycleId"]!);
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.DocumentReview);
        var finalised = await office.SubmitAsync(recorded.Page, leftOut, formSelector: "form[action*='handler=Finalise']");
        Assert.Contains("入围名单已确定", finalised.Text);
    }
}
