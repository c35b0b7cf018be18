namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// The Chinese notification templates the system starts with. They are copied into the database on
/// first start, where the office edits them; the code only falls back to these if a row is missing.
/// </summary>
public static partial class DefaultTemplates
{
    public const string ConfirmEmail = "account.confirm-email";
    /// <summary>A message the office writes to a filtered set of applicants (批量发送通知).</summary>
    public const string OfficeMessage = "office.message";
    /// <summary>A message the office writes to a filtered set of reviewers (评审员库 → 批量发送通知).</summary>
    public const string OfficeReviewerMessage = "office.reviewer-message";
    public const string Invitation = "account.invitation";
    public const string ResetPassword = "account.reset-password";
    public const string RecommenderApproved = "recommender.approved";
    public const string RecommenderRejected = "recommender.rejected";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationWithdrawn = "application.withdrawn";
    public const string RecommendationRequested = "recommendation.requested";
    public const string Recommended = "recommendation.recommended";
    public const string RecommendationDeclined = "recommendation.declined";
    public const string QualificationQueued = "qualification.queued";
    public const string QualificationPassed = "qualification.passed";
    public const string QualificationFailed = "qualification.failed";
    public const string SupplementRequested = "qualification.supplement-requested";
    public const string SupplementResubmitted = "qualification.supplement-resubmitted";
    /// <summary>The office's reminder to organisations still owing a 补正 (bulk action on the 资格审查 queue).</summary>
    public const string SupplementReminder = "qualification.supplement-reminder";
    public const string ConflictDeclared = "conflict.declared";
    public const string AssignmentSeated = "assignment.seated";
    public const string AssignmentRemoved = "assignment.removed";
    public const string AssignmentDeclined = "assignment.declined";
    public const string ScoringReminder = "scoring.reminder";
    public const string ScoringOverdue = "scoring.overdue";
    public const string ScoringOverdueOffice = "scoring.overdue-office";
    public const string ScoringReopened = "scoring.reopened";
    public const string FeedbackReleased = "feedback.released";
    public const string OnSiteScheduleProposed = "onsite.schedule-proposed";
    public const string OnSiteScheduleChangeRequested = "onsite.schedule-change-requested";
    public const string OnSiteScheduleAgreed = "onsite.schedule-agreed";
    public const string OnSiteLeaderApproved = "onsite.leader-approved";
    public const string OnSiteReturned = "onsite.report-returned";
    public const string OnSiteReportReleased = "onsite.report-released";
    public const string EvaluationVotingComplete = "evaluation.voting-complete";
    public const string EvaluationFinalised = "evaluation.finalised";
    public const string MutualFeedbackSubmitted = "mutual-feedback.submitted";
    public const string MutualFeedbackReopened = "mutual-feedback.reopened";
    public const string ObjectionReceipt = "notice.objection-receipt";
    public const string ObjectionReplyRequested = "notice.objection-reply-requested";
    public const string SupervisionAwardRevoked = "supervision.award-revoked";
    public const string SupervisionDecided = "supervision.decided";
    public const string SupervisionReplyRequested = "supervision.reply-requested";
    public const string IncidentReportRequested = "supervision.incident-report-requested";
    public const string IncidentReportReminder = "supervision.incident-report-reminder";
    public const string IncidentReportOverdue = "supervision.incident-report-overdue";
    public const string SupervisionForDecision = "supervision.for-decision";

    private const string Signature = "\n\n全国用户满意标杆活动办公室\n（本邮件由系统自动发送，请勿直接回复）";

