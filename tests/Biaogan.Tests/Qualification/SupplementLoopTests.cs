using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Qualification;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Qualification;

/// <summary>
/// The 补正 loop over two rounds on the real working-day calendar. One test per class: the clock only
/// moves forward, so each clock-moving scenario has a fixture of its own.
/// </summary>
public class SupplementLoopTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly HolidayTable Calendar = HolidayCnData.EmbeddedTable();

    [Fact]
    public async Task Two_rounds_of_supplements_with_working_day_deadlines_then_a_pass()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var office = await Cast.OfficeAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);
        await rec.SubmitAsync($"/Recommendations/Review/{id}", new Dictionary<string, string?> { ["Opinion"] = "同意推荐。" },
            "#recommend-form", files: [new UploadFile("Letter", "推荐函.pdf", SampleFiles.Pdf(), "application/pdf")]);
        var off = await Cast.SignInAsync(app, office);
        var org = await Cast.SignInAsync(app, applicant);

        // Round 1 on Friday 2026-11-27: ten working days counted from Monday 11-30 end on Friday 12-11.
        Assert.Equal(new DateOnly(2026, 12, 11), Calendar.AddWorkdays(new DateOnly(2026, 11, 27), 10, countStart: false).End);
        var round1 = await off.SubmitAsync($"/Qualification/Review/{id}", new Dictionary<string, string?>
        {
            ["Outcome"] = "Supplement", ["Reasons"] = "1. 补充2024年测评机构资质证书；\n2. 重新上传清晰的声明书。",
            ["Items[2].Verdict"] = "NeedsSupplement", ["Items[2].Note"] = "测评机构资质证明缺失",
        });
        Assert.Empty(round1.Errors);
        Assert.Contains("已要求第1轮补正，期限 2026年12月11日（周五），10个工作日", round1.Text);
        Assert.Contains(await Messages.InboxAsync(app, applicant), t => t.Contains("请在 2026年12月11日（周五） 前补正申报材料"));

        var request = PageClient.Text(await org.GetAsync($"/Qualification/Supplement/{id}"));
        Assert.Contains("第 1 轮补正要求", request);
        Assert.Contains("补充2024年测评机构资质证书", request);
        Assert.Contains("2026年12月11日（周五），10个工作日", request);
        Assert.Contains("测评机构资质证明缺失", request);
        Assert.Contains($"/Applications/Edit/{id}", (await org.GetAsync($"/Qualification/Supplement/{id}")).Body!.InnerHtml);

        var resubmitted = await org.SubmitAsync($"/Qualification/Supplement/{id}", new Dictionary<string, string?>());
        Assert.Empty(resubmitted.Errors);
        Assert.Contains("已提交第1轮补正材料", resubmitted.Text);
        Assert.Equal(ApplicationStatus.AwaitingQualification, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        Assert.Contains(await Messages.InboxAsync(app, office), t => t.Contains("已提交补正材料"));

        // Round 2 on Thursday 2026-12-24: the window runs into 2027, whose holiday notice is not published.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.FromHours(8)));
        off = await Cast.SignInAsync(app, office); // sign in again: the session cookie ends after 8 hours
        var expected = Calendar.AddWorkdays(new DateOnly(2026, 12, 24), 10, countStart: false);
        Assert.Equal(new DateOnly(2027, 1, 7), expected.End);
        Assert.False(expected.Confirmed);
        var form = await off.GetAsync($"/Qualification/Review/{id}");
        Assert.Contains("2027年1月7日（周四），10个工作日", PageClient.Text(form));
        Assert.Contains("未确认", PageClient.Text(form));
        var round2 = await off.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Outcome"] = "Supplement", ["Reasons"] = "资质证书已过期，请上传有效期内的证书。", ["Items[2].Verdict"] = "NeedsSupplement",
        });
        Assert.Empty(round2.Errors);
        var a = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.Equal(2, a.SupplementRound);
        Assert.Equal(new DateOnly(2027, 1, 7), a.SupplementDeadline);
        Assert.False(a.SupplementDeadlineConfirmed);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 9, 0, 0, TimeSpan.FromHours(8)));
        (off, org) = (await Cast.SignInAsync(app, office), await Cast.SignInAsync(app, applicant));
        Assert.Empty((await org.SubmitAsync($"/Qualification/Supplement/{id}", new Dictionary<string, string?>())).Errors);
        var passed = await off.SubmitAsync($"/Qualification/Review/{id}", new Dictionary<string, string?> { ["Outcome"] = "Pass" });
        Assert.Empty(passed.Errors);
        Assert.Contains("第3轮", passed.Text);

        var rounds = await app.WithDbAsync(db => db.Set<QualificationReview>().AsNoTracking().Where(r => r.ApplicationId == id).OrderBy(r => r.Round).ToListAsync());
        Assert.Equal([QualificationOutcome.Supplement, QualificationOutcome.Supplement, QualificationOutcome.Pass], rounds.Select(r => r.Outcome));
        Assert.All(rounds.Take(2), r => Assert.NotNull(r.ResubmittedAt));

        var history = PageClient.Text(await org.GetAsync($"/Qualification/Supplement/{id}"));
        Assert.Contains("申报已通过资格审查", history);
        foreach (var n in new[] { "第 1 轮", "第 2 轮", "第 3 轮" }) Assert.Contains(n, history);
        Assert.Contains("2026年12月11日（周五），10个工作日", history);
        Assert.Contains("2027年1月7日（周四），10个工作日", history);
        Assert.DoesNotContain(office.Name, history); // the organisation sees the office, not the staff member
        Assert.Contains(office.Name, PageClient.Text(await off.GetAsync($"/Qualification/Review/{id}")));
    }
}

