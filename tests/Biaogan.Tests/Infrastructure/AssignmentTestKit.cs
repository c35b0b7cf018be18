using System.Net.Http.Json;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>A reviewer of the assignment tests: the persona to sign in with and the profile id seated in groups.</summary>
public sealed record TestReviewer(Persona Persona, Guid ProfileId, string Name);

/// <summary>
/// The world of the assignment tests: an open cycle with a small k, qualified applications (organisations with an
/// industry and a province), and appointed reviewers with a current employer, province, expertise and 组长 eligibility.
/// Built through the entities' own methods.
/// </summary>
public static class AssignmentTestKit
{
    private static int _number;

    public static Task<Cycle> CycleAsync(AppFactory app, int groupSize = 3, int maxGroups = 12) =>
        ApplicationsBuilders.OpenCycleAsync(app, s => { s.ReviewGroupSize = groupSize; s.MaxGroupsPerReviewer = maxGroups; });

    /// <summary>A qualified application of a new organisation in the open cycle.</summary>
    public static async Task<Guid> QualifiedAsync(AppFactory app, string orgName, string section = "C", string division = "39", string province = "11")
    {
        var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
        var now = app.Clock.GetUtcNow();
        var org = new Organization
        {
            Name = orgName, Uscc = Cast.NextUscc(), ProvinceCode = province, CityCode = province + "01", Address = "测试地址1号",
            IndustrySection = section, IndustryDivision = division, Ownership = "私营企业", LegalRepresentative = "王建国",
            ContactName = "李晓梅", ContactPhone = "010-88886666", ContactEmail = "contact@example.cn", CreatedAt = now,
        };
        var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
        var a = new Application(cycle.Id, org.Id, outline, now);
        ApplicationsBuilders.Fill(a, outline);
        foreach (var m in a.Measurements) m.ReportFileId = Guid.NewGuid();
        a.DeclarationFileId = Guid.NewGuid();
        a.ChooseRecommendingBody(Guid.NewGuid(), now);
        var number = $"BG{cycle.Year}-{Interlocked.Increment(ref _number) + 7000:D4}";
        a.Submit(cycle, outline, 1, () => number, now);
        a.Recommend("同意推荐。", Guid.NewGuid(), "recommender", now);
        a.PassQualification(now);
        await app.WithDbAsync(async db => { db.Add(org); db.Add(a); await db.SaveChangesAsync(); });
        return a.Id;
    }

    /// <summary>An appointed reviewer working at <paramref name="employer"/> now, in <paramref name="province"/>.</summary>
    public static async Task<TestReviewer> ReviewerAsync(AppFactory app, string name, string employer, string province = "11",
        string[]? industries = null, bool leader = false, string? employerUscc = null)
    {
        var (persona, id) = await ReviewersTestKit.ReviewerAsync(app, name, (n, email, userId) =>
        {
            var p = ReviewersBuilders.Candidate(n, email);
            p.UpdateBackground(new ReviewerBackground(EducationLevel.Master, "清华大学", "管理科学与工程", 2005,
                industries ?? ["C"], province, true, false), ReviewersBuilders.Today.Year);
            p.AddTraining(TrainingKind.EvaluationStandard, new DateOnly(2024, 5, 10), "中国质量协会", "CAQ-1", null, ReviewersBuilders.Today);
            p.AddTraining(TrainingKind.ReviewMethod, new DateOnly(2024, 6, 12), "中国质量协会", "CAQ-2", null, ReviewersBuilders.Today);
            p.AddWorkPeriod(employer, employerUscc, 2012, null, "质量总监", WorkField.QualityManagement, ReviewersBuilders.Today.Year);
            p.RecordJudgement(EligibilityCondition.Conduct, true, "符合要求。", "赵丙", ReviewersBuilders.Now);
            p.LinkAccount(userId);
            p.Appoint(ReviewersBuilders.Settings(), ReviewersBuilders.Today, ReviewersBuilders.Today.AddYears(3).AddDays(-1), "周领导", null, ReviewersBuilders.Now);
            return p;
        });
        if (leader)
        {
            await app.WithDbAsync(async db =>
            {
                var q = new LeaderQualification(id);
                q.Record(true, "有资料评审经验", "赵丙", app.Clock.GetUtcNow());
                db.Add(q);
                await db.SaveChangesAsync();
            });
        }
        return new TestReviewer(persona, id, name);
    }

    /// <summary>Starts a solver run over the API and waits (by polling, no time assertion) until it is done.</summary>
    public static async Task<AssignmentApi.JobDto> RunAsync(PageClient office, Guid cycleId, JobKind kind, int seconds = 5)
    {
        var api = await office.ApiAsync();
        var started = await api.PostAsJsonAsync("/api/assignment/runs", new { cycleId, stage = "Document", kind = kind.ToString(), timeLimitSeconds = seconds });
        started.EnsureSuccessStatusCode();
        var job = (await started.Content.ReadFromJsonAsync<AssignmentApi.JobDto>())!;
        return await WaitAsync(office, job.Id);
    }

    public static async Task<AssignmentApi.JobDto> WaitAsync(PageClient office, Guid jobId)
    {
        for (var i = 0; i < 1200; i++)
        {
            var job = (await office.Http.GetFromJsonAsync<AssignmentApi.JobDto>($"/api/assignment/jobs/{jobId}"))!;
            if (job.Done) return job;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("求解任务没有结束");
    }

    /// <summary>Active seats per application: reviewer ids and the 组长.</summary>
    public static Task<Dictionary<Guid, (HashSet<Guid> Reviewers, Guid? Leader)>> SeatsAsync(AppFactory app, Guid cycleId) =>
        app.WithDbAsync(async db => (await db.Set<ExpertGroup>().AsNoTracking().Where(g => g.CycleId == cycleId).ToListAsync())
            .ToDictionary(g => g.ApplicationId, g => (g.ActiveMembers.Select(m => m.ReviewerId).ToHashSet(), g.Leader?.ReviewerId)));

    public static Task<int> OutboxCountAsync(AppFactory app, string templateKey) =>
        app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Notifications.OutboxMessage>().CountAsync(m => m.TemplateKey == templateKey));

    public static Task<Persona> OfficeAsync(AppFactory app) => Cast.PersonAsync(app, "赵丙", Roles.Office);
}
