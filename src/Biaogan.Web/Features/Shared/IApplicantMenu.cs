namespace Biaogan.Web.Features.Shared;

/// <summary>
/// What the applicant's menu needs to know: whether the organisation holds or held a 标杆称号. 标杆称号, 获奖后承诺 and
/// 获奖后监督 are offered only then (an organisation that has not won has nothing there). Awards implements it: the layout
/// sits in the lowest layer and asks the higher feature through this hook.
/// </summary>
public interface IApplicantMenu
{
    Task<bool> HasAwardAsync(Guid organizationId, CancellationToken ct = default);
}
