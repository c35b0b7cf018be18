using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>One seat of a test expert group: the reviewer's persona, profile and seat.</summary>
public sealed record TestSeat(Persona Persona, Guid ProfileId, Guid MemberId, bool IsLeader);

/// <summary>A submitted application with a 资料评审 expert group, built directly in the database.</summary>
public sealed record TestReview(Guid ApplicationId, Guid CycleId, Guid GroupId, string ApplicantName, IReadOnlyList<TestSeat> Seats)
{
    public TestSeat Leader => Seats.First(s => s.IsLeader);
    public IEnumerable<TestSeat> Members => Seats.Where(s => !s.IsLeader);
}

/// <summary>
/// Builders of the DocumentReview tests: expert groups and seats created directly (the assignment pages are another
/// feature's), score sheets filled through <see cref="ScoringWorkflow"/>.
/// </summary>
public static class DocumentReviewBuilders
{
    /// <summary>
    /// A submitted application and a group of <paramref name="size"/> appointed reviewers (the first is 组长); the first
    /// <paramref name="declared"/> seats (all by default) have signed the declaration at <paramref name="declaredAt"/>.
    /// </summary>
    public static async Task<TestReview> GroupAsync(AppFactory app, string tag, int size = 3, int? declared = null, DateTimeOffset? declaredAt = null)
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        var recommender = await Cast.RecommenderAsync(app, $"推荐单位（{tag}）");
        var applicantName = $"评审对象{tag}有限公司";
        var applicant = await Cast.ApplicantAsync(app, applicantName);
        var applicationId = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var reviewers = new List<(Persona Persona, Guid ProfileId)>();
        for (var i = 0; i < size; i++) reviewers.Add(await ReviewersTestKit.AppointedReviewerAsync(app, $"{tag}评审员{i + 1}"));
        var now = app.Clock.GetUtcNow();
        var seats = new List<TestSeat>();
        var (groupId, cycleId) = await app.WithDbAsync(async db =>
        {
            var cycleId = await db.Set<Application>().Where(a => a.Id == applicationId).Select(a => a.CycleId).FirstAsync();
            var group = new ExpertGroup(cycleId, applicationId, ReviewStage.Document, null, now);
            for (var i = 0; i < reviewers.Count; i++)
            {
                var seat = group.Seat(reviewers[i].ProfileId, i == 0 ? GroupRole.Leader : GroupRole.Member, null, now);
                if (i < (declared ?? size)) seat.Declare("2026-1", declaredAt ?? now);
                seats.Add(new TestSeat(reviewers[i].Persona, reviewers[i].ProfileId, seat.Id, i == 0));
            }
            db.Add(group);
            await db.SaveChangesAsync();
            return (group.Id, cycleId);
        });
        return new TestReview(applicationId, cycleId, groupId, applicantName, seats);
    }

    /// <summary>Opens, fills every item with <paramref name="percent"/> (or per item) and optionally submits a reviewer's sheet.</summary>
    public static async Task<ScoreSheet> ScoreAsync(AppFactory app, TestReview review, TestSeat seat, Func<string, int> percent, bool submit = true,
        string? strength = null)
    {
        ScoreSheet? result = null;
        await app.WithScopeAsync(async sp =>
        {
            var scoring = sp.GetRequiredService<ScoringWorkflow>();
            var sheet = await scoring.OpenAsync(seat.Persona.UserId, review.ApplicationId)
                ?? throw new Xunit.Sdk.XunitException("评审员无法打开评分表");
            var items = sheet.Items.Select(i => new ItemScore
            {
                ItemCode = i.ItemCode, Percent = percent(i.ItemCode),
                Strengths = strength is null ? [] : [new ReviewComment { Text = strength }],
            }).ToList();
            if (submit) await scoring.SubmitAsync(sheet, items, sheet.Version);
            else await scoring.SaveAsync(sheet, items, sheet.Version);
            result = sheet;
        });
        return result!;
    }

    public static Task<ScoreSheet?> SheetAsync(AppFactory app, Guid memberId) =>
        app.WithDbAsync(db => db.Set<ScoreSheet>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId));
}
