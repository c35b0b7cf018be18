using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Progress;

/// <summary>
/// The one place that turns the stages' facts into an application's status (进度). The latest stage that recorded
/// something about the application decides; earlier stages only matter while no later one has spoken.
/// </summary>
internal static class StandingRules
{
    private const string Ok = "badge-ok", Err = "badge-err", Warn = "badge-warn", Info = "badge-info";
    private const string QualifiedText = "资格审查通过", ShortlistedText = "入围现场评审", EvaluationText = "综合评价中",
        NoticeOverText = "公示期满", ApprovalText = "审定中";
    private const string AwaitingVisitPlan = "等待活动办公室安排现场评审", AwaitingEvaluation = "等待评审委员会综合评价",
        AwaitingNotice = "等待公示";

    /// <summary>
    /// The office's own next step on an application whose status waits for the office (我的待办 lists them, counted), or
    /// null. Kept beside the statuses it reads so that the two cannot drift apart.
    /// </summary>
    public static (string Title, string Link)? OfficeStep(ApplicationStanding s) => (s.Status, s.NextStep) switch
    {
        (QualifiedText, _) => ("资格审查通过、待组建资料评审专家组的申报", "/Assignment"),
        (ShortlistedText, AwaitingVisitPlan) => ("入围现场评审、待组建现场评审专家组并建立现场评审记录的申报", "/OnSite"),
        (EvaluationText, AwaitingEvaluation) => ("现场评审报告已确认、待记录综合评价结果的申报", "/Evaluation"),
        (EvaluationText, AwaitingNotice) => ("已列入推荐名单、待发布公示的申报", "/PublicNotice"),
        (NoticeOverText, _) => ("公示期满、待提交审定委员会审定的申报", "/Approval"),
        (ApprovalText, _) => ("审定中、待记录审定结论的申报", "/Approval"),
        _ => null,
    };

    public static ApplicationStanding Compute(Application a, ApplicationFacts f, DateTimeOffset now)
    {
        var steps = ProgressSteps.Of(a, f);
        var (status, badge, stage, next, deadline) = a.Status == ApplicationStatus.Qualified ? AfterQualification(f, now) : BeforeReview(a);
        return new ApplicationStanding(status, badge, stage, next, deadline, steps, a.Status == ApplicationStatus.Qualified);
    }

    private static (string, string, ProgressStage, string?, DateTimeOffset?) BeforeReview(Application a) => a.Status switch
    {
        ApplicationStatus.Draft => ("草稿", "", ProgressStage.Draft, "完成申报表后提交申报", null),
        ApplicationStatus.Submitted => ("已提交", Info, ProgressStage.Recommendation, "等待推荐单位出具推荐意见", null),
        ApplicationStatus.RecommendationDeclined => ("推荐单位不予推荐", Err, ProgressStage.Recommendation,
            "可以按推荐单位的意见修改申报表后重新提交", null),
        ApplicationStatus.AwaitingQualification => ("资格审查中", Info, ProgressStage.Qualification, "等待活动办公室作出资格审查结论", null),
        ApplicationStatus.SupplementRequested => ("补正中", Warn, ProgressStage.Qualification, "在补正期限前提交补正材料",
            a.SupplementDeadline is { } d ? ChinaTime.EndOfDay(d) : null),
        ApplicationStatus.Disqualified => ("资格审查未通过", Err, ProgressStage.Closed, null, null),
        ApplicationStatus.QualificationRevoked => ($"资格已撤销（{(a.QualificationRevokedAt is { } at ? ChinaTime.Format(DateOnly.FromDateTime(at.ToChina().DateTime)) : "")}）",
            Err, ProgressStage.Closed, null, null),
        _ => ("已撤回", "", ProgressStage.Closed, null, null),
    };

    private static (string, string, ProgressStage, string?, DateTimeOffset?) AfterQualification(ApplicationFacts f, DateTimeOffset now)
    {
        if (f.Award is { } award)
            return award.Status == AwardStatus.Revoked
                ? ("标杆称号已撤销", Err, ProgressStage.Closed, null, null)
                : ("已获奖", Ok, ProgressStage.Awarded, "可以在“我的标杆”中下载证书；使用标志请遵守活动办公室的规定", null);
        if (f.ApprovalItem is { } item)
            return f.Approval!.IsFinal && item.Approved == false
                ? ("未获奖", Err, ProgressStage.Closed, null, null)
                : (ApprovalText, Info, ProgressStage.Approval, "等待审定委员会审定", null);
        if (f.NoticeEntry is { Removed: true })
            return ("未获奖", Err, ProgressStage.Closed, null, null);
        if (f.Notice is { } notice)
            return notice.PhaseAt(now) == NoticePhase.Closed
                ? (NoticeOverText, Info, ProgressStage.Notice, "等待提交审定委员会审定", null)
                : ("公示中", Info, ProgressStage.Notice, notice.PeriodText + "，公示期满后提交审定", null);
        var visited = f.Visit is not null || f.Selected == true;
        if (f.Recommended == true)
            return (EvaluationText, Info, ProgressStage.Evaluation, AwaitingNotice, null);
        if (f.Recommended == false && visited)
            return ("未获奖", Err, ProgressStage.Closed, null, null);
        if (f.Visit is { } visit)
            return visit.ResultFinal
                ? (EvaluationText, Info, ProgressStage.Evaluation, AwaitingEvaluation, null)
                : visit.Status == SiteVisitStatus.Planning
                    ? (ShortlistedText, Ok, ProgressStage.OnSite, "与活动办公室商定现场评审日程", null)
                    : ("现场评审中", Info, ProgressStage.OnSite, "配合专家组完成现场评审", null);
        if (f.Selected == true)
            return (ShortlistedText, Ok, ProgressStage.OnSite, AwaitingVisitPlan, null);
        if (f.Selected == false)
            return ("未入围", Err, ProgressStage.Closed,
                f.Feedback is null ? "资料评审反馈报告发放后可在申报详情中查看" : "可以查看资料评审反馈报告", null);
        if (f.DocumentGroupFormedAt is not null || f.Consensus is not null)
            return ("资料评审中", Info, ProgressStage.DocumentReview, "等待专家组完成资料评审", null);
        return (QualifiedText, Ok, ProgressStage.DocumentReview, "等待资料评审", null);
    }
}