/// <summary>An organisation that lets the 补正 deadline pass may be failed; not before.</summary>
public class OverdueSupplementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_can_fail_an_application_only_after_its_supplement_deadline_has_passed()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);
        await rec.SubmitAsync($"/Recommendations/Review/{id}", new Dictionary<string, string?> { ["Opinion"] = "同意推荐。" },
            "#recommend-form", files: [new UploadFile("Letter", "推荐函.pdf", SampleFiles.Pdf(), "application/pdf")]);
        var office = await Cast.OfficeAsync(app);
        var off = await Cast.SignInAsync(app, office);
        await off.SubmitAsync($"/Qualification/Review/{id}", new Dictionary<string, string?>
        {
            ["Outcome"] = "Supplement", ["Reasons"] = "请补充证实性材料。", ["Items[5].Verdict"] = "NeedsSupplement",
        });

        // On the deadline day itself the organisation still has time.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 17, 0, 0, TimeSpan.FromHours(8)));
        off = await Cast.SignInAsync(app, office); // sign in again: the session cookie ends after 8 hours
        var onTime = await off.GetAsync($"/Qualification/Review/{id}");
        Assert.Contains("期限届满前不能作出结论", PageClient.Text(onTime));
        Assert.Null(onTime.QuerySelector("main form[method=post] button[type=submit]"));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(8)));
        off = await Cast.SignInAsync(app, office);
        var queue = await off.GetAsync("/Qualification");
        Assert.Contains("已逾期", PageClient.Text(queue));
        var page = await off.GetAsync($"/Qualification/Review/{id}");
        Assert.Contains("期限已届满", PageClient.Text(page));
        Assert.Null(page.QuerySelector("input[name=Outcome][value=Pass]"));
        var failed = await off.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Reasons"] = "逾期未提交补正材料。", ["Items[5].Verdict"] = "NotSatisfied",
        });
        Assert.Empty(failed.Errors);
        Assert.Equal(ApplicationStatus.Disqualified, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
        Assert.Contains("逾期未提交补正材料", PageClient.Text(await (await Cast.SignInAsync(app, applicant)).GetAsync($"/Qualification/Supplement/{id}")));
    }
}
