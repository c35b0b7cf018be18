using Xunit.Abstractions;
using Xunit.Sdk;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// Marks a test class that never touches a database (pure rules, solver, calendar, architecture). The suite runs once per
/// database provider; these classes give the same answer on both, so scripts/test.sh runs them only in the SQLite pass
/// (<c>--filter Database!=None</c> on PostgreSQL). <see cref="Biaogan.Tests.Architecture.NoDatabaseTraitTests"/> checks
/// that no marked class starts an app.
/// </summary>
[TraitDiscoverer("Biaogan.Tests.Infrastructure.NoDatabaseDiscoverer", "Biaogan.Tests")]
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoDatabaseAttribute : Attribute, ITraitAttribute;

/// <summary>Turns <see cref="NoDatabaseAttribute"/> into the trait <c>Database=None</c> the test filter sees.</summary>
public sealed class NoDatabaseDiscoverer : ITraitDiscoverer
{
    public const string Name = "Database";
    public const string Value = "None";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) => [new(Name, Value)];
}
