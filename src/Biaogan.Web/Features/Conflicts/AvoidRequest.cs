using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// 申请回避 — the applicant names a person who should not review its application, with a reason. Matched against the
/// reviewer pool by name (and employer where given); every match becomes a pending case for the office.
/// </summary>
public sealed class AvoidRequest : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string PersonName { get; private set; } = "";
    /// <summary>The person's employer as the applicant knows it, to tell namesakes apart; optional.</summary>
    public string? Employer { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; } = "";

    private AvoidRequest() { }

    public AvoidRequest(Guid cycleId, Guid applicationId, string personName, string? employer, string reason, string by, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(personName)) problems.Add("请填写需要回避的人员姓名");
        if (string.IsNullOrWhiteSpace(reason)) problems.Add("请填写申请回避的理由，活动办公室据此确认");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        CycleId = cycleId;
        ApplicationId = applicationId;
        PersonName = personName.Trim();
        Employer = string.IsNullOrWhiteSpace(employer) ? null : employer.Trim();
        Reason = reason.Trim();
        RequestedAt = now;
        RequestedBy = by;
        RecordAction($"申请回避：{PersonName}");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    /// <summary>The evidence of every case this request raises; stable, so a dismissed match is not raised again.</summary>
    public string Evidence => $"申报组织申请回避：{PersonName}{(Employer is null ? "" : $"（{Employer}）")}。理由：{Reason}";

    public void MarkWithdrawn() => RecordAction($"撤回回避申请：{PersonName}");
}
