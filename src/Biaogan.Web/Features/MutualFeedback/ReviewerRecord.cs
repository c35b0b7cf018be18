using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>The average of one question over a reviewer's ratings.</summary>
public sealed record QuestionAverage(FeedbackQuestion Question, double? Average, int Count);

/// <summary>One organisation's comment on the reviewer, with where and when.</summary>
public sealed record RatingLine(Guid RatingId, int Year, string Organization, DateTimeOffset SubmittedAt, bool Late, double Average, string Comments,
    RatingStatus Status);

/// <summary>A reviewer's record in the pool from the organisations' ratings across cycles (第三十条, office only).</summary>
public sealed record ReviewerRecord(IReadOnlyList<QuestionAverage> Averages, IReadOnlyList<RatingLine> Lines)
{
    public int Count => Lines.Count;
}

public static class ReviewerRecords
{
    /// <summary>Submitted ratings of the reviewer by organisations (reopened ones wait for resubmission and are left out).</summary>
    public static async Task<ReviewerRecord> LoadAsync(AppDbContext db, Guid reviewerId, CancellationToken ct)
    {
        var ratings = await db.Set<MutualRating>().AsNoTracking()
            .Where(r => r.ReviewerId == reviewerId && r.Direction == FeedbackDirection.OrganizationRatesReviewer).ToListAsync(ct);
        var appIds = ratings.Select(r => r.ApplicationId).ToList();
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          join c in db.Set<Cycle>().AsNoTracking() on a.CycleId equals c.Id
                          where appIds.Contains(a.Id)
                          select new { a.Id, o.Name, c.Year }).ToDictionaryAsync(a => a.Id, ct);
        var counted = ratings.Where(r => r.Status == RatingStatus.Submitted).ToList();
        var averages = FeedbackQuestions.ForReviewer.Select(q =>
        {
            var scores = counted.Select(r => r.Score(q.Code)).OfType<int>().ToList();
            return new QuestionAverage(q, scores.Count > 0 ? Math.Round(scores.Average(), 2) : null, scores.Count);
        }).ToList();
        var lines = ratings.OrderByDescending(r => r.SubmittedAt).Select(r => new RatingLine(r.Id, apps.TryGetValue(r.ApplicationId, out var a) ? a.Year : 0,
            a?.Name ?? "", r.SubmittedAt, r.Late, Math.Round(r.Answers.Average(x => x.Score), 2), r.Comments, r.Status)).ToList();
        return new ReviewerRecord(averages, lines);
    }
}
