using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>A reviewer the office may seat, with the solver's view of them.</summary>
public sealed record GroupCandidate(Guid Id, string Name, string? UserId, string Employer, string Province, int Capacity, AssignmentReviewer Solver);

/// <summary>Who may sit in which confirmation group: the available pool and, per benchmark, the conflicts that bar a reviewer.</summary>
public sealed record GroupPool(IReadOnlyList<GroupCandidate> Reviewers, IReadOnlyDictionary<Guid, AssignmentApplication> Benchmarks,
    ILookup<(Guid ReviewerId, Guid EntryId), string> Conflicts)
{
    public GroupCandidate? Reviewer(Guid id) => Reviewers.FirstOrDefault(r => r.Id == id);
    public IEnumerable<string> ConflictsOf(Guid reviewerId, Guid entryId) => Conflicts[(reviewerId, entryId)];
}

/// <summary>
/// Reads the pool and the conflicts for a round's confirmation groups with the same rules as 资料评审: the detector's rules
/// (employment, consulting, recommending body, enterprise group, personal relations; switched as in the latest cycle's
/// settings), the conflict cases on file for the benchmark's application (declared, detected, confirmed; dismissed ones
/// do not bar) and the organisation's 回避申请. The engine's own hard rules (one employer per group, capacity, a qualified
/// 组长) and its same-region penalty apply through <see cref="AssignmentSolver"/>.
/// </summary>
public sealed class GroupCandidates(AppDbContext db, TimeProvider clock, IOptions<ConfirmationOptions> options)
{
    public async Task<GroupPool> LoadAsync(IReadOnlyList<ConfirmationEntry> entries, CancellationToken ct)
    {
        var awardIds = entries.Select(e => e.AwardId).ToList();
        var awards = await db.Set<Award>().AsNoTracking().Where(a => awardIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var appIds = awards.Values.Select(a => a.ApplicationId).ToList();
        var applicants = await (from a in db.Set<Application>().AsNoTracking()
                                where appIds.Contains(a.Id)
                                join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                                join b in db.Set<RecommendingBody>() on a.RecommendingBodyId equals b.Id into bodies
                                from b in bodies.DefaultIfEmpty()
                                select new { Facts = new ApplicantFacts(a.Id, o.Name, o.Uscc, o.GroupName, b == null ? null : b.Name), o.IndustrySection, o.IndustryDivision })
            .ToDictionaryAsync(x => x.Facts.ApplicationId, ct);

        var today = clock.Today();
        var latest = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).FirstOrDefaultAsync(ct);
        var ruleRows = latest is null ? [] : await db.Set<ConflictRule>().AsNoTracking().Where(r => r.CycleId == latest.Id).ToListAsync(ct);
        var rules = ConflictRules.ToRuleSet(ruleRows, today.Year, latest?.Settings.ConflictLookbackYears ?? 3);
        var facts = await ConflictScan.ReviewersAsync(db, ct);
        var cases = await db.Set<ConflictCase>().AsNoTracking()
            .Where(c => appIds.Contains(c.ApplicationId) && c.Status != ConflictStatus.Dismissed).ToListAsync(ct);
        var avoid = ConflictScan.MatchAvoidance(await db.Set<AvoidRequest>().AsNoTracking().Where(r => appIds.Contains(r.ApplicationId)).ToListAsync(ct), facts);

        var conflicts = new List<((Guid, Guid), string)>();
        var benchmarks = new Dictionary<Guid, AssignmentApplication>();
        foreach (var e in entries)
        {
            var appId = awards[e.AwardId].ApplicationId;
            if (!applicants.TryGetValue(appId, out var applicant)) continue;
            benchmarks[e.Id] = new AssignmentApplication(e.Id, e.OrganizationName, new IndustryCode(applicant.IndustrySection,
                string.IsNullOrWhiteSpace(applicant.IndustryDivision) ? null : applicant.IndustryDivision));
            foreach (var r in facts)
                foreach (var f in ConflictDetector.Evaluate(applicant.Facts, r, rules))
                    conflicts.Add(((r.ReviewerId, e.Id), f.Evidence));
            foreach (var c in cases.Where(c => c.ApplicationId == appId))
                conflicts.Add(((c.ReviewerId, e.Id), $"利益冲突记录（{c.Source.Display()}，{c.Status.Display()}）：{c.Evidence}"));
            foreach (var f in avoid.Where(f => f.ApplicationId == appId))
                conflicts.Add(((f.ReviewerId, e.Id), "获奖组织申请回避：" + f.Evidence));
        }

        var pool = await ReviewerPool.AvailableAsync(db, today, ct);
        var leaders = (await db.Set<LeaderQualification>().AsNoTracking().Where(q => q.Eligible).Select(q => q.ReviewerId).ToListAsync(ct)).ToHashSet();
        var openRounds = db.Set<ConfirmationRound>().Where(r => r.Status == RoundStatus.Open).Select(r => r.Id);
        var held = (await db.Set<ConfirmationSeat>().AsNoTracking()
                .Where(s => s.Status != SeatStatus.Removed && openRounds.Contains(s.RoundId)).Select(s => s.ReviewerId).ToListAsync(ct))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var reviewers = pool.Select(p =>
        {
            var employer = p.WorkPeriods.Where(w => w.ToYear is null).OrderByDescending(w => w.FromYear).FirstOrDefault();
            var capacity = Math.Max(0, options.Value.MaxSeatsPerReviewer - held.GetValueOrDefault(p.Id));
            var expertise = p.Industries.Select(Industry).OfType<IndustryCode>().ToList();
            return new GroupCandidate(p.Id, p.Name, p.UserId, employer?.EmployerName ?? "", RegionCatalog.FindProvince(p.ProvinceCode)?.Name ?? "",
                capacity, new AssignmentReviewer(p.Id, p.Name, capacity, expertise, AssignmentInputs.EmployerKey(employer), p.ProvinceCode ?? "", leaders.Contains(p.Id)));
        }).ToList();
        return new GroupPool(reviewers, benchmarks, conflicts.ToLookup(c => c.Item1, c => c.Item2));
    }

    private static IndustryCode? Industry(string code) =>
        IndustryCatalog.FindSection(code) is not null ? new IndustryCode(code)
        : IndustryCatalog.FindDivision(code) is { } d ? new IndustryCode(d.SectionCode, d.Code) : null;
}
