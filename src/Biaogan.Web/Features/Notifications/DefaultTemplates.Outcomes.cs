namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// The notices of the programme's outcomes (docs/decisions/0032): what each organisation hears at every result, and
/// what the committees hear when a vote waits for them. Like every template, the office edits them at /Notifications/Templates.
/// </summary>
public static partial class DefaultTemplates
{
    public const string Shortlisted = "outcome.shortlisted";
    public const string NotShortlisted = "outcome.not-shortlisted";
    public const string InPublicNotice = "outcome.in-public-notice";
    public const string ObjectionConcluded = "notice.objection-concluded";
    public const string SentToApproval = "outcome.sent-to-approval";
    public const string Awarded = "outcome.awarded";
    public const string NotAwarded = "outcome.not-awarded";
    public const string ShortlistVoteWaiting = "committee.shortlist-vote";
    public const string EvaluationVoteWaiting = "committee.evaluation-vote";
    public const string ApprovalVoteWaiting = "committee.approval-vote";
    public const string StageReportWaiting = "committee.stage-report";

    private static IEnumerable<MessageTemplate> OutcomeTemplates() =>
    [
        T(Shortlisted, "入围评议结果：入围现场评审（告知申报组织）", "入围通知：{{申报编号}} 已入围现场评审",
            "{{收件人}}，您好：\n\n经评审委员会入围评议（《实施细则》第十八条），贵组织（{{组织名称}}）{{年度}}年度全国用户满意标杆申报（{{申报编号}}，{{类别}}）已入围现场评审。\n活动办公室将组建现场评审专家组，并与贵组织商定现场评审日程，届时将另行通知。请提前准备现场评审所需的资料和人员安排。\n查看申报进度：\n{{链接}}",
            "收件人,组织名称,年度,申报编号,类别,链接"),
        T(NotShortlisted, "入围评议结果：未入围现场评审（告知申报组织）", "资料评审结果：{{申报编号}} 未入围现场评审",
            "{{收件人}}，您好：\n\n经评审委员会入围评议（《实施细则》第十八条），贵组织（{{组织名称}}）{{年度}}年度全国用户满意标杆申报（{{申报编号}}，{{类别}}）未入围本年度现场评审。\n活动办公室将向贵组织发放资料评审反馈报告，列明各类目的优势、改进机会和达到的评分档次。报告发放时您会另外收到通知，届时可在申报页面查看和下载：\n{{链接}}\n\n感谢贵组织的参与，欢迎持续改进后再次申报。",
            "收件人,组织名称,年度,申报编号,类别,链接"),
        T(InPublicNotice, "推荐名单公示：告知列入公示名单的组织", "贵组织已列入{{年度}}年度全国用户满意标杆公示名单",
            "{{收件人}}，您好：\n\n经评审委员会综合评价，{{组织名称}}已列入{{年度}}年度全国用户满意标杆推荐名单，现向社会公示（《实施细则》第二十一条）。\n公示期：{{公示期}}，异议受理截止：{{截止时间}}。\n公示期间如有单位或个人提出异议，活动办公室将依规核查，需要时会请贵组织书面答复。公示期满且无异议或异议办结后，名单将提交审定委员会审定。\n查看公示：\n{{链接}}",
            "收件人,组织名称,年度,公示期,截止时间,链接"),
        T(ObjectionConcluded, "公示异议办结后告知被异议组织", "公示异议已办结（{{受理编号}}）",
            "{{收件人}}，您好：\n\n公示期间关于{{组织名称}}的异议（受理编号 {{受理编号}}）已经活动办公室核查办结，结论：{{结论}}。\n{{后续安排}}\n查看：\n{{链接}}",
            "收件人,组织名称,受理编号,结论,后续安排,链接"),
        T(SentToApproval, "公示期满提交审定后告知申报组织", "已提交审定：{{组织名称}}",
            "{{收件人}}，您好：\n\n{{年度}}年度全国用户满意标杆公示期已满，{{组织名称}}已列入提交审定委员会审定的名单（《实施细则》第二十二条）。审定结果确定后，我们将另行通知。\n查看申报进度：\n{{链接}}",
            "收件人,组织名称,年度,链接"),
        T(Awarded, "审定通过：告知获奖组织（含证书和标识使用规定）", "祝贺 {{组织名称}} 获得{{年度}}年度全国用户满意标杆",
            "{{收件人}}，您好：\n\n经审定委员会审定（《实施细则》第二十二条），{{组织名称}}获得{{年度}}年度全国用户满意标杆称号（{{称号}}），证书编号 {{证书编号}}。\n证书（PDF）可登录后下载：\n{{证书链接}}\n\n标识使用规定（《实施细则》第三十二条）：\n1. 可以在广告等宣传中正确使用全国用户满意标杆标识，使用时必须注明获奖年份，如“{{年度}}年度全国用户满意标杆”；\n2. 不得在产品上（含产品本体、包装、标签和说明书）标注全国用户满意标杆标识；\n3. 宣传时不得造成产品获奖的误解：称号授予的是组织或专项服务，而不是某一产品；\n4. 有关宣传应当符合《中华人民共和国广告法》等法律法规；称号被撤销后，应立即停止使用标识及有关宣传。\n\n本组织的标杆称号：\n{{链接}}",
            "收件人,组织名称,年度,称号,证书编号,证书链接,链接"),
        T(NotAwarded, "审定未通过：告知申报组织", "审定结果：{{申报编号}}",
            "{{收件人}}，您好：\n\n经审定委员会审定（《实施细则》第二十二条），{{组织名称}}{{年度}}年度全国用户满意标杆申报（{{申报编号}}）未获得标杆称号。如有疑问，请联系活动办公室。\n感谢贵组织的参与，欢迎持续改进后再次申报。\n查看申报进度：\n{{链接}}",
            "收件人,组织名称,年度,申报编号,链接"),
        T(StageReportWaiting, "阶段工作报告待审议：告知评审委员会委员", "{{报告}}待您审议：{{年度}}年度",
            "{{收件人}}，您好：\n\n活动办公室已生成{{年度}}年度{{报告}}（第 {{稿次}} 稿），提请评审委员会审议（《实施细则》第九条）。请登录系统阅读报告，选择“同意”或填写意见。{{说明}}\n{{截止说明}}\n{{链接}}",
            "收件人,年度,报告,稿次,说明,截止说明,链接"),
        T(ShortlistVoteWaiting, "入围评议待投票：告知评审委员会委员", "入围评议待您投票：{{年度}}年度 {{类别}}",
            "{{收件人}}，您好：\n\n{{年度}}年度{{类别}}的申报已完成资料评审一致性评审，进入评审委员会入围评议（《实施细则》第十八条）。请登录系统查看排名并投票；如与某项申报存在利益冲突，请声明回避。\n{{截止说明}}\n{{链接}}",
            "收件人,年度,类别,截止说明,链接"),
        T(EvaluationVoteWaiting, "综合评价待投票：告知评审委员会委员", "综合评价待您投票：{{组织名称}}",
            "{{收件人}}，您好：\n\n{{组织名称}}（{{申报编号}}，{{类别}}）的现场评审结果已经活动办公室确认，进入{{年度}}年度综合评价（《实施细则》第二十条）。请登录系统查看资料评审和现场评审结果并投票；如存在利益冲突，请声明回避。\n{{截止说明}}\n{{链接}}",
            "收件人,组织名称,申报编号,类别,年度,截止说明,链接"),
        T(ApprovalVoteWaiting, "审定待投票：告知审定委员会委员", "审定待您投票：{{年度}}年度推荐名单",
            "{{收件人}}，您好：\n\n{{年度}}年度全国用户满意标杆公示期已满，公示后的推荐名单（{{组织数}} 家组织）已提交审定委员会审定（《实施细则》第二十二条）。请登录系统逐一表决；如与某家组织存在利益冲突，请声明回避。\n{{截止说明}}\n{{链接}}",
            "收件人,年度,组织数,截止说明,链接"),
    ];
}
