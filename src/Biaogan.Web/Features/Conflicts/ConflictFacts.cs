namespace Biaogan.Web.Features.Conflicts;

/// <summary>One rule's switch: on or off, and whether names are compared where a 统一社会信用代码 is missing.</summary>
public readonly record struct RuleSwitch(bool Enabled, bool MatchByName)
{
    public static RuleSwitch On => new(true, true);
    public static RuleSwitch Off => new(false, false);
}

/// <summary>The rules of one cycle as the detector takes them. <see cref="Year"/> is the cycle's year.</summary>
public sealed record ConflictRuleSet(int Year, int LookbackYears, RuleSwitch Employment, RuleSwitch Consulting,
    RuleSwitch RecommendingBody, RuleSwitch EnterpriseGroup, RuleSwitch PersonalRelation)
{
    /// <summary>The first year that still counts: a tie that ended in this year or later is within the look-back.</summary>
    public int WindowStart => Year - LookbackYears;

    public static ConflictRuleSet AllOn(int year, int lookbackYears) =>
        new(year, lookbackYears, RuleSwitch.On, RuleSwitch.On, RuleSwitch.On, RuleSwitch.On, RuleSwitch.On);
}

/// <summary>What the detector knows of an application: its organisation, group and recommending body.</summary>
public sealed record ApplicantFacts(Guid ApplicationId, string OrganizationName, string? Uscc, string? GroupName, string? RecommendingBodyName);

/// <summary>A period of the reviewer's work history; <see cref="GroupName"/> when the employer is a known organisation.</summary>
public sealed record EmployerFact(string Name, string? Uscc, string? GroupName, int FromYear, int? ToYear)
{
    public string Years => $"{FromYear}—{(ToYear is { } to ? to.ToString() : "至今")}";
}

/// <summary>A tie the reviewer declared (<see cref="ReviewerRelation"/>).</summary>
public sealed record RelationFact(RelationKind Kind, string OrganizationName, string? Uscc, string Description, int? FromYear, int? ToYear)
{
    public string Years => FromYear is null ? "" : $"{FromYear}—{(ToYear is { } to ? to.ToString() : "至今")}";
}

/// <summary>What the detector knows of a reviewer.</summary>
public sealed record ReviewerFacts(Guid ReviewerId, string Name, IReadOnlyList<EmployerFact> Employers, IReadOnlyList<RelationFact> Relations);

/// <summary>One conflict found: the pair, the rule's source and the evidence in Chinese (stable for the same facts).</summary>
public readonly record struct ConflictFinding(Guid ApplicationId, Guid ReviewerId, ConflictSource Source, string Evidence);
