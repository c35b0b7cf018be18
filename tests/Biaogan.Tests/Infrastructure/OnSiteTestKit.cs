using System.Net.Http.Json;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.OnSite;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>An application ready for 现场评审: shortlisted, with an agreed consensus and a declared two-person on-site team.</summary>
public sealed record OnSiteWorld(Guid ApplicationId, Guid CycleId, string Organization, Persona Applicant, TestReviewer Leader, TestReviewer Member,
    PageClient Office);

/// <summary>
/// The starting point of the OnSite tests: the document review's outcome (scored applications with an agreed consensus,
/// a finalised shortlist) built the way the ranking tests build it, and on-site teams formed directly or by the solver.
/// </summary>
public static class OnSiteTestKit
{
    /// <summary>
    /// Enterprise applications with an agreed consensus of <paramref name="bases"/> % on every item; those marked in
    /// <paramref name="selected"/> join the cycle's finalised shortlist (earlier entries are kept).
    /// </summary>
    public static async Task<List<ScoredApplication>> ShortlistedAsync(AppFactory app, int[] bases, bool[] selected, Persona?[]? applicants = null)
    {
        var scored = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, bases, applicants);
        await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<Cycle>().FirstAsync(c => c.Status == CycleStatus.Open);
            var now = app.Clock.GetUtcNow();
            var decision = await db.Set<ShortlistDecision>().FirstOrDefaultAsync(d => d.CycleId == cycle.Id && d.Category == AwardCategory.Enterprise);
            if (decision is null) db.Add(decision = new ShortlistDecision(cycle.Id, AwardCategory.Enterprise, now));
            else if (decision.IsFinal) decision.Reopen("追加评议结果");
            var entries = decision.Entries.ToList();
            entries.AddRange(scored.Select((s, i) => new ShortlistEntry
            {
                ApplicationId = s.Id, Selected = selected[i], VotesFor = selected[i] ? 5 : 1, VotesAgainst = selected[i] ? 0 : 4,
                Reason = selected[i] ? "资料评审成绩优秀，进入现场评审。" : "资料评审成绩未达到入围水平。",
            }));
            decision.Record(entries, now);
            decision.Finalise("office", now);
            await db.SaveChangesAsync();
        });
        return scored;
    }

    /// <summary>An on-site group for the application with the given seats (the first is 组长), declared unless told otherwise.</summary>
    public static Task TeamAsync(AppFactory app, Guid applicationId, IReadOnlyList<Guid> reviewerIds, bool declared = true) => app.WithDbAsync(async db =>
    {
        var cycleId = await db.Set<Web.Features.Applications.Application>().Where(a => a.Id == applicationId).Select(a => a.CycleId).FirstAsync();
        var now = app.Clock.GetUtcNow();
        var group = new ExpertGroup(cycleId, applicationId, ReviewStage.OnSite, null, now);
        for (var i = 0; i < reviewerIds.Count; i++)
        {
            var seat = group.Seat(reviewerIds[i], i == 0 ? GroupRole.Leader : GroupRole.Member, null, now);
            if (declared) seat.Declare("2026-1", now);
        }
        db.Add(group);
        await db.SaveChangesAsync();
    });

    /// <summary>A shortlisted application (consensus <paramref name="percent"/> % everywhere) with its team and its visit, made by the office's page.</summary>
    public static async Task<OnSiteWorld> VisitAsync(AppFactory app, string tag, int percent = 60)
    {
        var name = $"现场评审{tag}有限公司";
        var applicant = await Cast.ApplicantAsync(app, name);
        var scored = await ShortlistedAsync(app, [percent], [true], [applicant]);
        var leader = await AssignmentTestKit.ReviewerAsync(app, $"{tag}组长", $"{tag}组长单位", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, $"{tag}组员", $"{tag}组员单位");
        await TeamAsync(app, scored[0].Id, [leader.ProfileId, member.ProfileId]);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var cycleId = await app.WithDbAsync(db => db.Set<Cycle>().Where(c => c.Status == CycleStatus.Open).Select(c => c.Id).FirstAsync());
        var prepared = await office.SubmitAsync($"/OnSite?cycleId={cycleId}", new Dictionary<string, string?>(), formSelector: "form[action*='handler=Prepare']");
        if (prepared.Errors.Count > 0) throw new Xunit.Sdk.XunitException(string.Join("；", prepared.Errors));
        return new OnSiteWorld(scored[0].Id, cycleId, name, applicant, leader, member, office);
    }

    public static Task<SiteVisit> LoadAsync(AppFactory app, Guid applicationId) =>
        app.WithDbAsync(db => db.Set<SiteVisit>().AsNoTracking().FirstAsync(v => v.ApplicationId == applicationId));

    /// <summary>The schedule proposed by the office over the API and agreed by the organisation on its page: the visit starts.</summary>
    public static async Task StartAsync(AppFactory app, OnSiteWorld world)
    {
        var api = await world.Office.ApiAsync();
        // The visit starts today: what is verified on site (issues, the report, its approval) may not come before its first day.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var proposed = await api.PostAsJsonAsync($"/api/onsite/visits/{world.ApplicationId}/schedule", new
        {
            startDate = today.ToString("yyyy-MM-dd"), endDate = today.AddDays(1).ToString("yyyy-MM-dd"), sites = new[] { "北京市海淀区中关村大街1号 公司总部" },
            agenda = new[] { new { time = "第一天 09:00—09:30", activity = "首次会议", participants = "专家组全体、组织高层领导" } },
        });
        proposed.EnsureSuccessStatusCode();
        var org = await Cast.SignInAsync(app, world.Applicant);
        var agreed = await org.SubmitAsync($"/OnSite/Schedule/{world.ApplicationId}", new Dictionary<string, string?>(),
            formSelector: "form[action*='handler=Agree']");
        if (agreed.Errors.Count > 0) throw new Xunit.Sdk.XunitException(string.Join("；", agreed.Errors));
    }
}
