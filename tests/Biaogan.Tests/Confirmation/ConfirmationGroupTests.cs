using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Confirmation;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using static Biaogan.Tests.Confirmation.ConfirmationGroupKit;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Confirmation;

/// <summary>
/// Issue 12 item 6 (第二十四条): the confirmation group — formed by the assignment engine under the conflict rules, edited
/// by the office, its members' structured opinions, their confidentiality, and the gate before the leading group decides.
/// On the jobs fixture (its runner loop off) so the test runs the opinion reminder when it chooses.
/// </summary>
public class ConfirmationGroupTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    [Fact]
    public async Task The_engine_never_proposes_a_conflicted_reviewer_and_the_office_cannot_add_one_by_hand()
    {
        DueYear(app);
        var office = await OfficeApiAsync(app);
        var r = await OpenAsync(app, office, "回避规则检验有限公司");
        var insider = await AssignmentTestKit.ReviewerAsync(app, "内部人员", "回避规则检验有限公司", leader: true);
        var declared = await AssignmentTestKit.ReviewerAsync(app, "已申报回避", "甲咨询研究院", leader: true);
        await app.WithDbAsync(async db =>
        {
            var c = new ConflictCase(r.Winner.Award.CycleId, r.Winner.Award.ApplicationId, declared.ProfileId, ConflictSource.ReviewerDeclared, "曾为该组织提供咨询", app.Clock.GetUtcNow());
            c.Confirm("赵丙", "评审员申报", app.Clock.GetUtcNow());
            db.Add(c);
            await db.SaveChangesAsync();
        });
        foreach (var (name, employer) in new[] { ("确认甲", "乙大学质量研究所"), ("确认乙", "丙检测认证集团"), ("确认丙", "丁管理咨询公司") })
            await AssignmentTestKit.ReviewerAsync(app, name, employer, leader: name == "确认甲");

        await JsonAsync(await office.PostAsync($"/api/confirmation/rounds/{r.RoundId}/groups/propose", null), HttpStatusCode.OK);
        var group = await GroupOfAsync(office, r);
        var seated = group.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("reviewerId").GetGuid()).ToList();
        Assert.Equal(3, seated.Count);
        Assert.DoesNotContain(insider.ProfileId, seated);
        Assert.DoesNotContain(declared.ProfileId, seated);
        Assert.Single(group.GetProperty("seats").EnumerateArray(), s => s.GetProperty("isLeader").GetBoolean());
        // the office sees why the two are not offered
        var offered = group.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Contains("回避规则检验有限公司", offered.Single(c => c.GetProperty("id").GetGuid() == insider.ProfileId).GetProperty("conflict").GetString());

        // adding either by hand is refused in Chinese, so is an unknown reviewer and an empty choice
        foreach (var who in new[] { insider.ProfileId, declared.ProfileId })
        {
            var refused = await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/seats", new { reviewerId = who }), HttpStatusCode.UnprocessableEntity);
            Assert.Contains("存在利益冲突", refused.GetProperty("detail").GetString());
        }
        var empty = await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/seats", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("请选择要加入确认组的评审员", empty.GetRawText());

        // the page refuses it too and says why
        var page = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var form = await page.SubmitAsync($"/Confirmation/Groups/{r.RoundId}", new Dictionary<string, string?>
        {
            ["EntryId"] = r.EntryId.ToString(), ["ReviewerId"] = insider.ProfileId.ToString(),
        }, "form[action*='handler=Add']");
        Assert.Contains("存在利益冲突", form.Text);

        // a conflict found after the proposal is caught when the office applies the group
        var member = seated.First();
        await app.WithDbAsync(async db =>
        {
            db.Add(new ConflictCase(r.Winner.Award.CycleId, r.Winner.Award.ApplicationId, member, ConflictSource.ApplicantAvoidance, "组织申请回避", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var late = await JsonAsync(await office.PostAsync($"/api/confirmation/rounds/{r.RoundId}/groups/apply", null), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("现与获奖组织存在利益冲突", late.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Members_declare_and_give_opinions_the_leader_submits_the_groups_and_only_then_the_leading_group_decides()
    {
        DueYear(app);
        var officer = await Cast.OfficeAsync(app);
        var office = await (await Cast.SignInAsync(app, officer)).ApiAsync();
        var r = await OpenAsync(app, office, "确认组意见有限公司");
        var lead = await AssignmentTestKit.ReviewerAsync(app, "意见组长", "戊质量研究院", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "意见成员", "己认证中心");
        var leaving = await AssignmentTestKit.ReviewerAsync(app, "申报冲突者", "庚咨询公司");
        var outsider = await AssignmentTestKit.ReviewerAsync(app, "局外评审员", "辛大学");
        foreach (var (who, leader) in new[] { (lead, true), (member, false), (leaving, false) })
            await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/seats", new { reviewerId = who.ProfileId, leader }), HttpStatusCode.OK);
        var same = await AssignmentTestKit.ReviewerAsync(app, "同单位者", "戊质量研究院");
        var sameRefused = await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/seats", new { reviewerId = same.ProfileId }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("同属一个单位", sameRefused.GetProperty("detail").GetString());

        // not seen before the office applies the group; then told by mail, with the reminder scheduled before the deadline
        var leadApi = await (await Cast.SignInAsync(app, lead.Persona)).ApiAsync();
        Assert.Empty((await JsonAsync(await leadApi.GetAsync("/api/confirmation/seats"), HttpStatusCode.OK)).EnumerateArray());
        await JsonAsync(await office.PostAsync($"/api/confirmation/rounds/{r.RoundId}/groups/apply", null), HttpStatusCode.OK);
        Assert.Contains("确认组意见有限公司", (await Messages.LatestMailAsync(app, lead.Persona.Email, DefaultTemplates.ConfirmationSeatAssigned)).Body);
        var seats = (await GroupOfAsync(office, r)).GetProperty("seats").EnumerateArray().ToList();
        Guid SeatOf(TestReviewer t) => seats.Single(s => s.GetProperty("reviewerId").GetGuid() == t.ProfileId).GetProperty("id").GetGuid();
        var due = DateOnly.Parse(seats[0].GetProperty("opinionDueOn").GetString()!);
        Assert.Equal(Today(app).AddDays(60 + 15), due);
        var reminder = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().SingleAsync(w => w.Kind == OpinionReminderWork.WorkKind && w.Key.StartsWith(r.EntryId.ToString())));
        Assert.Equal(new DateTimeOffset(due.AddDays(-3).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), reminder.DueAt);
        Assert.Contains("签署声明", PageClient.Text(await (await Cast.SignInAsync(app, lead.Persona)).GetAsync("/Progress/Todo")));

        // a reviewer sees only seats they hold; the declaration comes first; the submission opens after it
        var outsiderApi = await (await Cast.SignInAsync(app, outsider.Persona)).ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderApi.GetAsync($"/api/confirmation/seats/{SeatOf(lead)}")).StatusCode);
        var early = await JsonAsync(await leadApi.PutAsJsonAsync($"/api/confirmation/seats/{SeatOf(lead)}/opinion", Opinion()), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("请先签署无利益冲突声明", early.GetProperty("detail").GetString());
        foreach (var (who, api) in new[] { (lead, leadApi), (member, await (await Cast.SignInAsync(app, member.Persona)).ApiAsync()) })
        {
            var unticked = await JsonAsync(await api.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(who)}/declare", new { accept = false }), HttpStatusCode.UnprocessableEntity);
            Assert.Contains("请勾选", unticked.GetProperty("detail").GetString());
            await JsonAsync(await api.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(who)}/declare", new { accept = true }), HttpStatusCode.OK);
        }
        var beforeSubmission = await JsonAsync(await leadApi.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(lead)}/opinion/submit", Opinion()), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("该组织尚未提交确认材料", beforeSubmission.GetProperty("detail").GetString());

        // a member who declares a conflict leaves the group, a confirmed conflict is on file, and the materials stay closed
        var leavingApi = await (await Cast.SignInAsync(app, leaving.Persona)).ApiAsync();
        await JsonAsync(await leavingApi.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(leaving)}/conflict", new { statement = "近两年曾为该组织提供咨询服务" }), HttpStatusCode.OK);
        Assert.True(await app.WithDbAsync(db => db.Set<ConflictCase>().AnyAsync(c => c.ReviewerId == leaving.ProfileId && c.ApplicationId == r.Winner.Award.ApplicationId && c.Status == ConflictStatus.Confirmed)));
        await SubmitAsync(app, r);
        var leavingSeat = await JsonAsync(await leavingApi.GetAsync($"/api/confirmation/seats/{SeatOf(leaving)}"), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, leavingSeat.GetProperty("submission").ValueKind);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await JsonAsync(await leadApi.GetAsync($"/api/confirmation/seats/{SeatOf(lead)}"), HttpStatusCode.OK)).GetProperty("submission").ValueKind);
        var conflicted = await JsonAsync(await leavingApi.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(leaving)}/opinion/submit", Opinion()), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("已退出该确认组", conflicted.GetProperty("detail").GetString());

        // every dimension needs its reason; a draft keeps what was typed
        var noReason = await JsonAsync(await leadApi.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(lead)}/opinion/submit", Opinion(firstReason: " ")), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("请填写“经营管理”的判断理由", noReason.GetProperty("detail").GetString());
        await JsonAsync(await leadApi.PutAsJsonAsync($"/api/confirmation/seats/{SeatOf(lead)}/opinion", Opinion(firstReason: null)), HttpStatusCode.OK);

        // the leading group cannot take it up before the group's opinion is in, even with a member's opinion
        var memberApi = await (await Cast.SignInAsync(app, member.Persona)).ApiAsync();
        await JsonAsync(await memberApi.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(member)}/opinion/submit", Opinion()), HttpStatusCode.OK);
        Assert.Contains("个人意见", (await Messages.LatestMailAsync(app, officer.Email, DefaultTemplates.ConfirmationOpinionSubmitted)).Subject);
        var held = await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/forward", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("确认组尚未提交意见", held.GetProperty("detail").GetString());

        // the reminder before the deadline reaches the leader, who has not submitted, and not the member who has
        app.Clock.SetUtcNow(reminder.DueAt.AddMinutes(1));
        await app.NewRunner().RunDueAsync(); // the app's own runner loop is off in this fixture
        Assert.Equal("已提醒 1 位确认组成员", (await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().SingleAsync(w => w.Id == reminder.Id))).Result);
        Assert.Contains("意见", (await Messages.LatestMailAsync(app, lead.Persona.Email, DefaultTemplates.ConfirmationOpinionReminder)).Subject);
        Assert.False(await app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Notifications.OutboxMessage>().AnyAsync(m => m.ToAddress == member.Persona.Email && m.TemplateKey == DefaultTemplates.ConfirmationOpinionReminder)));

        leadApi = await (await Cast.SignInAsync(app, lead.Persona)).ApiAsync();
        office = await (await Cast.SignInAsync(app, officer)).ApiAsync(); // signed in again after the months that passed
        await JsonAsync(await leadApi.PostAsJsonAsync($"/api/confirmation/seats/{SeatOf(lead)}/opinion/submit", Opinion()), HttpStatusCode.OK);
        Assert.Contains("确认组意见", (await Messages.LatestMailAsync(app, officer.Email, DefaultTemplates.ConfirmationOpinionSubmitted)).Subject);

        // confidential: the organisation sees neither names nor opinions, anywhere
        var ownPage = await Cast.SignInAsync(app, r.Winner.Contact);
        var ownApi = await ownPage.ApiAsync();
        var ownEntry = (await ownApi.GetAsync($"/api/confirmation/entries/{r.EntryId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("意见组长", await ownEntry);
        Assert.DoesNotContain("建议确认有效", await ownEntry);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownApi.GetAsync($"/api/confirmation/entries/{r.EntryId}/opinions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownApi.GetAsync($"/api/confirmation/rounds/{r.RoundId}/groups")).StatusCode);
        Assert.True(await Cast.IsForbiddenAsync(ownPage, $"/Confirmation/Groups/{r.RoundId}"));
        foreach (var url in new[] { $"/Confirmation/Entry/{r.EntryId}", $"/Supervision/Case/{r.CaseId}" })
        {
            var text = PageClient.Text(await ownPage.GetAsync(url));
            Assert.DoesNotContain("意见组长", text);
            Assert.DoesNotContain("第三方测评由 86.5 分升至 88.0 分", text);
        }

        // forwarded now; the leading group reads the group's opinion beside its vote and decides
        await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/forward", new { }), HttpStatusCode.OK);
        var leaderPage = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "王组长", Biaogan.Web.Features.Accounts.Roles.LeadingGroup));
        var casePage = PageClient.Text(await leaderPage.GetAsync($"/Supervision/Case/{r.CaseId}"));
        Assert.Contains("确认组意见", casePage);
        Assert.Contains("意见组长（组长）", casePage);
        Assert.Contains("第三方测评由 86.5 分升至 88.0 分", casePage);
        Assert.Contains("建议确认有效", casePage);
        var opinions = await JsonAsync(await office.GetAsync($"/api/confirmation/entries/{r.EntryId}/opinions"), HttpStatusCode.OK);
        Assert.True(opinions[0].GetProperty("isGroupOpinion").GetBoolean());
        Assert.Equal(2, opinions.GetArrayLength());
    }

    [Fact]
    public async Task A_conflict_the_office_confirms_later_from_its_queue_ends_the_members_confirmation_seat_and_frees_the_place()
    {
        DueYear(app);
        var office = await OfficeApiAsync(app);
        var r = await OpenAsync(app, office, "迟到冲突有限公司");
        var lead = await AssignmentTestKit.ReviewerAsync(app, "迟冲突组长", "壬质量研究院", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "迟冲突成员", "癸认证中心");
        var spare = await AssignmentTestKit.ReviewerAsync(app, "替补评审员", "子大学");
        foreach (var (who, leader) in new[] { (lead, true), (member, false) })
            await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/seats", new { reviewerId = who.ProfileId, leader }), HttpStatusCode.OK);
        await JsonAsync(await office.PostAsync($"/api/confirmation/rounds/{r.RoundId}/groups/apply", null), HttpStatusCode.OK);
        var memberApi = await (await Cast.SignInAsync(app, member.Persona)).ApiAsync();
        var seatId = (await GroupOfAsync(office, r)).GetProperty("seats").EnumerateArray()
            .Single(s => s.GetProperty("reviewerId").GetGuid() == member.ProfileId).GetProperty("id").GetGuid();
        await JsonAsync(await memberApi.PostAsJsonAsync($"/api/confirmation/seats/{seatId}/declare", new { accept = true }), HttpStatusCode.OK);

        // the organisation asks for the member's avoidance after the group was formed; the office confirms it from the queue
        var caseId = await app.WithDbAsync(async db =>
        {
            var c = new ConflictCase(r.Winner.Award.CycleId, r.Winner.Award.ApplicationId, member.ProfileId, ConflictSource.ApplicantAvoidance, "该专家曾任本单位顾问", app.Clock.GetUtcNow());
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        await JsonAsync(await office.PostAsJsonAsync($"/api/conflicts/{caseId}/confirm", new { reason = "核实属实" }), HttpStatusCode.OK);

        var seat = await app.WithDbAsync(db => db.Set<ConfirmationSeat>().AsNoTracking().SingleAsync(s => s.Id == seatId));
        Assert.Equal(SeatStatus.Removed, seat.Status);
        Assert.Contains("利益冲突已确认", seat.EndedReason);
        Assert.Contains("核实属实", seat.EndedReason);
        // the leader's seat is untouched; the group shows one active member less, and the place can be filled
        Assert.Equal(SeatStatus.Assigned, await app.WithDbAsync(db => db.Set<ConfirmationSeat>().AsNoTracking()
            .Where(s => s.EntryId == r.EntryId && s.ReviewerId == lead.ProfileId).Select(s => s.Status).SingleAsync()));
        var active = (await GroupOfAsync(office, r)).GetProperty("seats").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() != SeatStatus.Removed.ToString()).Select(s => s.GetProperty("reviewerId").GetGuid()).ToList();
        Assert.Equal([lead.ProfileId], active);
        await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/seats", new { reviewerId = spare.ProfileId }), HttpStatusCode.OK);
        var refused = await JsonAsync(await memberApi.PutAsJsonAsync($"/api/confirmation/seats/{seatId}/opinion", Opinion()), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("您已退出该确认组", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_a_group_the_office_records_why_before_the_case_goes_to_the_leading_group()
    {
        DueYear(app);
        var office = await OfficeApiAsync(app);
        var r = await OpenAsync(app, office, "无确认组有限公司");
        await SubmitAsync(app, r);
        var held = await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/forward", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("可在“确认组”页面记录理由后继续", held.GetProperty("detail").GetString());
        var blank = await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/without-opinion", new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.Contains("请填写不经确认组意见", blank.GetRawText());
        var group = await GroupOfAsync(office, r);
        await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/without-opinion",
            new { reason = "评审员库中无符合回避规则的评审员，无法组成确认组。", version = group.GetProperty("entryVersion").GetInt32() }), HttpStatusCode.OK);
        await JsonAsync(await office.PostAsJsonAsync($"/api/confirmation/entries/{r.EntryId}/forward", new { }), HttpStatusCode.OK);
        var casePage = PageClient.Text(await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).GetAsync($"/Supervision/Case/{r.CaseId}"));
        Assert.Contains("无法组成确认组", casePage);
    }
}
