using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.OnSite;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Discipline;

/// <summary>
/// 第二十九条 撤销申报及接受评审资格, decided by the leading group, at every stage an application can be in: it leaves the
/// cycle there — seats ended, off the shortlist, visit withdrawn, off the recommended list, the 公示 (with a correction on
/// the public page) and the approval round — while the lists stand for the others, and the organisation and its
/// recommending body are told. Each stage on its own database.
/// </summary>
public class WithdrawalAtEachStageTests
{
    [Fact]
    public async Task A_submitted_application_is_withdrawn_and_the_organisation_its_body_and_the_office_see_qualification_revoked_with_the_date()
    {
        await using var app = new AppFactory();
        await ApplicationsBuilders.OpenCycleAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "纪律甲提交有限公司");
        var recommender = await Cast.RecommenderAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);

        await DisciplineKit.WithdrawAsync(app, id);

        Assert.Equal(ApplicationStatus.QualificationRevoked, (await DisciplineKit.ApplicationAsync(app, id)).Status);
        foreach (var who in new[] { applicant, recommender })
        {
            var page = await (await Cast.SignInAsync(app, who)).GetAsync($"/Applications/Details/{id}");
            Assert.Equal("资格已撤销（2026年11月27日）", page.QuerySelector("#standing")?.TextContent);
            Assert.Single(await OutcomeNoticesKit.MailsAsync(app, DefaultTemplates.DisciplineQualificationRevoked, who.Email));
        }
        var office = await PublicNoticeKit.OfficeAsync(app);
        Assert.Contains("资格已撤销", PageClient.Text(await office.GetAsync($"/Applications/Details/{id}")));
    }

    [Fact]
    public async Task In_document_review_the_reviewers_seats_end_and_each_reviewer_is_told()
    {
        await using var app = new AppFactory();
        var id = await AssignmentTestKit.QualifiedAsync(app, "纪律乙资料评审有限公司");
        var a = await AssignmentTestKit.ReviewerAsync(app, "资料评审甲", "甲单位");
        var b = await AssignmentTestKit.ReviewerAsync(app, "资料评审乙", "乙单位");
        await app.WithDbAsync(async db =>
        {
            var cycleId = await db.Set<Cycle>().Where(c => c.Status == CycleStatus.Open).Select(c => c.Id).FirstAsync();
            var group = new ExpertGroup(cycleId, id, ReviewStage.Document, null, app.Clock.GetUtcNow());
            group.Seat(a.ProfileId, GroupRole.Leader, null, app.Clock.GetUtcNow()).Declare("2026-1", app.Clock.GetUtcNow());
            group.Seat(b.ProfileId, GroupRole.Member, null, app.Clock.GetUtcNow());
            db.Add(group);
            await db.SaveChangesAsync();
        });

        var decision = await DisciplineKit.WithdrawAsync(app, id);

        Assert.Contains("结束 2 个专家组席位并通知评审员", DisciplineKit.Withdrawn(decision));
        var seats = await app.WithDbAsync(db => db.Set<GroupMember>().AsNoTracking().Where(m => m.ApplicationId == id).ToListAsync());
        Assert.All(seats, s => Assert.Equal(MemberStatus.Removed, s.Status));
        Assert.All(seats, s => Assert.Contains("申报及接受评审资格已撤销", s.EndReason));
        foreach (var r in new[] { a, b })
            Assert.Single(await OutcomeNoticesKit.MailsAsync(app, DefaultTemplates.AssignmentRemoved, r.Persona.Email));
        // The reviewer's to-do page no longer offers the application.
        var todo = PageClient.Text(await (await Cast.SignInAsync(app, a.Persona)).GetAsync("/Progress/Todo"));
        Assert.DoesNotContain((await DisciplineKit.ApplicationAsync(app, id)).Number!, todo);
    }

    [Fact]
    public async Task A_shortlisted_application_in_on_site_review_leaves_the_shortlist_and_its_visit_and_team_are_withdrawn()
    {
        await using var app = new AppFactory();
        var id = await AssignmentTestKit.QualifiedAsync(app, "纪律丙现场评审有限公司");
        var other = await AssignmentTestKit.QualifiedAsync(app, "纪律丙同批入围有限公司");
        var leader = await AssignmentTestKit.ReviewerAsync(app, "纪律丙组长", "组长单位", leader: true);
        await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<Cycle>().FirstAsync(c => c.Status == CycleStatus.Open);
            var now = app.Clock.GetUtcNow();
            var shortlist = new ShortlistDecision(cycle.Id, AwardCategory.Enterprise, now);
            shortlist.Record([new ShortlistEntry { ApplicationId = id, Selected = true, VotesFor = 5, Reason = "资料评审成绩优秀，进入现场评审。" },
                new ShortlistEntry { ApplicationId = other, Selected = true, VotesFor = 5, Reason = "资料评审成绩优秀，进入现场评审。" }], now);
            shortlist.Finalise("office", now);
            db.Add(shortlist);
            var criteria = await db.Set<Biaogan.Web.Features.Criteria.CriteriaVersion>().AsNoTracking().FirstAsync(v => v.Key == cycle.StandardCode);
            var visit = new SiteVisit(cycle.Id, id, criteria.Id, criteria.Document.Items.Select(i => (i.Code, (int?)60)), now);
            visit.Start();
            db.Add(visit);
            await db.SaveChangesAsync();
        });
        await OnSiteTestKit.TeamAsync(app, id, [leader.ProfileId]);
        var world = (ApplicationId: id, Other: other);

        var decision = await DisciplineKit.WithdrawAsync(app, world.ApplicationId);

        var done = DisciplineKit.Withdrawn(decision);
        Assert.Contains("撤出入围名单", done);
        Assert.Contains("撤回现场评审安排", done);
        var entries = await app.WithDbAsync(async db => (await db.Set<ShortlistDecision>().AsNoTracking().SingleAsync()).Entries);
        Assert.False(entries.Single(e => e.ApplicationId == world.ApplicationId).Selected);
        Assert.True(entries.Single(e => e.ApplicationId == other).Selected);
        Assert.False(await app.WithDbAsync(db => db.Set<SiteVisit>().AnyAsync(v => v.ApplicationId == world.ApplicationId)));
        Assert.False(await app.WithDbAsync(db => db.Set<GroupMember>().AnyAsync(m => m.ApplicationId == world.ApplicationId
            && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared))));
        var office = await PublicNoticeKit.OfficeAsync(app);
        var page = await office.GetAsync($"/Applications/Details/{world.ApplicationId}");
        Assert.StartsWith("资格已撤销", page.QuerySelector("#standing")?.TextContent);
    }

    [Fact]
    public async Task In_the_comprehensive_evaluation_it_leaves_the_recommended_list_and_the_other_recommended_organisation_stays()
    {
        await using var app = new AppFactory();
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("纪律丁综合评价有限公司", AwardCategory.Enterprise), ("纪律丁同类有限公司", AwardCategory.Enterprise));

        var decision = await DisciplineKit.WithdrawAsync(app, ids[0]);

        Assert.Contains("撤出综合评价推荐名单", DisciplineKit.Withdrawn(decision));
        var entries = await app.WithDbAsync(async db => (await db.Set<EvaluationDecision>().AsNoTracking()
            .SingleAsync(d => d.Category == AwardCategory.Enterprise)).Entries);
        Assert.False(entries.Single(e => e.ApplicationId == ids[0]).Recommended);
        Assert.True(entries.Single(e => e.ApplicationId == ids[1]).Recommended);
    }

    [Fact]
    public async Task In_the_published_notice_it_is_removed_and_the_public_page_shows_a_correction_at_once()
    {
        await using var app = new AppFactory();
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("纪律戊公示有限公司", AwardCategory.Enterprise), ("纪律戊同批有限公司", AwardCategory.Enterprise));
        var office = await PublicNoticeKit.OfficeAsync(app);
        await PublicNoticeKit.PublishAsync(app, office, new DateOnly(2026, 11, 27));
        var before = PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Notice"));
        Assert.Contains("纪律戊公示有限公司", before);

        var decision = await DisciplineKit.WithdrawAsync(app, ids[0]);

        Assert.Contains("在公示页发布更正说明并撤出公示名单", DisciplineKit.Withdrawn(decision));
        var after = PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Notice"));
        Assert.Contains("纪律戊公示有限公司的申报及接受评审资格已被撤销，不再列入公示名单", after);
        Assert.Contains("纪律戊同批有限公司", after);
        // The public page reveals nothing else of the discipline record.
        Assert.DoesNotContain("现场核实为编造", after);
    }

    [Fact]
    public async Task Before_the_approval_committee_it_leaves_the_round_with_its_votes_and_after_the_award_only_a_supervision_case_can_act()
    {
        await using var app = new AppFactory();
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("纪律己审定有限公司", AwardCategory.Enterprise), ("纪律己同批有限公司", AwardCategory.Enterprise));
        var office = await PublicNoticeKit.OfficeAsync(app);
        var noticeId = await PublicNoticeKit.PublishAsync(app, office, new DateOnly(2026, 11, 27));
        await app.WithDbAsync(async db =>
        {
            var cycleId = await db.Set<Cycle>().Where(c => c.Status == CycleStatus.Open).Select(c => c.Id).FirstAsync();
            var round = new ApprovalRound(cycleId, noticeId,
                ids.Select((id, i) => new ApprovalItem { ApplicationId = id, OrganizationName = i == 0 ? "纪律己审定有限公司" : "纪律己同批有限公司", Category = AwardCategory.Enterprise, Order = i + 1 }),
                app.Clock.GetUtcNow());
            round.CastVote("member-1", "审定委员甲", ids[0], ApprovalChoice.Approve, "", app.Clock.GetUtcNow());
            db.Add(round);
            await db.SaveChangesAsync();
        });

        var decision = await DisciplineKit.WithdrawAsync(app, ids[0]);

        Assert.Contains("撤出审定名单", DisciplineKit.Withdrawn(decision));
        var round = await app.WithDbAsync(db => db.Set<ApprovalRound>().AsNoTracking().SingleAsync());
        Assert.Equal([ids[1]], round.Items.Select(i => i.ApplicationId));
        Assert.DoesNotContain(round.Votes, v => v.ApplicationId == ids[0]);

        // Once awarded, withdrawing the qualification is refused: revocation of a title goes through a supervision case.
        await AwardPipelineKit.AwardAsync(app, [ids[1]]);
        await app.WithDbAsync(async db =>
        {
            var r = await db.Set<ApprovalRound>().SingleAsync();
            r.Decide(ids[1], true, "同意。");
            r.Finalise("office", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var api = await SupervisionKit.OfficeApiAsync(app);
        var refused = await api.PostAsJsonAsync("/api/discipline/sanctions",
            new { applicationId = ids[1], kind = "Withdrawal", source = "Other", reason = "获奖后发现申报材料造假。" });
        var leader = await SupervisionKit.LeaderApiAsync(app);
        var proposed = await SupervisionKit.JsonAsync(refused, HttpStatusCode.Created);
        var sid = proposed.GetProperty("id").GetGuid();
        var voted = await SupervisionKit.JsonAsync(await leader.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/votes",
            new { agree = true, reason = "查证属实。" }), HttpStatusCode.OK);
        var decide = await api.PostAsJsonAsync($"/api/discipline/sanctions/{sid}/decision",
            new { reason = "领导小组表决通过。", version = voted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, decide.StatusCode);
        Assert.Contains("获奖后监督", await decide.Content.ReadAsStringAsync());
        Assert.Equal(ApplicationStatus.Qualified, (await DisciplineKit.ApplicationAsync(app, ids[1])).Status);
    }
}
