namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// The names of the units (申报组织, 推荐单位) users act for. A hook: Organizations uses Accounts, so Accounts asks
/// through this interface and Organizations implements it (<c>Organizations.UnitNames</c>).
/// </summary>
public interface IUnitNames
{
    /// <summary>The name of the user's organisation or recommending body, or null when the user has neither.</summary>
    Task<string?> NameOfAsync(AppUser user, CancellationToken ct = default);

    /// <summary>Names by id of the given organisations and recommending bodies (ids are unique across both).</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct = default);
}
