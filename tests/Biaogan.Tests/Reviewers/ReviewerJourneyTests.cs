using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Reviewers;

/// <summary>第十一、十二条 over HTTP: the office builds a candidate, the person fills in their profile, the leading group appoints.</summary>
public class ReviewerJourneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_candidate_is_created_invited_completes_the_profile_and_is_appointed_by_the_leading_group()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var email = AccountsTestKit.NewEmail("pool");

        // 1. The office creates the candidate; no account exists yet.
        var created = await office.SubmitAsync("/Reviewers/Create", new Dictionary<string, string?>
        {
            ["Input.Name"] = "吴评审", ["Input.Email"] = email, ["Input.Phone"] = "13911112222",
        });
        Assert.Empty(created.Errors);
        Assert.StartsWith("/Reviewers/Details/", created.Path);
        Assert.Contains("已为 吴评审 建立候选档案", created.Text);
        Assert.Contains("未开通账号", created.Page.QuerySelector("#account")!.TextContent);
        var id = Guid.Parse(created.Path.Split('/').Last());

        // 2. The office invites the candidate through the Accounts feature; the person accepts.
        var invited = await office.SubmitAsync(created.Page, new Dictionary<string, string?>(), "#invite-form");
        Assert.Contains("已向", invited.Text);
        Assert.Contains("已邀请，待本人激活", invited.Page.QuerySelector("#account")!.TextContent);
        var mail = await Messages.LatestMailAsync(app, email, DefaultTemplates.Invitation);
        var accept = Cast.Anonymous(app);
        var acceptPage = await accept.GetAsync(Messages.LinkIn(mail));
        await accept.SubmitAsync(acceptPage, new Dictionary<string, string?>
        {
            ["Input.Name"] = "吴评审", ["Password.Password"] = AccountsTestKit.NewPassword, ["Password.ConfirmPassword"] = AccountsTestKit.NewPassword,
        });
        var (reviewer, _) = await Cast.LogInAsync(app, email, AccountsTestKit.NewPassword);

        // 3. The reviewer sees their own page and fills in education, expertise, trainings and work history.
        var me = PageClient.Text(await reviewer.GetAsync("/Reviewers/Me"));
        Assert.Contains("候选", me);
        Assert.Contains("暂无评审任务", me);
        var saved = await reviewer.SubmitAsync("/Reviewers/Edit", new Dictionary<string, string?>
        {
            ["Background.EducationLevel"] = "Master", ["Background.Institution"] = "浙江大学", ["Background.Major"] = "管理科学与工程",
            ["Background.GraduationYear"] = "2006", ["Background.Industries"] = "C", ["Background.ProvinceCode"] = "33",
            ["Background.AwardReviewExperience"] = "true",
        }, "#profile-form");
        Assert.Empty(saved.Errors);
        Assert.Equal("/Reviewers/Me", saved.Path);
        Assert.Contains("浙江省", saved.Text);

        var withTraining = await reviewer.SubmitAsync("/Reviewers/Records", new Dictionary<string, string?>
        {
            ["Training.Kind"] = "EvaluationStandard", ["Training.CompletedOn"] = "2025-04-18", ["Training.Provider"] = "中国质量协会",
            ["Training.CertificateNumber"] = "CAQ-CRM-2025-031",
        }, "#training-form", files: [new UploadFile("certificate", "证书.pdf", ReviewersTestKit.Pdf, "application/pdf")]);
        Assert.Empty(withTraining.Errors);
        Assert.Contains("已添加培训记录", withTraining.Text);
        await reviewer.SubmitAsync(withTraining.Page, new Dictionary<string, string?>
        {
            ["Training.Kind"] = "ReviewMethod", ["Training.CompletedOn"] = "2025-05-20", ["Training.Provider"] = "中国质量协会",
        }, "#training-form");
        var withWork = await reviewer.SubmitAsync("/Reviewers/Records", new Dictionary<string, string?>
        {
            ["Work.EmployerName"] = "杭州标杆电子有限公司", ["Work.EmployerUscc"] = Cast.NextUscc(), ["Work.FromYear"] = "2012",
            ["Work.ToYear"] = "", ["Work.Title"] = "客户服务部总监", ["Work.Field"] = "CustomerRelations",
        }, "#work-form");
        Assert.Empty(withWork.Errors);
        Assert.Contains("14 年", withWork.Page.QuerySelector("#experience-years")!.TextContent);

        var certificate = await app.WithDbAsync(db => db.Set<StoredFile>().AsNoTracking().SingleAsync(f => f.OwnerId == id));
        Assert.Equal("ReviewerProfile", certificate.OwnerType);
        var download = await reviewer.Http.GetAsync($"/Reviewers/Files/{certificate.Id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);

        // 4. The office judges item (一) and puts the candidate before the leading group.
        var details = await office.GetAsync($"/Reviewers/Details/{id}");
        Assert.Contains("1项待判定", details.QuerySelector("#eligibility-summary")!.TextContent);
        var judged = await office.SubmitAsync(details, new Dictionary<string, string?>
        {
            ["Judgement.Met"] = "true", ["Judgement.Note"] = "经所在单位出具意见，认真贯彻执行方针政策，熟悉质量法规。",
        }, "#judge-Conduct");
        Assert.Empty(judged.Errors);
        Assert.Contains("符合全部6项", judged.Page.QuerySelector("#eligibility-summary")!.TextContent);
        var nominated = await office.SubmitAsync(judged.Page, new Dictionary<string, string?> { ["NominationNote"] = "拟安排制造业评审" }, "#nominate-form");
        Assert.Contains("已提请领导小组审议", nominated.Text);

        // 5. The leading group appoints with the default term of three years.
        var leader = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "周领导", Roles.LeadingGroup));
        var decisions = await leader.GetAsync("/Reviewers/Decisions");
        Assert.Contains("办公室已提请审议", decisions.QuerySelector($"#c-{id}")!.TextContent);
        var appointed = await leader.SubmitAsync(decisions, new Dictionary<string, string?> { ["Input.Note"] = "领导小组2026年第4次会议" }, $"#appoint-{id}");
        Assert.Empty(appointed.Errors);
        Assert.Contains("已聘用 吴评审 为评审员，任期 2026年11月27日 至 2029年11月26日", appointed.Text);

        var profile = await ReviewersTestKit.LoadAsync(app, id);
        Assert.Equal(ReviewerStatus.Appointed, profile.Status);
        Assert.Equal(new DateOnly(2029, 11, 26), profile.TermEndsOn);
        Assert.Equal("周领导", profile.AppointedBy);
        Assert.Contains(id, (await app.WithDbAsync(db => ReviewerPool.AvailableAsync(db, ReviewersBuilders.Today))).Select(p => p.Id));

        var mine = await reviewer.GetAsync("/Reviewers/Me");
        Assert.Contains("已聘用（任期至2029年11月26日）", mine.QuerySelector("#standing")!.TextContent);

        // Everything above is in the audit trail, with who did it.
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.SubjectType == "ReviewerProfile" && a.SubjectId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == "建立评审员候选档案" && a.ActorName == "赵丙");
        Assert.Contains(audit, a => a.Action == "关联评审员账号");
        Assert.Contains(audit, a => a.Action == "修改学历、行业专长、地区等档案信息" && a.ActorName == "吴评审");
        Assert.Contains(audit, a => a.Action.StartsWith("添加培训记录：T/CAQ 10301") && a.ActorName == "吴评审");
        Assert.Contains(audit, a => a.Action.StartsWith("添加工作经历"));
        Assert.Contains(audit, a => a.Action == "判定（一）政治与法规：符合");
        Assert.Contains(audit, a => a.Action == "提请领导小组审议聘用");
        Assert.Contains(audit, a => a.Action.StartsWith("聘用为评审员") && a.ActorName == "周领导");
    }

    [Fact]
    public async Task The_leading_group_is_told_why_a_candidate_cannot_be_appointed_and_may_decline_with_a_reason()
    {
        var (_, id) = await ReviewersTestKit.ReviewerAsync(app, "郑候选", (n, e, u) =>
        {
            var p = ReviewersBuilders.Candidate(n, e);
            p.LinkAccount(u);
            return p;
        });
        var leader = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "冯领导", Roles.LeadingGroup));
        var refused = await leader.SubmitAsync("/Reviewers/Decisions", new Dictionary<string, string?>(), $"#appoint-{id}");
        Assert.Contains(refused.Errors, e => e.Contains("第十二条") && e.Contains("（二）教育水平不符合"));
        Assert.Equal(ReviewerStatus.Candidate, (await ReviewersTestKit.LoadAsync(app, id)).Status);

        var declined = await leader.SubmitAsync(refused.Page, new Dictionary<string, string?> { ["Input.Reason"] = "学历和培训条件不具备" }, $"#decline-{id}");
        Assert.Empty(declined.Errors);
        Assert.Contains("已记录暂不聘用 郑候选 的决定", declined.Text);
        Assert.Equal("学历和培训条件不具备", (await ReviewersTestKit.LoadAsync(app, id)).DeclineReason);
    }

    [Fact]
    public async Task The_office_records_a_warning_then_revokes_and_the_reviewer_sees_both()
    {
        var (persona, id) = await ReviewersTestKit.AppointedReviewerAsync(app, "陈纪律");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var warned = await office.SubmitAsync($"/Reviewers/Sanctions/{id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Warning", ["Input.DecidedOn"] = "2026-11-27", ["Input.Reason"] = "未按时提交资料评审意见",
        }, "#sanction-form");
        Assert.Empty(warned.Errors);
        Assert.Contains("已记录对 陈纪律 的警告处分", warned.Text);
        Assert.Equal(ReviewerStatus.Appointed, (await ReviewersTestKit.LoadAsync(app, id)).Status);

        var noReason = await office.SubmitAsync($"/Reviewers/Sanctions/{id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Revocation", ["Input.Reason"] = "",
        }, "#sanction-form");
        Assert.Contains(noReason.Errors, e => e.Contains("请填写处分理由"));

        var revoked = await office.SubmitAsync(noReason.Page, new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Revocation", ["Input.Reason"] = "向申报组织泄露评审意见",
        }, "#sanction-form");
        Assert.Empty(revoked.Errors);
        Assert.Contains("已撤销 陈纪律 的评审员资格", revoked.Text);

        var profile = await ReviewersTestKit.LoadAsync(app, id);
        Assert.Equal(ReviewerStatus.Revoked, profile.Status);
        Assert.Equal([SanctionKind.Warning, SanctionKind.Revocation], profile.Sanctions.OrderBy(s => s.RecordedAt).Select(s => s.Kind));
        Assert.DoesNotContain(id, (await app.WithDbAsync(db => ReviewerPool.AvailableAsync(db, ReviewersBuilders.Today))).Select(p => p.Id));

        var reviewer = await Cast.SignInAsync(app, persona);
        var me = await reviewer.GetAsync("/Reviewers/Me");
        var sanctions = me.QuerySelector("#sanctions")!.TextContent;
        Assert.Contains("警告", sanctions);
        Assert.Contains("撤销评审员资格", sanctions);
        Assert.Null(me.QuerySelector("#edit-link"));

        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("给予警告处分", audit);
        Assert.Contains("撤销评审员资格", audit);
    }

    [Fact]
    public async Task Suspending_and_reinstating_move_the_reviewer_out_of_and_back_into_the_available_pool()
    {
        var (_, id) = await ReviewersTestKit.AppointedReviewerAsync(app, "褚暂停");
        var leader = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "卫领导", Roles.LeadingGroup));
        var suspended = await leader.SubmitAsync($"/Reviewers/Sanctions/{id}", new Dictionary<string, string?>
        {
            ["SuspensionReason"] = "收到申报组织投诉，正在核实",
        }, "#suspend-form");
        Assert.Empty(suspended.Errors);
        Assert.Contains("暂停", suspended.Page.QuerySelector("#standing")!.TextContent);
        Assert.DoesNotContain(id, (await app.WithDbAsync(db => ReviewerPool.AvailableAsync(db, ReviewersBuilders.Today))).Select(p => p.Id));

        var back = await leader.SubmitAsync($"/Reviewers/Sanctions/{id}", new Dictionary<string, string?>(), "#reinstate-form");
        Assert.Empty(back.Errors);
        Assert.Contains(id, (await app.WithDbAsync(db => ReviewerPool.AvailableAsync(db, ReviewersBuilders.Today))).Select(p => p.Id));
    }
}
