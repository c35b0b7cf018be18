using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>The reviewer pool, the expert groups (a manual plan applied by AssignmentPlans), the sheets and the consensus.</summary>
internal sealed partial class ScaleSeeder
{
    private sealed record PoolReviewer(Guid Id, string UserId, string Email, string Name);

    /// <summary>Appointed reviewers, each with an account, its own employer (no 同单位回避) and 组长资格.</summary>
    private async Task<List<PoolReviewer>> ReviewersAsync(ScaleOptions o, CancellationToken ct)
    {
        var pool = new List<PoolReviewer>();
        const int batch = 100;
        for (var start = 0; start < o.Reviewers; start += batch)
        {
            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            sp.GetRequiredService<CurrentActor>().ActAs(null, "压测数据");
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var accounts = sp.GetRequiredService<ReviewerAccounts>();
            var now = clock.GetUtcNow();
            var today = ChinaTime.Today(clock);
            var appointedOn = new DateOnly(2025, 3, 1);
            var profiles = new List<ReviewerProfile>();
            for (var j = start; j < Math.Min(o.Reviewers, start + batch); j++)
            {
                var p = new ReviewerProfile($"压测评审员{j + 1:D4}", $"reviewer{j + 1}@{Domain}", $"139{j:D8}", now);
                p.UpdateBackground(new ReviewerBackground(EducationLevel.Master, "压测大学", "质量管理", 2000, ["C", "I"], "11", true, true), today.Year);
                p.AddTraining(TrainingKind.EvaluationStandard, new DateOnly(2024, 4, 18), "中国质量协会", $"CAQ-CRM-S{j:D5}", null, today);
                p.AddTraining(TrainingKind.ReviewMethod, new DateOnly(2024, 9, 6), "中国质量协会", $"CAQ-RM-S{j:D5}", null, today);
                p.AddWorkPeriod($"压测咨询公司{j + 1:D4}", null, 2000, null, "高级咨询师", WorkField.QualityManagement, today.Year);
                p.RecordJudgement(EligibilityCondition.Conduct, true, "压测数据：无不良记录。", "压测办公室", now);
                db.Add(p);
                profiles.Add(p);
            }
            await db.SaveChangesAsync(ct);
            foreach (var p in profiles)
            {
                var user = await UserAsync(users, p.Name, p.Email, Roles.Reviewer, ct);
                await accounts.InviteOrLinkAsync(p, ct);
                p.Appoint(new EligibilitySettings(5, today), appointedOn, appointedOn.AddYears(3).AddDays(-1), "压测领导小组", "压测数据。", now);
                var leader = new LeaderQualification(p.Id);
                leader.Record(true, "压测数据：可任组长。", "压测办公室", now);
                db.Add(leader);
                pool.Add(new PoolReviewer(p.Id, user.Id, p.Email, p.Name));
            }
            await db.SaveChangesAsync(ct);
        }
        return pool;
    }

    /// <summary>Groups round the pool in turn (application i takes reviewers i·G … i·G+G−1 mod M, the first leads), applied as one plan.</summary>
    private async Task<List<PlannedGroup>> PlanAsync(Setup setup, ScaleOptions o, List<PoolReviewer> pool, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentActor>().ActAs(setup.OfficeId, "压测办公室");
        var input = await sp.GetRequiredService<AssignmentInputs>().LoadAsync(setup.CycleId, ReviewStage.Document, null, ct);
        var apps = input.Problem.Applications.Select(a => a.Id).ToList();
        var groups = apps.Select((id, i) =>
        {
            var ids = Enumerable.Range(0, o.GroupSize).Select(k => pool[(i * o.GroupSize + k) % pool.Count].Id).ToList();
            return new PlannedGroup(id, ids, ids[0]);
        }).ToList();
        var plans = sp.GetRequiredService<AssignmentPlans>();
        var plan = await plans.CreateAsync(input, PlanSource.Manual, groups, "压测数据：按顺序轮排的资料评审专家组", createdBy: "压测办公室", ct: ct);
        await plans.ApplyAsync(plan.Id, plan.Version, "压测数据", ct);
        return groups;
    }

