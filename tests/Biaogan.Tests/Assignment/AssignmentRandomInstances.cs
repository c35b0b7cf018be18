using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>The size and mix of a synthetic assignment instance.</summary>
public sealed record AssignmentShape(
    int Applications,
    int Reviewers,
    int GroupSize,
    int MinCapacity,
    int MaxCapacity,
    int Employers,
    int Regions,
    double ConflictRate,
    double LeaderShare,
    int Sections = 6,
    int DivisionsPerSection = 4);

/// <summary>
/// Seeded synthetic instances for the solver's tests and benchmarks (also compiled into bench/Biaogan.Bench):
/// industries as letters and two-digit divisions, reviewers with 1–3 expertises, random employers (each with a home
/// region, where 90 % of its reviewers sit), load caps, 组长 eligibility and conflicts. The same seed always gives the
/// same instance.
/// </summary>
public static class AssignmentRandomInstances
{
    public static AssignmentProblem Create(AssignmentShape shape, int seed)
    {
        var random = new Random(seed);
        // Most reviewers work in their employer's province (统一社会信用代码 digits 3–8 name it); a few elsewhere.
        var home = Enumerable.Range(0, shape.Employers).Select(_ => random.Next(shape.Regions)).ToArray();
        var applications = Enumerable.Range(0, shape.Applications)
            .Select(i => new AssignmentApplication(Id(seed, 1, i), $"申报组织{i + 1}", Industry(random, shape))).ToList();
        var reviewers = Enumerable.Range(0, shape.Reviewers).Select(i =>
        {
            var capacity = random.Next(shape.MinCapacity, shape.MaxCapacity + 1);
            var expertise = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Expertise(random, shape)).Distinct().ToList();
            var employer = random.Next(shape.Employers);
            var region = random.NextDouble() < 0.9 ? home[employer] : random.Next(shape.Regions);
            return new AssignmentReviewer(Id(seed, 2, i), $"评审员{i + 1}", capacity, expertise,
                $"91{11 + home[employer]}0000EMPLOYER{employer:D4}", $"{11 + region}0000", random.NextDouble() < shape.LeaderShare);
        }).ToList();
        var conflicts = new List<ReviewerApplicationPair>();
        foreach (var a in applications)
            foreach (var r in reviewers)
                if (random.NextDouble() < shape.ConflictRate) conflicts.Add(new(r.Id, a.Id));
        return new AssignmentProblem(applications, reviewers, conflicts) { GroupSize = shape.GroupSize };
    }

    /// <summary>A deterministic id: the seed, the kind (1 = application, 2 = reviewer) and the index.</summary>
    public static Guid Id(int seed, int kind, int index) =>
        new(seed, (short)kind, (short)(index >> 16), 0, 0, 0, 0, 0, 0, (byte)(index >> 8), (byte)index);

    private static IndustryCode Industry(Random random, AssignmentShape shape)
    {
        var section = random.Next(shape.Sections);
        return new(((char)('A' + section)).ToString(), Division(section, random.Next(shape.DivisionsPerSection), shape));
    }

    private static IndustryCode Expertise(Random random, AssignmentShape shape)
    {
        var section = random.Next(shape.Sections);
        var letter = ((char)('A' + section)).ToString();
        // A third of the expertises name only the 门类.
        return random.Next(3) == 0 ? new(letter) : new(letter, Division(section, random.Next(shape.DivisionsPerSection), shape));
    }

    private static string Division(int section, int index, AssignmentShape shape) =>
        (1 + section * shape.DivisionsPerSection + index).ToString("D2");
}
