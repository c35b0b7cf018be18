using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Assignment;

/// <summary>Manual edits make new plans whose broken rules are shown before applying; what may never be applied is refused.</summary>
public class ManualEditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string?> Edit(EditKind kind, Guid application, Guid reviewer) => new()
    {
        ["Kind"] = kind.ToString(), ["ApplicationId"] = application.ToString(), ["ReviewerId"] = reviewer.ToString(),
    };

    [Fact]
    public async Task A_conflicted_pair_is_shown_and_never_applied_and_an_over_capacity_seat_needs_a_reason()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2, maxGroups: 1);
        var first = await AssignmentTestKit.QualifiedAsync(app, "手工甲有限公司");
        var second = await AssignmentTestKit.QualifiedAsync(app, "手工乙有限公司");
        var conflicted = await AssignmentTestKit.ReviewerAsync(app, "冯冲突", "冲突咨询公司", "11", leader: true);
        var leader = await AssignmentTestKit.ReviewerAsync(app, "陈组长", "陈氏研究院", "31", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "褚组员", "褚氏大学", "44");
        var spare = await AssignmentTestKit.ReviewerAsync(app, "卫备用", "卫氏公司", "32");
        await app.WithDbAsync(async db =>
        {
            db.Add(new ConflictCase(cycle.Id, first, conflicted.ProfileId, ConflictSource.Employment, "2024 年起在该组织担任顾问", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));

        var edit = await office.SubmitAsync($"/Assignment?cycleId={cycle.Id}", new Dictionary<string, string?>(), "form[action*='Manual']");
        Assert.Matches("^/Assignment/Plans/[0-9a-f-]+/Edit$", edit.Path);

        // Seating the conflicted reviewer makes a new plan that lists the conflict as a rule that may not be broken.
        edit = await office.SubmitAsync(edit.Page, Edit(EditKind.Add, first, conflicted.ProfileId));
        var rules = edit.Page.QuerySelector("#rules")!.TextContent;
        Assert.Contains("不得执行", rules);
        Assert.Contains("冯冲突与「手工甲有限公司」存在利益冲突", rules);
        var planId = edit.Path.Split('/')[3];
        var preview = await office.GetAsync($"/Assignment/Plans/{planId}");
        Assert.Contains("不得执行", PageClient.Text(preview));
        Assert.Null(preview.QuerySelector("button[formaction*='Apply']"));

        // Taking the pair out again, then filling both groups with one reviewer in two groups (cap 1).
        edit = await office.SubmitAsync(edit.Page, Edit(EditKind.Remove, first, conflicted.ProfileId));
        edit = await office.SubmitAsync(edit.Page, Edit(EditKind.Add, first, leader.ProfileId));
        edit = await office.SubmitAsync(edit.Page, Edit(EditKind.Add, first, member.ProfileId));
        edit = await office.SubmitAsync(edit.Page, Edit(EditKind.SetLeader, first, leader.ProfileId));
        edit = await office.SubmitAsync(edit.Page, Edit(EditKind.Add, second, leader.ProfileId));
        edit = await office.SubmitAsync(edit.Page, Edit(EditKind.Add, second, spare.ProfileId));
        Assert.Empty(edit.Errors);
        rules = edit.Page.QuerySelector("#rules")!.TextContent;
        Assert.Contains("负荷上限", rules);
        Assert.Contains("评审员陈组长被分到 2 个专家组，超过其负荷上限 1 个", rules);
        Assert.DoesNotContain("不得执行", rules.Split("“不得执行”")[0]);

        planId = edit.Path.Split('/')[3];
        preview = await office.GetAsync($"/Assignment/Plans/{planId}");
        var refused = await office.SubmitAsync(preview, new Dictionary<string, string?> { ["Reason"] = "" }, submit: "Apply");
        Assert.Contains("请填写执行理由", string.Join(" ", refused.Errors));
        Assert.Empty(await AssignmentTestKit.SeatsAsync(app, cycle.Id));

        var applied = await office.SubmitAsync(refused.Page, new Dictionary<string, string?> { ["Reason"] = "陈组长熟悉两家企业所在行业，经主任同意兼任。" }, submit: "Apply");
        Assert.Contains("方案已执行", applied.Text);
        var seats = await AssignmentTestKit.SeatsAsync(app, cycle.Id);
        Assert.Equal(leader.ProfileId, seats[first].Leader);
        Assert.Equal(2, seats[second].Reviewers.Count);
        var plan = await app.WithDbAsync(db => db.Set<AssignmentPlan>().AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(planId)));
        Assert.Equal(PlanStatus.Applied, plan.Status);
        Assert.Equal("陈组长熟悉两家企业所在行业，经主任同意兼任。", plan.OverrideReason);
        Assert.Equal(PlanSource.Manual, plan.Source);
    }
}
