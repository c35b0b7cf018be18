using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Discipline;

/// <summary>
/// 第二十八条: a revoked or suspended reviewer's open seats end at once, the office is asked (站内信, e-mail and the 待办 page)
/// to refill them, and the refill runs through the same plan → preview → apply engine; the to-do item goes once it is done.
/// </summary>
public class ReviewerStandDownTests
{
    [Fact]
    public async Task A_revoked_reviewers_seats_end_the_office_is_asked_to_refill_them_and_a_gap_plan_refills_them()
    {
        await using var app = new AppFactory();
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2, maxGroups: 2);
        var apps = new List<Guid>();
        foreach (var name in new[] { "撤销甲电器有限公司", "撤销乙家电股份公司" }) apps.Add(await AssignmentTestKit.QualifiedAsync(app, name));
        var reviewers = new List<TestReviewer>
        {
            await AssignmentTestKit.ReviewerAsync(app, "钱撤一", "北京一号质量咨询公司", "11", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "孙撤二", "上海二号检测公司", "31", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "李撤三", "广州三号研究院", "44", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "周撤四", "北京四号大学", "11", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "吴撤五", "江苏五号集团", "32", leader: true),
        };
        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));
        var job = await AssignmentTestKit.RunAsync(office, cycle.Id, JobKind.Full);
        var preview = await office.Http.GetFromJsonAsync<AssignmentApi.PreviewDto>($"/api/assignment/plans/{job.PlanId}");
        Assert.Equal(HttpStatusCode.OK, (await (await office.ApiAsync()).PostAsJsonAsync($"/api/assignment/plans/{job.PlanId}/apply", new { version = preview!.Plan.Version })).StatusCode);
        var seats = await AssignmentTestKit.SeatsAsync(app, cycle.Id);
        var revoked = reviewers.First(r => seats.Values.Any(s => s.Reviewers.Contains(r.ProfileId)));
        var held = seats.Count(s => s.Value.Reviewers.Contains(revoked.ProfileId));
        Assert.DoesNotContain("待补充的专家组席位", PageClient.Text(await office.GetAsync("/Progress/Todo")));

        // The office (or the leading group) revokes the reviewer on the sanctions page.
        var result = await office.SubmitAsync($"/Reviewers/Sanctions/{revoked.ProfileId}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Revocation", ["Input.DecidedOn"] = "2026-11-27", ["Input.Reason"] = "收受申报组织礼金，违反评审纪律。",
        }, "form#sanction-form");
        Assert.Empty(result.Errors);
        Assert.Contains("其尚未完成的专家组席位已结束", result.Text);

        var after = await AssignmentTestKit.SeatsAsync(app, cycle.Id);
        Assert.DoesNotContain(after.Values, s => s.Reviewers.Contains(revoked.ProfileId));
        var ended = await app.WithDbAsync(db => db.Set<GroupMember>().AsNoTracking().Where(m => m.ReviewerId == revoked.ProfileId).ToListAsync());
        Assert.All(ended, m => Assert.Equal("评审员资格撤销：收受申报组织礼金，违反评审纪律。", m.EndReason));
        var mail = Assert.Single(await OutcomeNoticesKit.MailsAsync(app, DefaultTemplates.DisciplineSeatsToRefill));
        Assert.Contains($"{held} 个专家组席位已结束", mail.Body);
        Assert.Contains("生成方案 → 预览 → 应用", mail.Body);
        var todo = await office.GetAsync("/Progress/Todo");
        var item = todo.QuerySelectorAll("li, tr").First(e => e.TextContent.Contains("待补充的专家组席位"));
        if (held > 1) Assert.Equal(held.ToString(), item.QuerySelector(".badge")?.TextContent);
        Assert.NotNull(item.QuerySelector("a[href='/Assignment']"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        // Refilled with the gap plan: the revoked reviewer is not chosen again, and the to-do item is gone.
        var gap = await AssignmentTestKit.RunAsync(office, cycle.Id, JobKind.Gaps);
        var gapPreview = await office.Http.GetFromJsonAsync<AssignmentApi.PreviewDto>($"/api/assignment/plans/{gap.PlanId}");
        Assert.All(gapPreview!.Changes, c => Assert.DoesNotContain(revoked.ProfileId, c.Added));
        Assert.Equal(HttpStatusCode.OK, (await (await office.ApiAsync()).PostAsJsonAsync($"/api/assignment/plans/{gap.PlanId}/apply", new { version = gapPreview.Plan.Version })).StatusCode);
        Assert.All((await AssignmentTestKit.SeatsAsync(app, cycle.Id)).Values, s => Assert.Equal(2, s.Reviewers.Count));
        Assert.DoesNotContain("待补充的专家组席位", PageClient.Text(await office.GetAsync("/Progress/Todo")));
    }

    [Fact]
    public async Task A_suspended_reviewers_open_seats_end_with_the_suspension_reason()
    {
        await using var app = new AppFactory();
        var id = await AssignmentTestKit.QualifiedAsync(app, "暂停甲有限公司");
        var r = await AssignmentTestKit.ReviewerAsync(app, "郑暂停", "浙江六号公司", "33");
        await OnSiteTestKit.TeamAsync(app, id, [r.ProfileId]);
        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));

        var result = await office.SubmitAsync($"/Reviewers/Sanctions/{r.ProfileId}",
            new Dictionary<string, string?> { ["SuspensionReason"] = "涉嫌泄露评审信息，调查期间暂停。" }, "form#suspend-form");

        Assert.Empty(result.Errors);
        var seat = await app.WithDbAsync(db => db.Set<GroupMember>().AsNoTracking().SingleAsync(m => m.ReviewerId == r.ProfileId));
        Assert.Equal(MemberStatus.Removed, seat.Status);
        Assert.Equal("评审员资格暂停：涉嫌泄露评审信息，调查期间暂停。", seat.EndReason);
        Assert.Contains("郑暂停", Assert.Single(await OutcomeNoticesKit.MailsAsync(app, DefaultTemplates.DisciplineSeatsToRefill)).Subject);
    }
}
