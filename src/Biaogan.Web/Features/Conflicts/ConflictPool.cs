namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// The facts of one scan with every 统一社会信用代码, normalised name and group name interned to an integer (0 = none),
/// laid out in flat arrays so that <see cref="ConflictDetector"/> compares integers only.
/// </summary>
public sealed class ConflictPool
{
    public readonly record struct Applicant(int Uscc, int Name, int Group, int Body);
    public readonly record struct Employer(int Uscc, int Name, int Group, int From, int To);
    public readonly record struct Relation(RelationKind Kind, int Uscc, int Name, int From, int To);
    public readonly record struct Reviewer(int EmployerStart, int EmployerEnd, int RelationStart, int RelationEnd);

    private readonly Dictionary<string, int> keys = new(StringComparer.Ordinal);

    public Applicant[] Applicants { get; }
    public Reviewer[] Reviewers { get; }
    public Employer[] Employers { get; }
    public Relation[] Relations { get; }
    public ApplicantFacts[] ApplicantFacts { get; }
    public ReviewerFacts[] ReviewerFacts { get; }
    public EmployerFact[] EmployerFacts { get; }
    public RelationFact[] RelationFacts { get; }

    public ConflictPool(IReadOnlyList<ApplicantFacts> applicants, IReadOnlyList<ReviewerFacts> reviewers)
    {
        ApplicantFacts = [.. applicants];
        ReviewerFacts = [.. reviewers];
        Applicants = ApplicantFacts.Select(a => new Applicant(Code(a.Uscc), Name(a.OrganizationName), Name(a.GroupName), Name(a.RecommendingBodyName))).ToArray();
        EmployerFacts = ReviewerFacts.SelectMany(r => r.Employers).ToArray();
        RelationFacts = ReviewerFacts.SelectMany(r => r.Relations).ToArray();
        Employers = EmployerFacts.Select(e => new Employer(Code(e.Uscc), Name(e.Name), Name(e.GroupName), e.FromYear, e.ToYear ?? int.MaxValue)).ToArray();
        Relations = RelationFacts.Select(t => new Relation(t.Kind, Code(t.Uscc), Name(t.OrganizationName), t.FromYear ?? int.MinValue, t.ToYear ?? int.MaxValue)).ToArray();
        Reviewers = new Reviewer[ReviewerFacts.Length];
        int e0 = 0, t0 = 0;
        for (var i = 0; i < ReviewerFacts.Length; i++)
        {
            var (e1, t1) = (e0 + ReviewerFacts[i].Employers.Count, t0 + ReviewerFacts[i].Relations.Count);
            Reviewers[i] = new Reviewer(e0, e1, t0, t1);
            (e0, t0) = (e1, t1);
        }
    }

    public int PairCount => Applicants.Length * Reviewers.Length;

    /// <summary>Codes are compared as written (upper case, trimmed); names through <see cref="OrganizationNames.Normalize"/>.</summary>
    private int Code(string? uscc) => Intern("#" + (uscc ?? "").Trim().ToUpperInvariant(), uscc);

    private int Name(string? name) => Intern(OrganizationNames.Normalize(name), name);

    private int Intern(string key, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || key.Length == 0 || key == "#") return 0;
        if (!keys.TryGetValue(key, out var id)) keys[key] = id = keys.Count + 1;
        return id;
    }
}
