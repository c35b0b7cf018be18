using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Applications;

public enum ApplicationAction { Submit, Recommend, DeclineRecommendation, RequestSupplement, ResubmitSupplement, Pass, Fail, Withdraw, RevokeQualification }

public sealed partial class Application
{
    /// <summary>Every legal (from, action) pair; anything else is refused with one Chinese message.</summary>
    public static readonly IReadOnlySet<(ApplicationStatus From, ApplicationAction Action)> Transitions =
        new HashSet<(ApplicationStatus, ApplicationAction)>
        {
            (ApplicationStatus.Draft, ApplicationAction.Submit),
            (ApplicationStatus.RecommendationDeclined, ApplicationAction.Submit),
            (ApplicationStatus.Submitted, ApplicationAction.Recommend),
            (ApplicationStatus.Submitted, ApplicationAction.DeclineRecommendation),
            (ApplicationStatus.AwaitingQualification, ApplicationAction.RequestSupplement),
            (ApplicationStatus.AwaitingQualification, ApplicationAction.Pass),
            (ApplicationStatus.AwaitingQualification, ApplicationAction.Fail),
            // 补正期限届满未补正的，办公室可作出不通过结论
            (ApplicationStatus.SupplementRequested, ApplicationAction.Fail),
            (ApplicationStatus.SupplementRequested, ApplicationAction.ResubmitSupplement),
            // 资格审查结束前允许撤回
            (ApplicationStatus.Draft, ApplicationAction.Withdraw),
            (ApplicationStatus.Submitted, ApplicationAction.Withdraw),
            (ApplicationStatus.RecommendationDeclined, ApplicationAction.Withdraw),
            (ApplicationStatus.AwaitingQualification, ApplicationAction.Withdraw),
            (ApplicationStatus.SupplementRequested, ApplicationAction.Withdraw),
            // 第二十九条: the leading group may withdraw the qualification at whatever stage the application is.
            (ApplicationStatus.Submitted, ApplicationAction.RevokeQualification),
            (ApplicationStatus.RecommendationDeclined, ApplicationAction.RevokeQualification),
            (ApplicationStatus.AwaitingQualification, ApplicationAction.RevokeQualification),
            (ApplicationStatus.SupplementRequested, ApplicationAction.RevokeQualification),
            (ApplicationStatus.Qualified, ApplicationAction.RevokeQualification),
        };

    private void Move(ApplicationAction action)
    {
        // 资格审查结束后申报进入评审（或已结束），撤回会使已开展的评审失去对象，因此只能由活动办公室按规定处理。
        if (action == ApplicationAction.Withdraw && Status is ApplicationStatus.Qualified or ApplicationStatus.Disqualified)
            throw new DomainRuleException($"申报当前状态为“{Status.Display()}”，资格审查已结束，申报不能再撤回。如有特殊情况，请联系活动办公室说明。");
        if (!Transitions.Contains((Status, action)))
            throw new DomainRuleException($"申报当前状态为“{Status.Display()}”，不能{ActionText(action)}。请刷新页面查看最新状态。");
    }

    public static string ActionText(ApplicationAction a) => a switch
    {
        ApplicationAction.Submit => "提交申报",
        ApplicationAction.Recommend => "出具推荐意见",
        ApplicationAction.DeclineRecommendation => "不予推荐",
        ApplicationAction.RequestSupplement => "要求补正",
        ApplicationAction.ResubmitSupplement => "提交补正材料",
        ApplicationAction.Pass => "作出资格审查通过结论",
        ApplicationAction.Fail => "作出资格审查不通过结论",
        ApplicationAction.RevokeQualification => "撤销申报及接受评审资格",
        _ => "撤回申报",
    };
}
