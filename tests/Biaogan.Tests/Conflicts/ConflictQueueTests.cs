using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Conflicts;

/// <summary>The office's queue over HTTP: scan, confirm (seats end), dismiss (with a reason, not raised again), rules.</summary>
public class ConflictQueueTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Guid ApplicationId, string Uscc)> ApplicationAsync(string orgName)
    {
        var uscc = Cast.NextUscc();
        var applicant = await Cast.ApplicantAsync(app, orgName, uscc);
        var recommender = await Cast.RecommenderAsync(app, "推荐单位（" + orgName + "）");
        return (await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender), uscc);
    }

    private async Task<FormResult> ScanAsync(PageClient office) =>
        await office.SubmitAsync("/Conflicts", new Dictionary<string, string?>(), formSelector: "#scan-form");

    private static Task<FormResult> DecideAsync(PageClient office, Guid caseId, string handler, string? reason) =>
        office.GetAsync("/Conflicts?Status=Pending").ContinueWith(async page =>
            await office.SubmitAsync(await page, new Dictionary<string, string?> { ["Reason"] = reason },
                formSelector: $"#case-{caseId} form", submit: handler)).Unwrap();

    [Fact]
    public async Task A_scan_files_a_case_once_and_a_dismissed_case_is_not_raised_again()
    {
        var (appId, uscc) = await ApplicationAsync("华东甲公司（扫描）");
        var (_, reviewerId) = await ConflictsTestKit.ReviewerAtAsync(app, "吴扫描", "华东甲公司", uscc, 2020, null);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var first = await ScanAsync(office);
        Assert.Contains("新发现", first.Text);
        var c = Assert.Single(await ConflictsTestKit.CasesAsync(app, appId), x => x.ReviewerId == reviewerId);
        Assert.Equal((ConflictSource.Employment, ConflictStatus.Pending), (c.Source, c.Status));
        Assert.Contains("统一社会信用代码一致", c.Evidence);
        Assert.True(await app.WithDbAsync(db => ConflictQueries.IsBlockedAsync(db, reviewerId, appId, CancellationToken.None)));

        await ScanAsync(office);
        Assert.Single(await ConflictsTestKit.CasesAsync(app, appId), x => x.ReviewerId == reviewerId);

        var dismissed = await DecideAsync(office, c.Id, "Dismiss", "同名单位，已电话核实并非同一人");
        Assert.Contains("已排除该误报", dismissed.Text);
        await ScanAsync(office);
        var after = Assert.Single(await ConflictsTestKit.CasesAsync(app, appId), x => x.ReviewerId == reviewerId);
        Assert.Equal(ConflictStatus.Dismissed, after.Status);
        Assert.Equal("同名单位，已电话核实并非同一人", after.DecisionReason);
        Assert.False(await app.WithDbAsync(db => ConflictQueries.IsBlockedAsync(db, reviewerId, appId, CancellationToken.None)));
    }

    [Fact]
    public async Task Dismissing_without_a_reason_is_refused_with_a_message_and_the_case_stays_pending()
    {
        var (appId, uscc) = await ApplicationAsync("华东乙公司（无理由）");
        var (_, reviewerId) = await ConflictsTestKit.ReviewerAtAsync(app, "郑无由", "华东乙公司", uscc, 2024, null);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        await ScanAsync(office);
        var c = (await ConflictsTestKit.CasesAsync(app, appId)).Single(x => x.ReviewerId == reviewerId);

        var result = await DecideAsync(office, c.Id, "Dismiss", "");
        Assert.Contains(result.Errors, e => e.Contains("请填写理由"));
        Assert.Equal(ConflictStatus.Pending, (await ConflictsTestKit.CasesAsync(app, appId)).Single(x => x.Id == c.Id).Status);
    }

    [Fact]
    public async Task Confirming_a_conflict_ends_the_pairs_active_seats_with_the_reason()
    {
        var (appId, uscc) = await ApplicationAsync("华东丙公司（确认）");
        var (_, reviewerId) = await ConflictsTestKit.ReviewerAtAsync(app, "冯确认", "华东丙公司", uscc, 2019, 2024);
        var seatId = await ConflictsTestKit.SeatAsync(app, appId, reviewerId);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        await ScanAsync(office);
        var c = (await ConflictsTestKit.CasesAsync(app, appId)).Single(x => x.ReviewerId == reviewerId);

        var result = await DecideAsync(office, c.Id, "Confirm", "2024 年前在该公司任职");
        Assert.Contains("撤出该申报的 1 个专家组席位", result.Text);
        var seat = await ConflictsTestKit.LoadSeatAsync(app, seatId);
        Assert.Equal(MemberStatus.Removed, seat.Status);
        Assert.Contains("利益冲突已确认（任职）：2024 年前在该公司任职", seat.EndReason);
        Assert.Equal(ConflictStatus.Confirmed, (await ConflictsTestKit.CasesAsync(app, appId)).Single(x => x.Id == c.Id).Status);
    }

    [Fact]
    public async Task A_rule_turned_off_on_the_rules_page_is_not_applied_by_the_next_scan()
    {
        // Its own cycle-wide rule change would disturb the other tests of this class: check on a fresh pool by group name.
        var (appId, _) = await ApplicationAsync("华北丁电力有限公司（规则）");
        await app.WithDbAsync(async db =>
        {
            var orgId = await db.Set<Biaogan.Web.Features.Applications.Application>().Where(a => a.Id == appId).Select(a => a.OrganizationId).SingleAsync();
            (await db.Set<Organization>().SingleAsync(o => o.Id == orgId)).GroupName = "中国丁集团（规则）";
            await db.SaveChangesAsync();
        });
        var (_, reviewerId) = await ConflictsTestKit.ReviewerAtAsync(app, "陈集团", "中国丁集团（规则）有限公司", null, 2022, null);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var rules = await office.GetAsync("/Conflicts/Rules");
        Assert.Contains("回避年限", PageClient.Text(rules));
        var index = Enumerable.Range(0, 5).Single(i => rules.QuerySelector($"input[name='Rules[{i}].Kind']")?.GetAttribute("value") == "EnterpriseGroup");
        var saved = await office.SubmitAsync(rules, new Dictionary<string, string?> { [$"Rules[{index}].Enabled"] = "false" }, formSelector: "#rules-form");
        Assert.Contains("回避规则已保存", saved.Text);
        await ScanAsync(office);
        Assert.DoesNotContain(await ConflictsTestKit.CasesAsync(app, appId), x => x.ReviewerId == reviewerId);

        rules = await office.GetAsync("/Conflicts/Rules");
        await office.SubmitAsync(rules, new Dictionary<string, string?> { [$"Rules[{index}].Enabled"] = "true" }, formSelector: "#rules-form");
        await ScanAsync(office);
        var c = Assert.Single(await ConflictsTestKit.CasesAsync(app, appId), x => x.ReviewerId == reviewerId);
        Assert.Equal(ConflictSource.EnterpriseGroup, c.Source);
    }

    [Fact]
    public async Task A_relation_the_reviewer_declares_is_found_by_the_scan()
    {
        var (appId, _) = await ApplicationAsync("华南戊咨询对象有限公司");
        var (persona, reviewerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "褚咨询");
        var reviewer = await Cast.SignInAsync(app, persona);
        var declared = await reviewer.SubmitAsync("/Conflicts/Relations", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Consulting", ["Input.OrganizationName"] = "华南戊咨询对象公司", ["Input.Description"] = "提供卓越绩效咨询",
            ["Input.FromYear"] = "2024", ["Input.ToYear"] = "2025",
        }, formSelector: "#relation-form");
        Assert.Contains("已申报", declared.Text);
        Assert.Contains("提供卓越绩效咨询", declared.Text);

        await ScanAsync(await Cast.SignInAsync(app, await Cast.OfficeAsync(app)));
        var c = Assert.Single(await ConflictsTestKit.CasesAsync(app, appId), x => x.ReviewerId == reviewerId);
        Assert.Equal(ConflictSource.Consulting, c.Source);
    }

    [Fact]
    public async Task A_consulting_relation_without_years_is_refused_with_a_message()
    {
        var (persona, _) = await ReviewersTestKit.AppointedReviewerAsync(app, "卫无年");
        var reviewer = await Cast.SignInAsync(app, persona);
        var result = await reviewer.SubmitAsync("/Conflicts/Relations", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Consulting", ["Input.OrganizationName"] = "某公司", ["Input.Description"] = "咨询",
        }, formSelector: "#relation-form");
        Assert.Contains(result.Errors, e => e.Contains("咨询服务请填写起始年份"));
    }

    [Fact]
    public async Task The_scan_leaves_out_drafts_and_reviewers_who_are_not_appointed()
    {
        var uscc = Cast.NextUscc();
        var applicant = await Cast.ApplicantAsync(app, "华中己公司（草稿）", uscc);
        var draftId = await ApplicationsBuilders.DraftAsync(app, applicant);
        var (submittedId, otherUscc) = await ApplicationAsync("华中庚公司（候选）");
        await ConflictsTestKit.ReviewerAtAsync(app, "何草稿", "华中己公司", uscc, 2020, null);
        var candidate = ReviewersBuilders.Eligible("吕候选");
        candidate.AddWorkPeriod("华中庚公司", otherUscc, 2020, null, "质量经理", Biaogan.Web.Features.Reviewers.WorkField.QualityManagement, 2026);
        await ReviewersTestKit.SaveAsync(app, candidate);

        var cycleId = await ConflictsTestKit.CycleIdAsync(app);
        var result = await app.WithDbAsync(db => ConflictScan.RunAsync(db, cycleId, app.Clock));
        Assert.True(result.PairsEvaluated > 0);
        Assert.Empty(await ConflictsTestKit.CasesAsync(app, draftId));
        Assert.DoesNotContain(await ConflictsTestKit.CasesAsync(app, submittedId), c => c.ReviewerId == candidate.Id);
    }
}
