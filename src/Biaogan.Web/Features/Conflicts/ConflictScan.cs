using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>What one scan did, for the office's message and for the assignment engine's log.</summary>
public sealed record ConflictScanResult(int Applications, int Reviewers, long PairsEvaluated, int Found, int Added);

/// <summary>
/// 利益冲突排查 of one cycle: loads the applications in review and the appointed reviewers, runs
/// <see cref="ConflictDetector"/> and the applicants' avoid-lists, and files a pending <see cref="ConflictCase"/> for
/// every finding not already on file. A case with the same pair, source and evidence — whatever its status — is
/// never filed again, so a dismissed false positive stays dismissed until its facts change.
/// The assignment engine calls <see cref="RunAsync"/> before it plans.
/// </summary>
public static class ConflictScan
{
    /// <summary>Applications that may still be reviewed; drafts, withdrawn and refused ones are left out.</summary>
    private static readonly ApplicationStatus[] InReview =
    [
        ApplicationStatus.Submitted, ApplicationStatus.AwaitingQualification, ApplicationStatus.SupplementRequested,
        ApplicationStatus.Qualified,
    ];

    /// <summary>Scans the cycle and saves the new cases (and the cycle's rule rows if they were missing).</summary>
    public static async Task<ConflictScanResult> RunAsync(AppDbContext db, Guid cycleId, TimeProvider clock, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct)
            ?? throw new DomainRuleException("该年度活动不存在，请刷新页面。");
        var now = clock.GetUtcNow();
        var rules = ConflictRules.ToRuleSet(await ConflictRules.ForCycleAsync(db, cycleId, now, ct), cycle.Year, cycle.Settings.ConflictLookbackYears);
        var applicants = await ApplicantsAsync(db, cycleId, ct);
        var reviewers = await ReviewersAsync(db, ct);
        var pool = new ConflictPool(applicants, reviewers);
        var findings = ConflictDetector.DetectAll(pool, rules);
        findings.AddRange(await AvoidFindingsAsync(db, cycleId, reviewers, ct));

        var existing = (await db.Set<ConflictCase>().AsNoTracking().Where(c => c.CycleId == cycleId)
                .Select(c => new { c.ApplicationId, c.ReviewerId, c.Source, c.Evidence }).ToListAsync(ct))
            .Select(c => (c.ApplicationId, c.ReviewerId, c.Source, c.Evidence)).ToHashSet();
        var added = 0;
        foreach (var f in findings)
        {
            if (!existing.Add((f.ApplicationId, f.ReviewerId, f.Source, Trim(f.Evidence)))) continue;
            db.Add(new ConflictCase(cycleId, f.ApplicationId, f.ReviewerId, f.Source, Trim(f.Evidence), now));
            added++;
        }
        await db.SaveChangesAsync(ct);
        return new ConflictScanResult(applicants.Count, reviewers.Count, pool.PairCount, findings.Count, added);
    }

    /// <summary>The applicant's named persons found in the pool (exact name; the employer too, where given).</summary>
    public static async Task<List<ConflictFinding>> AvoidFindingsAsync(AppDbContext db, Guid cycleId, IReadOnlyList<ReviewerFacts> reviewers, CancellationToken ct)
    {
        var requests = await db.Set<AvoidRequest>().AsNoTracking().Where(r => r.CycleId == cycleId).ToListAsync(ct);
        return MatchAvoidance(requests, reviewers);
    }

    public static List<ConflictFinding> MatchAvoidance(IEnumerable<AvoidRequest> requests, IReadOnlyList<ReviewerFacts> reviewers)
    {
        var byName = reviewers.ToLookup(r => r.Name.Trim());
        var found = new List<ConflictFinding>();
        foreach (var q in requests)
        {
            var employer = OrganizationNames.Normalize(q.Employer);
            foreach (var r in byName[q.PersonName])
            {
                if (employer.Length > 0 && !r.Employers.Any(e => OrganizationNames.Normalize(e.Name) == employer)) continue;
                found.Add(new ConflictFinding(q.ApplicationId, r.ReviewerId, ConflictSource.ApplicantAvoidance, q.Evidence));
            }
        }
        return found;
    }

    public static async Task<List<ApplicantFacts>> ApplicantsAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        await (from a in db.Set<Application>().AsNoTracking()
               where a.CycleId == cycleId && InReview.Contains(a.Status)
               join o in db.Set<Organization>() on a.OrganizationId equals o.Id
               join b in db.Set<RecommendingBody>() on a.RecommendingBodyId equals b.Id into bodies
               from b in bodies.DefaultIfEmpty()
               orderby a.Id
               select new ApplicantFacts(a.Id, o.Name, o.Uscc, o.GroupName, b == null ? null : b.Name)).ToListAsync(ct);

    /// <summary>Appointed reviewers with their work history (employers resolved to known organisations for the group) and declared ties.</summary>
    public static async Task<List<ReviewerFacts>> ReviewersAsync(AppDbContext db, CancellationToken ct)
    {
        var profiles = await db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery()
            .Where(p => p.Status == ReviewerStatus.Appointed).OrderBy(p => p.Id).ToListAsync(ct);
        var ids = profiles.Select(p => p.Id).ToList();
        var relations = (await db.Set<ReviewerRelation>().AsNoTracking().Where(r => ids.Contains(r.ReviewerId)).ToListAsync(ct))
            .ToLookup(r => r.ReviewerId);
        var groups = await db.Set<Organization>().AsNoTracking().Where(o => o.GroupName != null && o.GroupName != "")
            .Select(o => new { o.Uscc, o.Name, o.GroupName }).ToListAsync(ct);
        var groupByUscc = groups.GroupBy(g => g.Uscc).ToDictionary(g => g.Key, g => g.First().GroupName);
        var groupByName = groups.GroupBy(g => OrganizationNames.Normalize(g.Name)).ToDictionary(g => g.Key, g => g.First().GroupName);
        string? GroupOf(ReviewerWorkPeriod w) =>
            w.EmployerUscc is { } u && groupByUscc.TryGetValue(u, out var g) ? g
            : groupByName.TryGetValue(OrganizationNames.Normalize(w.EmployerName), out var n) ? n : null;
        return profiles.Select(p => new ReviewerFacts(p.Id, p.Name,
            p.WorkPeriods.OrderBy(w => w.FromYear).Select(w => new EmployerFact(w.EmployerName, w.EmployerUscc, GroupOf(w), w.FromYear, w.ToYear)).ToList(),
            relations[p.Id].OrderBy(r => r.DeclaredAt)
                .Select(r => new RelationFact(r.Kind, r.OrganizationName, r.OrganizationUscc, r.Description, r.FromYear, r.ToYear)).ToList())).ToList();
    }

    /// <summary>Evidence is stored within its column; the cut is deterministic, so duplicates are still recognised.</summary>
    private static string Trim(string evidence)
    {
        var e = evidence.Trim();
        return e.Length <= 2000 ? e : e[..2000];
    }
}
