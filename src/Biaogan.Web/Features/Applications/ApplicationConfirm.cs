namespace Biaogan.Web.Features.Applications;

/// <summary>The confirmation asked before submitting (CSP-safe data-confirm): what happens and who is told.</summary>
public static class ApplicationConfirm
{
    public static string Submit(Application application, string organization, string? recommendingBody) =>
        application.Status == ApplicationStatus.SupplementRequested
            ? $"将以“{organization}”的名义提交补正材料，申报回到活动办公室的资格审查队列；提交后内容锁定。确定提交吗？"
            : $"将以“{organization}”的名义提交申报，并通知推荐单位{(string.IsNullOrWhiteSpace(recommendingBody) ? "" : $"“{recommendingBody}”")}出具推荐意见；" +
              "提交后申报内容锁定，不能再修改。确定提交吗？";
}
