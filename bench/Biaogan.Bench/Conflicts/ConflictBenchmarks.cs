using BenchmarkDotNet.Attributes;
using Biaogan.Web.Features.Conflicts;

namespace Biaogan.Bench.Conflicts;

/// <summary>
/// Issue 3 benchmark: conflict evaluation over all pairs of 2,000 applications × 600 reviewers (1.2 million pairs), every
/// rule on, against a baseline in the same run that only compares the applicant's 统一社会信用代码 with each employer's
/// (string equality, no rules, no evidence). <c>OperationsPerInvoke</c> is the pair count, so “Mean” is the time per
/// pair and pairs per second = 1 / Mean. Seeded synthetic pool: 70 % of employers with a code, a third of them
/// applicants; 30 % of applicants in one of 50 groups; 40 recommending bodies; 10 % of reviewers with a declared tie.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class ConflictBenchmarks
{
    private const int Applications = 2_000, Reviewers = 600, Pairs = Applications * Reviewers;

    private ApplicantFacts[] applicants = [];
    private ReviewerFacts[] reviewers = [];
    private ConflictPool pool = null!;
    private readonly ConflictRuleSet rules = ConflictRuleSet.AllOn(2026, 3);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        string Code(int n) => $"9111{n:D14}";
        string Org(int n) => $"第{n}号示范制造有限公司";
        var bodies = Enumerable.Range(0, 40).Select(i => $"第{i}号省质量协会").ToArray();
        applicants = Enumerable.Range(0, Applications).Select(i => new ApplicantFacts(Guid.CreateVersion7(), Org(i), Code(i),
            random.NextDouble() < 0.3 ? $"第{random.Next(50)}号企业集团" : null, bodies[random.Next(bodies.Length)])).ToArray();
        reviewers = Enumerable.Range(0, Reviewers).Select(_ =>
        {
            var employers = Enumerable.Range(0, 1 + random.Next(3)).Select(_ =>
            {
                // A third of employers are applicants of this cycle, the rest other organisations; 30 % without a code.
                var n = random.NextDouble() < 0.33 ? random.Next(Applications) : Applications + random.Next(5_000);
                var from = 1995 + random.Next(28);
                int? to = random.NextDouble() < 0.4 ? null : Math.Min(2026, from + random.Next(12));
                var name = random.NextDouble() < 0.03 ? bodies[random.Next(bodies.Length)] : Org(n);
                return new EmployerFact(name, random.NextDouble() < 0.7 ? Code(n) : null,
                    random.NextDouble() < 0.1 ? $"第{random.Next(50)}号企业集团" : null, from, to);
            }).ToList();
            var relations = random.NextDouble() < 0.1
                ? new List<RelationFact> { new(random.NextDouble() < 0.5 ? RelationKind.Consulting : RelationKind.Relative,
                    Org(random.Next(Applications)), null, "咨询或亲属", 2020 + random.Next(6), null) }
                : [];
            return new ReviewerFacts(Guid.CreateVersion7(), "评审员", employers, relations);
        }).ToArray();
        pool = new ConflictPool(applicants, reviewers);
    }

    /// <summary>Baseline: does the applicant's code equal an employer's code? Strings, no look-back, no evidence.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public int UsccEqualityOnly()
    {
        var hits = 0;
        foreach (var a in applicants)
        {
            if (string.IsNullOrEmpty(a.Uscc)) continue;
            foreach (var r in reviewers)
                foreach (var e in r.Employers)
                    if (string.Equals(a.Uscc, e.Uscc, StringComparison.Ordinal)) hits++;
        }
        return hits;
    }

    /// <summary>Every rule over every pair on the interned pool, with the Chinese evidence of each finding.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public int DetectAllRules() => ConflictDetector.DetectAll(pool, rules).Count;

    /// <summary>The same, including the interning and name normalisation the scan pays once per run.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public int PrepareAndDetectAllRules() => ConflictDetector.DetectAll(new ConflictPool(applicants, reviewers), rules).Count;
}
