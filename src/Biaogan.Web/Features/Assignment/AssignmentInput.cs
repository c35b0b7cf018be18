using System.Security.Cryptography;
using System.Text;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>An application as the office sees it in a plan.</summary>
public sealed record PlanApplication(Guid Id, string Number, string Name, string Industry, string Province);

/// <summary>A reviewer as the office sees it in a plan.</summary>
public sealed record PlanReviewer(Guid Id, string Name, string Email, string Employer, string Province, bool LeaderEligible, int Capacity);

/// <summary>
/// Everything a plan is made and checked against, read from the database: the solver's problem, the names the
/// office reads, the groups in force (active seats) and their fingerprint.
/// </summary>
public sealed record AssignmentInput(
    Cycle Cycle,
    ReviewStage Stage,
    AssignmentProblem Problem,
    IReadOnlyDictionary<Guid, PlanApplication> Applications,
    IReadOnlyDictionary<Guid, PlanReviewer> Reviewers,
    AssignmentSolution Current,
    string Fingerprint)
{
    public string ApplicationName(Guid id) => Applications.TryGetValue(id, out var a) ? a.Name : $"（不在本次范围的申报 {id}）";
    public string ReviewerName(Guid id) => Reviewers.TryGetValue(id, out var r) ? r.Name : $"（不在评审员库的人员 {id}）";
}

/// <summary>Builds the <see cref="AssignmentInput"/> of a cycle and stage.</summary>
public sealed class AssignmentInputs(AppDbContext db, TimeProvider clock, IEnumerable<IStageCandidates> stageCandidates)
{
    /// <param name="applicationIds">The applications to assign; null = the stage's candidates: every qualified application
    /// of the cycle for 资料评审, the <see cref="IStageCandidates"/> of a later stage (现场评审: the shortlist).</param>
    public async Task<AssignmentInput> LoadAsync(Guid cycleId, ReviewStage stage, IReadOnlyCollection<Guid>? applicationIds = null,
        CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct)
            ?? throw new DomainRuleException("找不到该年度活动，请从分配页面重新选择。");
        if (applicationIds is null && stage != ReviewStage.Document)
            applicationIds = stageCandidates.FirstOrDefault(c => c.Stage == stage) is { } source ? await source.ApplicationIdsAsync(cycleId, ct) : [];
        var apps = await LoadApplicationsAsync(cycleId, applicationIds, ct);
        var groups = await db.Set<ExpertGroup>().AsNoTracking().Where(g => g.CycleId == cycleId).ToListAsync(ct);
        var stageGroups = groups.Where(g => g.Stage == stage).ToList();
        var reviewers = await LoadReviewersAsync(cycle, groups.Where(g => g.Stage != stage), ct);

        var blocked = await ConflictQueries.BlockedPairsAsync(db, cycleId, ct);
        // A reviewer who declined or was removed from an application's group is not seated there again.
        var ended = stageGroups.SelectMany(g => g.Members).Where(m => !m.IsActive).Select(m => (m.ReviewerId, m.ApplicationId));
        var conflicts = blocked.Concat(ended).Distinct().Select(p => new ReviewerApplicationPair(p.Item1, p.Item2)).ToList();

