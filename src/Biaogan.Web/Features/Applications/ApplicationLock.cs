using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Applications;

/// <summary>Why an application's form is read-only for the person looking at it, and what they can do.</summary>
public static class ApplicationLock
{
    public static string? Reason(Application a, bool isOwnApplicant)
    {
        if (!isOwnApplicant)
            return "您正在以只读方式查看申报内容；只有申报组织本单位的用户可以修改。";
        return a.Status switch
        {
            ApplicationStatus.Draft or ApplicationStatus.RecommendationDeclined or ApplicationStatus.SupplementRequested => null,
            ApplicationStatus.Submitted =>
                $"申报已于{When(a.SubmittedAt)}提交，正在等待推荐单位出具推荐意见，内容已锁定。如需修改，可以在申报详情中撤回申报，再新建申报。",
            ApplicationStatus.AwaitingQualification =>
                "推荐单位已出具推荐意见，申报正在等待活动办公室资格审查，内容已锁定。如活动办公室要求补正，您会收到通知，届时可以修改；资格审查结束前也可以撤回申报。",
            ApplicationStatus.Qualified => "申报已通过资格审查，内容不能再修改。请留意资料评审阶段的通知。",
            ApplicationStatus.Disqualified => "申报未通过资格审查，内容不能再修改。如有疑问，请联系活动办公室。",
            _ => $"申报已于{When(a.WithdrawnAt)}撤回，内容不能再修改。如需再次申报，请在“我的申报”中新建申报。",
        };
    }

    private static string When(DateTimeOffset? t) => t is { } v ? ChinaTime.Format(v) : "";
}