    public static readonly IReadOnlyList<MessageTemplate> All =
    [
        T(ConfirmEmail, "注册后确认电子邮箱", "请确认您在全国用户满意标杆申报系统的注册邮箱",
            "{{收件人}}，您好：\n\n您已使用本邮箱注册全国用户满意标杆申报系统账号（{{单位名称}}）。请在 24 小时内打开以下链接完成邮箱确认：\n{{链接}}\n\n如非本人操作，请忽略本邮件。", "收件人,单位名称,链接"),
        T(Invitation, "邀请工作人员、评审员或委员", "邀请您加入全国用户满意标杆评审工作（{{角色}}）",
            "{{收件人}}，您好：\n\n活动办公室邀请您以“{{角色}}”身份使用全国用户满意标杆管理系统。请在 7 天内打开以下链接设置密码并激活账号：\n{{链接}}", "收件人,角色,链接"),
        T(ResetPassword, "找回密码", "重置您的全国用户满意标杆系统密码",
            "{{收件人}}，您好：\n\n请打开以下链接重置密码（24 小时内有效）：\n{{链接}}\n\n如非本人操作，请忽略本邮件，您的密码不会改变。", "收件人,链接"),
        T(RecommenderApproved, "推荐单位注册审核通过", "推荐单位注册已通过审核",
            "{{收件人}}，您好：\n\n{{推荐单位}} 的注册已通过活动办公室审核。申报组织现在可以选择贵单位出具推荐意见。", "收件人,推荐单位"),
        T(RecommenderRejected, "推荐单位注册审核未通过", "推荐单位注册未通过审核",
            "{{收件人}}，您好：\n\n{{推荐单位}} 的注册未通过审核，原因：{{理由}}\n如有疑问，请联系活动办公室。", "收件人,推荐单位,理由"),
        T(ApplicationSubmitted, "申报组织提交申报后告知本组织", "申报已提交：{{申报编号}}",
            "{{收件人}}，您好：\n\n{{组织名称}} 的{{年度}}年度全国用户满意标杆申报（{{申报编号}}）已提交，正在等待 {{推荐单位}} 出具推荐意见。\n查看进度：{{链接}}", "收件人,组织名称,年度,申报编号,推荐单位,链接"),
        T(ApplicationWithdrawn, "申报撤回后告知相关方", "申报已撤回：{{申报编号}}",
            "{{收件人}}，您好：\n\n{{组织名称}} 已撤回{{年度}}年度申报（{{申报编号}}）。\n理由：{{理由}}", "收件人,组织名称,年度,申报编号,理由"),
        T(RecommendationRequested, "请推荐单位出具推荐意见", "请为 {{组织名称}} 出具推荐意见",
            "{{收件人}}，您好：\n\n{{组织名称}} 申报{{年度}}年度全国用户满意标杆（{{类别}}），选择贵单位出具推荐意见（第十五条）。请登录系统查看申报材料，出具推荐意见并上传盖章推荐函，或说明不予推荐的理由：\n{{链接}}", "收件人,组织名称,年度,类别,链接"),
        T(Recommended, "推荐单位已出具推荐意见", "{{推荐单位}} 已出具推荐意见",
            "{{收件人}}，您好：\n\n{{推荐单位}} 已为贵组织的申报（{{申报编号}}）出具推荐意见。申报已进入活动办公室资格审查（第十六条）。\n查看进度：{{链接}}", "收件人,推荐单位,申报编号,链接"),
        T(QualificationQueued, "推荐意见出具后告知活动办公室", "新的资格审查申报：{{组织名称}}（{{申报编号}}）",
            "{{收件人}}，您好：\n\n{{推荐单位}} 已为 {{组织名称}} 的申报（{{申报编号}}，{{类别}}）出具推荐意见，申报已进入资格审查队列（第十六条）：\n{{链接}}", "收件人,推荐单位,组织名称,申报编号,类别,链接"),
        T(RecommendationDeclined, "推荐单位不予推荐", "{{推荐单位}} 未出具推荐意见",
            "{{收件人}}，您好：\n\n{{推荐单位}} 未能为贵组织的申报（{{申报编号}}）出具推荐意见，理由：{{理由}}\n您可以修改申报或选择其他推荐单位后重新提交：\n{{链接}}", "收件人,推荐单位,申报编号,理由,链接"),
        T(QualificationPassed, "资格审查通过", "资格审查结果：{{申报编号}} 通过",
            "{{收件人}}，您好：\n\n贵组织的申报（{{申报编号}}）已通过资格审查，将进入资料评审阶段（第十七条）。\n{{链接}}", "收件人,申报编号,链接"),
        T(QualificationFailed, "资格审查未通过", "资格审查结果：{{申报编号}} 未通过",
            "{{收件人}}，您好：\n\n贵组织的申报（{{申报编号}}）未通过资格审查。原因：\n{{理由}}\n{{链接}}", "收件人,申报编号,理由,链接"),
        T(SupplementRequested, "资格审查要求补正材料", "请在 {{截止日期}} 前补正申报材料：{{申报编号}}",
            "{{收件人}}，您好：\n\n活动办公室在资格审查中要求贵组织补正申报材料（{{申报编号}}）：\n{{理由}}\n\n请在 {{截止日期}}（{{工作日}}个工作日）前修改并重新提交：\n{{链接}}", "收件人,申报编号,理由,截止日期,工作日,链接"),
        T(SupplementReminder, "活动办公室批量提醒尚未提交补正材料的申报组织", "提醒：请在 {{截止日期}} 前提交补正材料（{{申报编号}}）",
            "{{收件人}}，您好：\n\n{{组织名称}}的申报（{{申报编号}}）在资格审查中被要求补正材料，补正期限为 {{截止日期}}，目前尚未收到补正后的申报。逾期未补正的，活动办公室可以作出资格审查不通过的结论。\n{{附言}}\n请尽快修改并重新提交：\n{{链接}}",
            "收件人,组织名称,申报编号,截止日期,附言,链接"),
        T(SupplementResubmitted, "申报组织提交补正材料后告知办公室", "{{组织名称}} 已提交补正材料",
            "{{收件人}}，您好：\n\n{{组织名称}} 已提交第 {{轮次}} 轮补正材料（{{申报编号}}），请继续资格审查：\n{{链接}}", "收件人,组织名称,轮次,申报编号,链接"),
        T(ConflictDeclared, "评审员声明存在利益冲突后告知活动办公室", "评审员 {{评审员}} 声明与 {{组织名称}} 存在利益冲突",
            "{{收件人}}，您好：\n\n评审员 {{评审员}} 在{{评审阶段}}声明中申报与 {{组织名称}}（{{申报编号}}）存在利益冲突，已自动撤出该专家组，请及时补充安排评审员。\n申报的情况：{{理由}}\n查看利益冲突记录：{{链接}}", "收件人,评审员,评审阶段,组织名称,申报编号,理由,链接"),
        T(AssignmentSeated, "评审员被分配到专家组", "评审任务：{{组织名称}}（{{阶段}}，{{角色}}）",
            "{{收件人}}，您好：\n\n活动办公室已将您分配到 {{组织名称}}（{{申报编号}}）的{{阶段}}专家组，担任{{角色}}。\n查看材料前，请先签署无利益冲突声明和保密承诺；如存在利益冲突或无法参加，请在任务列表中说明理由谢绝：\n{{链接}}", "收件人,组织名称,申报编号,阶段,角色,链接"),
        T(AssignmentRemoved, "评审员被调出专家组", "专家组调整：{{组织名称}}",
            "{{收件人}}，您好：\n\n活动办公室调整了专家组，您不再参加 {{组织名称}}（{{申报编号}}）的{{阶段}}。\n原因：{{理由}}\n查看您的评审任务：\n{{链接}}", "收件人,组织名称,申报编号,阶段,理由,链接"),
        T(AssignmentDeclined, "评审员谢绝专家组席位后告知办公室", "评审员谢绝：{{评审员}} — {{组织名称}}",
            "{{收件人}}，您好：\n\n评审员{{评审员}}谢绝参加 {{组织名称}}（{{申报编号}}）的{{阶段}}专家组。\n理由：{{理由}}\n请在分配页面为空缺重新求解（其余席位保持不变）：\n{{链接}}", "收件人,评审员,组织名称,申报编号,阶段,理由,链接"),
        T(ScoringReminder, "资料评审独立评分截止前提醒评审员", "请在 {{截止日期}} 前提交独立评分表：{{申报组织}}",
            "{{收件人}}，您好：\n\n您在{{申报组织}}资料评审专家组中的独立评分表尚未提交，截止日期为 {{截止日期}}（今天之后还有 {{剩余工作日}} 个工作日）。\n请登录系统完成评分并提交：\n{{链接}}",
            "收件人,申报组织,截止日期,剩余工作日,链接"),
        T(ScoringOverdue, "资料评审独立评分逾期提醒评审员", "独立评分表已逾期：{{申报组织}}",
            "{{收件人}}，您好：\n\n您在{{申报组织}}资料评审专家组中的独立评分表已超过截止日期 {{截止日期}}（逾期 {{逾期工作日}} 个工作日），请尽快完成并提交；如无法完成，请联系活动办公室。\n{{链接}}",
            "收件人,申报组织,截止日期,逾期工作日,链接"),
        T(ScoringOverdueOffice, "资料评审独立评分逾期告知办公室", "评审员 {{评审员}} 的独立评分表已逾期：{{申报组织}}",
            "{{收件人}}，您好：\n\n评审员 {{评审员}} 在{{申报组织}}资料评审专家组中的独立评分表已超过截止日期 {{截止日期}}（逾期 {{逾期工作日}} 个工作日）仍未提交。\n查看评分进度：{{链接}}",
            "收件人,评审员,申报组织,截止日期,逾期工作日,链接"),
        T(ScoringReopened, "活动办公室重新开放独立评分表", "您的独立评分表已重新开放：{{申报组织}}",
            "{{收件人}}，您好：\n\n活动办公室重新开放了您对{{申报组织}}的独立评分表，原因：{{理由}}\n请修改后在 {{截止日期}} 前再次提交：\n{{链接}}",
            "收件人,申报组织,理由,截止日期,链接"),
        T(FeedbackReleased, "资料评审反馈报告发放给申报组织", "资料评审反馈报告已发放（{{申报编号}}）",
            "{{收件人}}，您好：\n\n贵组织（{{组织名称}}）的申报（{{申报编号}}）未入选{{年度}}现场评审。按照《实施细则》第十八条，活动办公室已向贵组织发放资料评审反馈报告，列明各类目的优势、改进机会和达到的评分档次，供持续改进参考。\n请登录后在申报页面查看和下载：\n{{链接}}",
            "收件人,组织名称,申报编号,年度,链接"),
        T(OnSiteScheduleProposed, "现场评审日程请申报组织确认", "请确认现场评审日程：{{申报编号}}",
            "{{收件人}}，您好：\n\n{{提出人}}为贵组织（{{组织名称}}）的现场评审（《实施细则》第十九条）提出了日程安排：{{日期}}，地点：{{地点}}。\n请登录系统查看详细日程，确认或提出调整意见：\n{{链接}}",
            "收件人,提出人,组织名称,申报编号,日期,地点,链接"),
        T(OnSiteScheduleChangeRequested, "申报组织要求调整现场评审日程", "{{组织名称}} 要求调整现场评审日程",
            "{{收件人}}，您好：\n\n{{组织名称}}（{{申报编号}}）对现场评审日程提出调整意见：\n{{意见}}\n请与组织沟通后重新提出日程：\n{{链接}}",
            "收件人,组织名称,申报编号,意见,链接"),
        T(OnSiteScheduleAgreed, "现场评审日程已确认，告知组织、专家组和办公室", "现场评审日程已确认：{{组织名称}}（{{日期}}）",
            "{{收件人}}，您好：\n\n{{组织名称}}（{{申报编号}}）的现场评审日程已确认：{{日期}}，地点：{{地点}}。邮件附有日历文件（.ics），打开即可把现场评审日期加入您的日历。\n查看日程安排：\n{{链接}}",
            "收件人,组织名称,申报编号,日期,地点,链接"),
        T(OnSiteLeaderApproved, "组长确认现场评审报告后告知办公室", "请审核现场评审报告：{{组织名称}}",
            "{{收件人}}，您好：\n\n{{组织名称}}（{{申报编号}}）现场评审专家组组长已确认现场评审报告，请审核确认：\n{{链接}}",
            "收件人,组织名称,申报编号,链接"),
        T(OnSiteReturned, "活动办公室退回现场评审报告", "现场评审报告已退回修改：{{组织名称}}",
            "{{收件人}}，您好：\n\n活动办公室退回了 {{组织名称}}（{{申报编号}}）的现场评审报告，原因：{{理由}}\n请修改后由组长重新确认：\n{{链接}}",
            "收件人,组织名称,申报编号,理由,链接"),
        T(OnSiteReportReleased, "现场评审报告发送给申报组织", "现场评审报告已发送（{{申报编号}}）",
            "{{收件人}}，您好：\n\n贵组织（{{组织名称}}）{{年度}}现场评审的现场评审报告（《实施细则》第十九条）已经活动办公室确认并发送，列明现场评审意见和存在的问题，供贵组织改进参考。\n请登录后查看和下载：\n{{链接}}",
            "收件人,组织名称,申报编号,年度,链接"),
        T(EvaluationVotingComplete, "综合评价：评审委员会委员均已投票后告知办公室", "综合评价投票已完成：{{年度}} {{类别}}",
            "{{收件人}}，您好：\n\n{{年度}}{{类别}}的 {{申报数}} 项申报，评审委员会委员（回避者除外）均已完成综合评价投票（第二十条）。请记录评价结果并确定推荐名单：\n{{链接}}",
            "收件人,年度,类别,申报数,链接"),
        T(EvaluationFinalised, "综合评价推荐名单确定后告知评审委员会委员", "综合评价推荐名单已确定：{{年度}} {{类别}}",
            "{{收件人}}，您好：\n\n活动办公室已确定{{年度}}{{类别}}的获奖组织推荐名单（推荐 {{推荐数}} 个），投票已锁定。\n查看：{{链接}}",
            "收件人,年度,类别,推荐数,链接"),
        T(MutualFeedbackSubmitted, "双向反馈提交后告知活动办公室", "双向反馈已提交：{{组织名称}}（{{方向}}）",
            "{{收件人}}，您好：\n\n{{组织名称}}（{{申报编号}}）现场评审后的双向反馈（第三十条）有新的提交：{{方向}}。\n查看：{{链接}}",
            "收件人,组织名称,申报编号,方向,链接"),
        T(MutualFeedbackReopened, "活动办公室重新开放双向反馈后告知填写人", "您的双向反馈已重新开放：{{组织名称}}",
            "{{收件人}}，您好：\n\n活动办公室重新开放了您对{{评价对象}}的双向反馈评价（{{组织名称}}现场评审），原因：{{理由}}\n请修改后再次提交：\n{{链接}}",
            "收件人,组织名称,评价对象,理由,链接"),
        T(ObjectionReceipt, "公示期间受理异议后告知异议人（填写了电子邮箱时）", "异议已受理：{{受理编号}}",
            "{{收件人}}，您好：\n\n您于 {{受理时间}} 对公示组织“{{组织名称}}”提出的异议已受理，受理编号 {{受理编号}}。活动办公室将依规核查，您可凭受理编号和提交时填写的手机号码查询办理进度：\n{{链接}}",
            "收件人,受理编号,组织名称,受理时间,链接"),
        T(ObjectionReplyRequested, "请被异议组织答复公示期间的异议", "请在 {{截止日期}} 前答复公示异议（{{受理编号}}）",
            "{{收件人}}，您好：\n\n{{组织名称}}在全国用户满意标杆公示期间收到一项异议（受理编号 {{受理编号}}）。请登录系统查看异议理由，并在 {{截止日期}}（{{工作日}}个工作日）前提交书面答复和证明材料：\n{{链接}}",
            "收件人,组织名称,受理编号,截止日期,工作日,链接"),
        .. OutcomeTemplates(),
        .. DisciplineTemplates(),
        .. ConfirmationTemplates(),
        .. ConfirmationGroupTemplates(),
        .. GovernanceTemplates(),
        .. CommitmentTemplates(),
        .. SharingTemplates(),
        T(OfficeReviewerMessage, "活动办公室向筛选出的评审员批量发送的通知（标题和正文由发送人填写）", "{{标题}}",
            "{{收件人}}，您好：\n\n{{正文}}\n\n查看您的评审员档案：{{链接}}",
            "收件人,标题,正文,链接"),
        T(OfficeMessage, "活动办公室向筛选出的申报组织批量发送的通知（标题和正文由发送人填写）", "{{标题}}",
            "{{收件人}}，您好：\n\n{{正文}}\n\n相关申报（{{组织名称}}）：{{链接}}",
            "收件人,标题,正文,组织名称,链接"),
        .. ComplaintTemplates(),
        T(SupervisionAwardRevoked, "领导小组决定撤销标杆称号后告知获奖组织", "全国用户满意标杆称号已撤销（{{证书编号}}）",
            "{{收件人}}，您好：\n\n经领导小组对监督案件 {{案件编号}} 审议决定，撤销{{组织名称}}的{{年度}}年度全国用户满意标杆称号（证书编号 {{证书编号}}），自 {{撤销日期}} 起生效。\n公开原因：{{公开原因}}\n\n根据《实施细则》第三十二条，请立即停止使用全国用户满意标杆标识及有关宣传，证书不再有效。如有异议，请与活动办公室联系。\n案件详情：{{链接}}",
            "收件人,组织名称,年度,证书编号,案件编号,撤销日期,公开原因,链接"),
        T(SupervisionDecided, "领导小组对监督案件作出决定后告知获奖组织（撤销称号另有通知）", "监督案件 {{案件编号}} 已作出决定：{{决定}}",
            "{{收件人}}，您好：\n\n领导小组已对涉及{{组织名称}}的监督案件 {{案件编号}}（{{案由}}）作出决定：{{决定}}。\n查看：{{链接}}",
            "收件人,组织名称,案件编号,案由,决定,链接"),
        T(SupervisionReplyRequested, "请获奖组织答复监督案件", "请答复监督案件 {{案件编号}}",
            "{{收件人}}，您好：\n\n活动办公室在处理涉及{{组织名称}}的监督案件 {{案件编号}}（{{案由}}）时，请贵组织说明以下问题：\n{{问题}}\n\n请登录系统提交答复：\n{{链接}}",
            "收件人,组织名称,案件编号,案由,问题,链接"),
        T(IncidentReportRequested, "请获奖组织就第二十六条事件提交书面报告", "请在 {{截止日期}} 前书面报告（{{事件类别}}）",
            "{{收件人}}，您好：\n\n活动办公室了解到{{组织名称}}于 {{发生日期}} 发生“{{事件类别}}”（来源：{{来源}}）。根据《实施细则》第二十六条，请在 {{截止日期}} 前登录系统提交书面报告（事件经过、已采取的措施及有关材料）：\n{{链接}}",
            "收件人,组织名称,事件类别,发生日期,来源,截止日期,链接"),
        T(IncidentReportReminder, "事件书面报告截止前提醒获奖组织", "提醒：请在 {{截止日期}} 前提交事件书面报告",
            "{{收件人}}，您好：\n\n{{组织名称}}于 {{发生日期}} 发生的“{{事件类别}}”尚未提交书面报告，截止日期为 {{截止日期}}（《实施细则》第二十六条）。请尽快提交：\n{{链接}}",
            "收件人,组织名称,事件类别,发生日期,截止日期,链接"),
        T(IncidentReportOverdue, "事件书面报告逾期后告知获奖组织和活动办公室", "事件书面报告已逾期：{{组织名称}}",
            "{{收件人}}，您好：\n\n{{组织名称}}于 {{发生日期}} 发生的“{{事件类别}}”，书面报告截止日期 {{截止日期}} 已过，尚未提交（《实施细则》第二十六条）。逾期情况将记入监督案件，请尽快提交：\n{{链接}}",
            "收件人,组织名称,事件类别,发生日期,截止日期,链接"),
        T(SupervisionForDecision, "监督案件提交领导小组审议后告知领导小组成员", "请审议监督案件 {{案件编号}}：{{组织名称}}",
            "{{收件人}}，您好：\n\n活动办公室已将监督案件 {{案件编号}}（{{组织名称}}，{{案由}}）提交领导小组审议。请登录系统查看调查记录和组织答复，并投票（无影响 / 进入确认程序 / 撤销称号）并写明理由：\n{{链接}}",
            "收件人,组织名称,案件编号,案由,链接"),
    ];

    public static MessageTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    private static MessageTemplate T(string key, string description, string subject, string body, string placeholders) =>
        new() { Key = key, Description = description, Subject = subject, Body = body + Signature, Placeholders = placeholders, UpdatedBy = "系统" };
}
