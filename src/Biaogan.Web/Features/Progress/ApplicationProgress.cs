using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Progress;

/// <summary>The application pages' <see cref="IApplicationProgress"/>: reads every stage's facts and applies <see cref="StandingRules"/>.</summary>
internal sealed class ApplicationProgress(AppDbContext db, TimeProvider clock) : IApplicationProgress
{
    public async Task<IReadOnlyDictionary<Guid, ApplicationStanding>> StandingsAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken ct = default)
    {
        if (applicationIds.Count == 0) return new Dictionary<Guid, ApplicationStanding>();
        var facts = await ProgressFacts.LoadAsync(db, applicationIds, ct);
        var now = clock.GetUtcNow();
        return facts.Applications.ToDictionary(a => a.Id, a => StandingRules.Compute(a, ApplicationFacts.Of(a, facts), now));
    }
}
