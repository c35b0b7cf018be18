using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Discipline;

/// <summary>Who was referred.</summary>
public enum ReferralSubject
{
    /// <summary>评审员</summary>
    Reviewer,
    /// <summary>申报组织</summary>
    Organization,
}

/// <summary>
/// 移送司法机关 (第二十八条 “涉及法律责任的由司法部门处理”): the office records that a matter concerning a reviewer or an
/// organisation was referred — the date, the authority, its reference and a note. A record of fact, not a decision.
/// </summary>
public sealed class JudicialReferral : Entity
{
    public ReferralSubject Subject { get; private set; }
    public Guid SubjectId { get; private set; }
    public string SubjectName { get; private set; } = "";
    public DateOnly ReferredOn { get; private set; }
    public string Authority { get; private set; } = "";
    public string Reference { get; private set; } = "";
    public string Note { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    private JudicialReferral() { }

    public JudicialReferral(ReferralSubject subject, Guid subjectId, string subjectName, DateOnly? referredOn, string? authority,
        string? reference, string? note, DateOnly today, string by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(subject)) throw new DomainRuleException("请选择移送对象：评审员或申报组织。");
        if (referredOn is not { } on) throw new DomainRuleException("请填写移送日期。");
        if (on > today) throw new DomainRuleException("移送日期不能晚于今天。");
        if (string.IsNullOrWhiteSpace(authority)) throw new DomainRuleException("请填写接收移送的司法机关（如“北京市公安局朝阳分局”）。");
        if (authority.Trim().Length > 200) throw new DomainRuleException("司法机关名称请控制在 200 字以内。");
        if ((reference?.Trim().Length ?? 0) > 100) throw new DomainRuleException("文书编号请控制在 100 字以内。");
        if ((note?.Trim().Length ?? 0) > 2000) throw new DomainRuleException("备注请控制在 2000 字以内。");
        Subject = subject;
        SubjectId = subjectId;
        SubjectName = subjectName;
        ReferredOn = on;
        Authority = authority.Trim();
        Reference = reference?.Trim() ?? "";
        Note = note?.Trim() ?? "";
        RecordedBy = by;
        RecordedAt = now;
        RecordAction($"记录移送司法机关：{SubjectDisplay(subject)}“{subjectName}”于 {on:yyyy-MM-dd} 移送{Authority}" +
                     (Reference.Length == 0 ? "" : $"（{Reference}）"));
    }

    public override (string Type, Guid Id) AuditSubject => Subject == ReferralSubject.Reviewer ? ("ReviewerProfile", SubjectId) : ("Organization", SubjectId);

    public static string SubjectDisplay(ReferralSubject s) => s == ReferralSubject.Reviewer ? "评审员" : "申报组织";
}
