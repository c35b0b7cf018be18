using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Progress;

/// <summary>The dated steps of one application, oldest first, each taken from the stage that recorded it.</summary>
internal static class ProgressSteps
{
    public static List<ProgressStep> Of(Application a, ApplicationFacts f)
    {
        var steps = new List<ProgressStep> { new("新建申报", a.CreatedAt) };
        Add(steps, "提交申报", a.SubmittedAt, a.Number is { } n ? $"申报编号 {n}" : null);
        Add(steps, "推荐单位出具推荐意见", a.RecommendedAt);
        Add(steps, "推荐单位不予推荐", a.DeclinedAt);
        Add(steps, "资格审查结论", a.QualificationDecidedAt,
            a.Status == ApplicationStatus.Disqualified ? "不通过" : a.QualificationDecidedAt is null ? null : "通过");
        Add(steps, "资料评审开始", f.DocumentGroupFormedAt);
        Add(steps, "入围评议结果确定", f.Shortlist?.FinalisedAt, f.Selected is { } s ? (s ? "入围现场评审" : "未入围") : null);
        Add(steps, "资料评审反馈报告发放", f.Feedback?.ReleasedAt);
        if (f.Visit?.StartDate is { } start)
            Add(steps, "现场评审", ChinaTime.At(start, TimeOnly.MinValue),
                f.Visit.EndDate is { } end && end != start ? $"{ChinaTime.Format(start)}至{ChinaTime.Format(end)}" : ChinaTime.Format(start));
        Add(steps, "现场评审报告确认", f.Visit?.OfficeApprovedAt);
        Add(steps, "综合评价结果确定", f.Evaluation?.FinalisedAt, f.Recommended is { } r ? (r ? "列入推荐名单" : "未列入推荐名单") : null);
        Add(steps, "公示", f.Notice?.PublishedAt, f.Notice?.PeriodText);
        Add(steps, "移出公示名单", f.NoticeEntry?.RemovedAt, f.NoticeEntry?.RemovalReason);
        Add(steps, "审定结果确定", f.Approval?.FinalisedAt, f.ApprovalItem?.Approved is { } ok ? (ok ? "审定通过" : "审定未通过") : null);
        Add(steps, "授予全国用户满意标杆", f.Award?.GrantedAt, f.Award?.CertificateNumber is { } c ? $"证书编号 {c}" : null);
        Add(steps, "撤回申报", a.WithdrawnAt, a.WithdrawalReason);
        Add(steps, "资格已撤销", a.QualificationRevokedAt, a.QualificationRevocationReason);
        return steps.OrderBy(s => s.At).ToList();
    }

    private static void Add(List<ProgressStep> steps, string label, DateTimeOffset? at, string? note = null)
    {
        if (at is { } t) steps.Add(new ProgressStep(label, t, string.IsNullOrWhiteSpace(note) ? null : note));
    }
}