    /// <summary>
    /// Every member declares and scores through ScoringWorkflow; a finished group's 组长 agrees the consensus through
    /// ConsensusWorkflow. A draft group's sheets are saved half-filled: the load script opens and saves those.
    /// </summary>
    private async Task<List<(string Email, Guid App)>> ScoreGroupAsync(PlannedGroup group, List<PoolReviewer> pool, bool draft, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var actor = sp.GetRequiredService<CurrentActor>();
        var scoring = sp.GetRequiredService<ScoringWorkflow>();
        var byId = pool.Where(p => group.ReviewerIds.Contains(p.Id)).ToDictionary(p => p.Id);
        var terms = await ConfidentialityTerms.CurrentAsync(db, ct);
        var drafts = new List<(string, Guid)>();
        var severity = 0;
        foreach (var reviewerId in group.ReviewerIds)
        {
            var r = byId[reviewerId];
            actor.ActAs(r.UserId, r.Name);
            var seat = await db.Set<GroupMember>().FirstAsync(m => m.ReviewerId == r.Id && m.ApplicationId == group.ApplicationId
                && m.Status == MemberStatus.Assigned, ct);
            seat.Declare(terms.Label, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            var sheet = await scoring.OpenAsync(r.UserId, group.ApplicationId, ct)
                ?? throw new DomainRuleException("压测数据：评审员无法打开评分表。");
            var count = sheet.Items.Count;
            var items = sheet.Items.Select((item, k) => new ItemScore
            {
                ItemCode = item.ItemCode,
                Percent = draft && k >= count / 2 ? null : Math.Clamp(60 + (severity + k % 3 - 1) * 5, 0, 100),
                Strengths = k % 3 == 0 ? [new ReviewComment { Text = DemoReviewTexts.Strength(k) }] : [],
                Opportunities = k % 3 == 1 ? [new ReviewComment { Text = DemoReviewTexts.Opportunity(k) }] : [],
            }).ToList();
            if (draft)
            {
                await scoring.SaveAsync(sheet, items, sheet.Version, ct);
                drafts.Add((r.Email, group.ApplicationId));
            }
            else await scoring.SubmitAsync(sheet, items, sheet.Version, ct);
            severity = (severity + 1) % 3;
        }
        if (draft) return drafts;

        var leader = byId[group.LeaderId!.Value];
        actor.ActAs(leader.UserId, leader.Name);
        var consensus = sp.GetRequiredService<ConsensusWorkflow>();
        var view = await consensus.LoadAsync(leader.UserId, false, group.ApplicationId, ct)
            ?? throw new DomainRuleException("压测数据：组长无法打开一致性评审。");
        var agreed = view.Sheet ?? throw new DomainRuleException("压测数据：一致性评审表尚未生成。");
        var consensusItems = agreed.Items.Select((item, k) => new ConsensusItem
        {
            ItemCode = item.ItemCode, Percent = item.Percent, Comment = "",
            Strengths = [new ReviewComment { Text = DemoReviewTexts.Strength(k) }],
            Opportunities = [new ReviewComment { Text = DemoReviewTexts.Opportunity(k) }],
        }).ToList();
        await consensus.SaveAsync(view, leader.UserId, consensusItems, "压测数据：专家组按中位数确定一致性评分。", agreed.Version, agree: true, ct);
        return drafts;
    }

    /// <summary>
    /// CSV for bench/load/peak-day.sh: <c>kind,email,secret,applicationId</c>. kind = sheet (a reviewer's draft sheet),
    /// draft (an organisation's unsubmitted application), committee (its TOTP key in the secret column).
    /// </summary>
    private static async Task WriteLoginsAsync(ScaleOptions o, Setup setup, List<(string Email, Guid App)> sheets, List<(string Email, Guid App)> drafts)
    {
        var lines = new List<string> { "kind,email,secret,applicationId" };
        lines.AddRange(sheets.Select(s => $"sheet,{s.Email},{Password},{s.App}"));
        lines.AddRange(drafts.Select(d => $"draft,{d.Email},{Password},{d.App}"));
        lines.Add($"committee,{setup.CommitteeEmail},{Password}:{setup.CommitteeKey},");
        var dir = Path.GetDirectoryName(Path.GetFullPath(o.LoginsFile));
        if (dir is not null) Directory.CreateDirectory(dir);
        await File.WriteAllLinesAsync(o.LoginsFile, lines);
    }
}
