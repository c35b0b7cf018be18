namespace Biaogan.Web.Features.Notifications;

/// <summary>The notices of the winners' yearly progress reports (第二十三条, docs/decisions/0045); editable like every template.</summary>
public static partial class DefaultTemplates
{
    public const string ProgressReportReminder = "commitments.progress-report-reminder";
    public const string ProgressReportOverdue = "commitments.progress-report-overdue";
    public const string ProgressReportOverdueOffice = "commitments.progress-report-overdue-office";

    private static IEnumerable<MessageTemplate> CommitmentTemplates() =>
    [
        T(ProgressReportReminder, "年度进展报告截止前提醒获奖组织", "提醒：请在 {{截止日期}} 前提交{{年度}}年度进展报告",
            "{{收件人}}，您好：\n\n根据《实施细则》第二十三条，获奖组织应制定提高质量水平的新目标并持续改进。{{组织名称}}（证书编号 {{证书编号}}）的{{年度}}年度进展报告（目标进展、本年度用户满意度测评结果、质量管理新实践）请在 {{截止日期}} 前登录系统提交：\n{{链接}}",
            "收件人,组织名称,证书编号,年度,截止日期,链接"),
        T(ProgressReportOverdue, "年度进展报告逾期后告知获奖组织", "{{年度}}年度进展报告已逾期，请尽快提交",
            "{{收件人}}，您好：\n\n{{组织名称}}（证书编号 {{证书编号}}）的{{年度}}年度进展报告截止日期 {{截止日期}} 已过，尚未提交（《实施细则》第二十三条）。逾期情况将作为获奖三年后确认的参考，请尽快提交：\n{{链接}}",
            "收件人,组织名称,证书编号,年度,截止日期,链接"),
        T(ProgressReportOverdueOffice, "年度进展报告逾期后告知活动办公室", "进展报告逾期：{{组织名称}}（{{年度}}年度）",
            "{{收件人}}，您好：\n\n{{组织名称}}（证书编号 {{证书编号}}）的{{年度}}年度进展报告截止日期 {{截止日期}} 已过，尚未提交。已同时提醒该组织。逾期名单：\n{{链接}}",
            "收件人,组织名称,证书编号,年度,截止日期,链接"),
    ];
}
