namespace Biaogan.Web.Features.Organizations;

/// <summary>One decided sanction (第二十九条) of an organisation, as the office sees it when the organisation applies again.</summary>
public sealed record DisciplineNote(Guid SanctionId, int Year, string Number, string Kind, string Reason, DateTimeOffset DecidedAt, string Link);

/// <summary>
/// A hook: the office's application and qualification pages (lower features) show an organisation's discipline record, which
/// Discipline (a higher feature) keeps. Matched by 统一社会信用代码, so a record follows the organisation into later cycles.
/// </summary>
public interface IDisciplineRecord
{
    Task<IReadOnlyList<DisciplineNote>> DecidedForAsync(Guid organizationId, CancellationToken ct);
}
