using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Progress;

/// <summary>What every stage recorded about a batch of applications, read in one query per stage.</summary>
public sealed class ProgressFacts
{
    public required IReadOnlyList<Application> Applications { get; init; }
    public required ILookup<Guid, ExpertGroup> Groups { get; init; }
    public required IReadOnlyDictionary<Guid, ConsensusSheet> Consensus { get; init; }
    public required IReadOnlyList<ShortlistDecision> Shortlists { get; init; }
    public required IReadOnlyDictionary<Guid, FeedbackReport> Feedback { get; init; }
    public required IReadOnlyDictionary<Guid, SiteVisit> Visits { get; init; }
    public required IReadOnlyList<EvaluationDecision> Evaluations { get; init; }
    public required IReadOnlyList<PublicNotice.PublicNotice> Notices { get; init; }
    public required IReadOnlyList<ApprovalRound> Approvals { get; init; }
    public required IReadOnlyDictionary<Guid, Award> Awards { get; init; }

    public static async Task<ProgressFacts> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var apps = await db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var cycles = apps.Select(a => a.CycleId).Distinct().ToList();
        var groups = await db.Set<ExpertGroup>().AsNoTracking().Where(g => ids.Contains(g.ApplicationId)).ToListAsync(ct);
        var consensus = await db.Set<ConsensusSheet>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync(ct);
        var feedback = await db.Set<FeedbackReport>().AsNoTracking().Where(f => ids.Contains(f.ApplicationId)).ToListAsync(ct);
        var visits = await db.Set<SiteVisit>().AsNoTracking().Where(v => ids.Contains(v.ApplicationId)).ToListAsync(ct);
        var awards = await db.Set<Award>().AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);
        return new ProgressFacts
        {
            Applications = apps,
            Groups = groups.ToLookup(g => g.ApplicationId),
            Consensus = consensus.GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.UpdatedAt).First()),
            // The lists keep their entries as JSON, so they are read per cycle and searched in memory.
            Shortlists = await db.Set<ShortlistDecision>().AsNoTracking().Where(d => cycles.Contains(d.CycleId)).ToListAsync(ct),
            Feedback = feedback.GroupBy(f => f.ApplicationId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.GeneratedAt).First()),
            Visits = visits.GroupBy(v => v.ApplicationId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.CreatedAt).First()),
            Evaluations = await db.Set<EvaluationDecision>().AsNoTracking().Where(d => cycles.Contains(d.CycleId)).ToListAsync(ct),
            Notices = await db.Set<PublicNotice.PublicNotice>().AsNoTracking().Where(n => cycles.Contains(n.CycleId)).ToListAsync(ct),
            Approvals = await db.Set<ApprovalRound>().AsNoTracking().Where(r => cycles.Contains(r.CycleId)).ToListAsync(ct),
            Awards = awards.GroupBy(a => a.ApplicationId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.GrantedAt).First()),
        };
    }
}
