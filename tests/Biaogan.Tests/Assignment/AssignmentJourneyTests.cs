using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Assignment;

/// <summary>Plan → preview → apply from the solver, the reviewer's task list, a decline, and the re-run for the gap.</summary>
public class AssignmentJourneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_solves_previews_and_applies_then_a_decline_is_refilled_keeping_every_other_seat()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 3, maxGroups: 3);
        var apps = new List<Guid>();
        foreach (var name in new[] { "甲电器有限公司", "乙家电股份公司", "丙制造集团", "丁电子科技公司" })
            apps.Add(await AssignmentTestKit.QualifiedAsync(app, name));
        var reviewers = new List<TestReviewer>
        {
            await AssignmentTestKit.ReviewerAsync(app, "钱一", "北京一号质量咨询公司", "11", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "孙二", "上海二号检测公司", "31", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "李三", "广州三号研究院", "44", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "周四", "北京四号大学", "11"),
            await AssignmentTestKit.ReviewerAsync(app, "吴五", "江苏五号集团", "32"),
            await AssignmentTestKit.ReviewerAsync(app, "郑六", "浙江六号公司", "33", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "王七", "福建七号公司", "35"),
        };
        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));

        // The run form starts a background job and lands on its progress page.
        var started = await office.SubmitAsync($"/Assignment?cycleId={cycle.Id}", new Dictionary<string, string?>
        {
            ["Kind"] = "Full", ["TimeLimitSeconds"] = "5",
        });
        Assert.StartsWith("/Assignment/Jobs/", started.Path);
        Assert.True(started.Text.Contains("求解进度"), started.Text[..Math.Min(3000, started.Text.Length)]);
        var job = await AssignmentTestKit.WaitAsync(office, Guid.Parse(started.Path.Split('/').Last()));
        Assert.Equal("Finished", job.Status);
        Assert.NotNull(job.PlanId);
        Assert.NotNull(job.Objective);
        Assert.NotNull(job.Bound);

        var preview = await office.GetAsync($"/Assignment/Plans/{job.PlanId}");
        var text = PageClient.Text(preview);
        Assert.DoesNotContain("不得执行 1", text);
        Assert.Contains("与现有专家组的差异", text);
        Assert.Equal(4, preview.QuerySelectorAll("#changes tbody tr").Length);

        var applied = await office.SubmitAsync(preview, new Dictionary<string, string?>(), submit: "Apply");
        Assert.Contains("方案已执行：新增 12 个席位", applied.Text);
        var seats = await AssignmentTestKit.SeatsAsync(app, cycle.Id);
        Assert.Equal(4, seats.Count);
        Assert.All(seats.Values, s => Assert.Equal(3, s.Reviewers.Count));
        Assert.All(seats.Values, s => Assert.Contains(s.Leader!.Value, reviewers.Where((_, i) => i is 0 or 1 or 2 or 5).Select(r => r.ProfileId)));
        Assert.Equal(12, await AssignmentTestKit.OutboxCountAsync(app, AssignmentTemplates.Seated));

        // A reviewer sees their own seats with the link to the declaration; another reviewer never sees them.
        var (appId, seat) = seats.Select(kv => (kv.Key, kv.Value)).First();
        var decliner = reviewers.First(r => seat.Reviewers.Contains(r.ProfileId));
        var other = reviewers.First(r => !seat.Reviewers.Contains(r.ProfileId) && seats.Values.Any(s => s.Reviewers.Contains(r.ProfileId)));
        var memberId = await app.WithDbAsync(db => db.Set<GroupMember>().Where(m => m.ApplicationId == appId && m.ReviewerId == decliner.ProfileId).Select(m => m.Id).SingleAsync());
        var reviewerClient = await Cast.SignInAsync(app, decliner.Persona);
        var mine = await reviewerClient.GetAsync("/Assignment/Mine");
        Assert.NotNull(mine.QuerySelector($"a[href='/Conflicts/Declare/{memberId}']"));
        var otherClient = await Cast.SignInAsync(app, other.Persona);
        var othersTasks = await otherClient.Http.GetFromJsonAsync<List<ReviewerTask>>("/api/assignment/mine");
        Assert.DoesNotContain(othersTasks!, t => t.MemberId == memberId);
        Assert.DoesNotContain(memberId.ToString(), PageClient.Text(await otherClient.GetAsync("/Assignment/Mine")) + (await otherClient.GetAsync("/Assignment/Mine")).Body!.InnerHtml);
        var foreign = await (await otherClient.ApiAsync()).PostAsJsonAsync($"/api/assignment/seats/{memberId}/decline", new { reason = "想替别人谢绝" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // Once declared, the seat links to the score sheet with its due date (10 working days after declaring).
        var declaredSeat = await app.WithDbAsync(async db =>
        {
            var m = await db.Set<GroupMember>().FirstAsync(x => x.ReviewerId == other.ProfileId && x.Status == MemberStatus.Assigned);
            m.Declare("2026-1", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return m;
        });
        var declaredPage = await otherClient.GetAsync("/Assignment/Mine");
        Assert.NotNull(declaredPage.QuerySelector($"a[href='/DocumentReview/Sheet/{declaredSeat.ApplicationId}']"));
        Assert.Contains("2026年12月11日", PageClient.Text(declaredPage));

        // Declining needs a reason; with one, the seat ends and the office hears of it.
        var noReason = await reviewerClient.SubmitAsync("/Assignment/Mine", new Dictionary<string, string?> { ["Reason"] = "" }, $"form#decline-{memberId}");
        Assert.Contains("请填写谢绝的原因", string.Join(" ", noReason.Errors) + noReason.Text);
        var declined = await reviewerClient.SubmitAsync("/Assignment/Mine", new Dictionary<string, string?> { ["Reason"] = "本人近期出差，无法按期完成评审。" }, $"form#decline-{memberId}");
        Assert.Contains("已谢绝该评审任务", declined.Text);
        Assert.Equal(1, await AssignmentTestKit.OutboxCountAsync(app, AssignmentTemplates.Declined));
        var before = await AssignmentTestKit.SeatsAsync(app, cycle.Id);
        Assert.Equal(2, before[appId].Reviewers.Count);

        // The earlier solver plan was made against groups that have since changed: it is stale.
        var overview = PageClient.Text(await office.GetAsync($"/Assignment?cycleId={cycle.Id}"));
        Assert.Contains("本人近期出差", overview);

        // Re-run for the gap: one seat added, nothing removed, every other seat kept.
        var gapJob = await AssignmentTestKit.RunAsync(office, cycle.Id, JobKind.Gaps);
        Assert.NotNull(gapJob.PlanId);
        var gapPreview = await office.Http.GetFromJsonAsync<AssignmentApi.PreviewDto>($"/api/assignment/plans/{gapJob.PlanId}");
        Assert.True(gapPreview!.CanApply);
        var change = Assert.Single(gapPreview.Changes);
        Assert.Equal(appId, change.ApplicationId);
        Assert.Single(change.Added);
        Assert.Empty(change.Removed);
        Assert.DoesNotContain(decliner.ProfileId, change.Added);
        var apply = await (await office.ApiAsync()).PostAsJsonAsync($"/api/assignment/plans/{gapJob.PlanId}/apply", new { version = gapPreview.Plan.Version });
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        var after = await AssignmentTestKit.SeatsAsync(app, cycle.Id);
        foreach (var (id, s) in before) Assert.Superset(s.Reviewers, after[id].Reviewers);
        Assert.All(after.Values, s => Assert.Equal(3, s.Reviewers.Count));
        Assert.DoesNotContain(decliner.ProfileId, after[appId].Reviewers);

        // The first plan has been superseded; applying it again is refused with a message.
        var stale = await (await office.ApiAsync()).PostAsJsonAsync($"/api/assignment/plans/{job.PlanId}/apply", new { version = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
    }
}