        var problem = new AssignmentProblem(
            apps.Select(a => new AssignmentApplication(a.App.Id, a.Info.Name, a.Industry)).ToList(),
            reviewers.Select(r => r.Solver).ToList(), conflicts)
        {
            GroupSize = stage == ReviewStage.OnSite ? cycle.Settings.OnSiteGroupSize : cycle.Settings.ReviewGroupSize,
        };
        var current = Current(stageGroups);
        return new(cycle, stage, problem, apps.ToDictionary(a => a.App.Id, a => a.Info), reviewers.ToDictionary(r => r.Info.Id, r => r.Info),
            current, PlanBaseline.Fingerprint(current));
    }

    /// <summary>The groups in force of a stage: active seats and the 组长 of each group.</summary>
    public static AssignmentSolution Current(IEnumerable<ExpertGroup> groups) => new(groups
        .Select(g => new AssignmentGroup(g.ApplicationId, g.ActiveMembers.Select(m => m.ReviewerId).ToList(), g.Leader?.ReviewerId))
        .Where(g => g.ReviewerIds.Count > 0).ToList());

    private sealed record AppRow(Application App, PlanApplication Info, IndustryCode Industry);

    private async Task<List<AppRow>> LoadApplicationsAsync(Guid cycleId, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = db.Set<Application>().AsNoTracking().Where(a => a.CycleId == cycleId);
        query = ids is null ? query.Where(a => a.Status == ApplicationStatus.Qualified) : query.Where(a => ids.Contains(a.Id));
        var rows = await (from a in query
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          select new { a, o }).ToListAsync(ct);
        return rows.OrderBy(r => r.a.Number).ThenBy(r => r.o.Name).Select(r => new AppRow(r.a,
            new PlanApplication(r.a.Id, r.a.Number ?? "", r.o.Name, IndustryLabel(r.o.IndustrySection, r.o.IndustryDivision),
                RegionCatalog.FindProvince(r.o.ProvinceCode)?.Name ?? r.o.ProvinceCode),
            new IndustryCode(r.o.IndustrySection, string.IsNullOrWhiteSpace(r.o.IndustryDivision) ? null : r.o.IndustryDivision))).ToList();
    }

    private sealed record ReviewerRow(PlanReviewer Info, AssignmentReviewer Solver);

    private async Task<List<ReviewerRow>> LoadReviewersAsync(Cycle cycle, IEnumerable<ExpertGroup> otherStages, CancellationToken ct)
    {
        var pool = await ReviewerPool.AvailableAsync(db, clock.Today(), ct);
        var leaders = await db.Set<LeaderQualification>().AsNoTracking().Where(q => q.Eligible).Select(q => q.ReviewerId).ToListAsync(ct);
        var eligible = leaders.ToHashSet();
        // Capacity = the cycle's cap minus the seats the reviewer holds in this cycle's groups of other stages.
        var otherSeats = otherStages.SelectMany(g => g.ActiveMembers).GroupBy(m => m.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        return pool.Select(p =>
        {
            var employer = p.WorkPeriods.Where(w => w.ToYear is null).OrderByDescending(w => w.FromYear).FirstOrDefault();
            var capacity = Math.Max(0, cycle.Settings.MaxGroupsPerReviewer - otherSeats.GetValueOrDefault(p.Id));
            var expertise = p.Industries.Select(ToIndustry).OfType<IndustryCode>().ToList();
            var info = new PlanReviewer(p.Id, p.Name, p.Email, employer?.EmployerName ?? "", RegionCatalog.FindProvince(p.ProvinceCode)?.Name ?? "",
                eligible.Contains(p.Id), capacity);
            return new ReviewerRow(info, new AssignmentReviewer(p.Id, p.Name, capacity, expertise, EmployerKey(employer),
                p.ProvinceCode ?? "", eligible.Contains(p.Id)));
        }).ToList();
    }

    /// <summary>统一社会信用代码 when known, else the employer's name without spaces and brackets' width differences.</summary>
    public static string EmployerKey(ReviewerWorkPeriod? period)
    {
        if (period is null) return "";
        var uscc = Uscc.Normalize(period.EmployerUscc);
        if (uscc.Length == 18) return uscc;
        return NormalizeName(period.EmployerName);
    }

    public static string NormalizeName(string? name) => new string((name ?? "")
        .Replace('（', '(').Replace('）', ')').Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    private static IndustryCode? ToIndustry(string code) =>
        IndustryCatalog.FindSection(code) is not null ? new IndustryCode(code)
        : IndustryCatalog.FindDivision(code) is { } d ? new IndustryCode(d.SectionCode, d.Code) : null;

    private static string IndustryLabel(string section, string division) =>
        IndustryCatalog.FindDivision(division) is { } d ? $"{d.Code} {d.Name}"
        : IndustryCatalog.FindSection(section) is { } s ? $"{s.Code} {s.Name}" : section;
}

/// <summary>The fingerprint of the groups in force: equal fingerprints mean the same seats and 组长.</summary>
public static class PlanBaseline
{
    public static string Fingerprint(AssignmentSolution groups)
    {
        var text = string.Join(";", groups.Groups.OrderBy(g => g.ApplicationId).Select(g =>
            $"{g.ApplicationId}:{string.Join(",", g.ReviewerIds.Order())}:{g.LeaderId}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
