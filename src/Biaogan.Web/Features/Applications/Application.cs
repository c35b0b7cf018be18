using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// 申报 — one organisation's application in one cycle (第十五条): the 申报表, the 第十四条 conditions as
/// data, the 自我评价报告 and the recommendation. Status moves only through the methods below, each
/// checked against <see cref="Transitions"/>.
/// </summary>
public sealed partial class Application : Entity
{
    public Guid CycleId { get; private set; }
    public Guid OrganizationId { get; private set; }
    /// <summary>申报编号, given at first submission (BG2026-0001).</summary>
    public string? Number { get; private set; }
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Draft;

    public AwardCategory? Category { get; set; }
    /// <summary>专项服务名称 (服务类 only).</summary>
    public string? ServiceName { get; set; }
    /// <summary>专项服务范围 (服务类 only).</summary>
    public string? ServiceScope { get; set; }

    // 第十四条第二项: 质量管理体系认证
    public string QmsCertificateNumber { get; set; } = "";
    public string QmsCertificationBody { get; set; } = "";
    public string QmsScope { get; set; } = "";
    public DateOnly? QmsExpiry { get; set; }
    /// <summary>Whether the organisation's products fall under mandatory certification (CCC etc.).</summary>
    public bool MandatoryCertificationApplies { get; set; }
    public List<MandatoryCertification> MandatoryCertifications { get; set; } = [];

    // 第十四条第三项
    public List<SatisfactionMeasurement> Measurements { get; set; } = [];

    // 第十四条第四、五项: 声明
    public bool DeclaresNoMajorAccident { get; set; }
    public bool DeclaresNoMajorComplaint { get; set; }
    public bool DeclaresNoSeriousViolation { get; set; }
    /// <summary>The signed and stamped declaration (logical file id).</summary>
    public Guid? DeclarationFileId { get; set; }

    public List<SelfEvaluationSection> SelfEvaluation { get; set; } = [];

    // 推荐意见
    public Guid? RecommendingBodyId { get; private set; }
    public string? RecommendationOpinion { get; private set; }
    public Guid? RecommendationLetterFileId { get; private set; }
    public string? RecommendedByUserId { get; private set; }
    public string? DeclineReason { get; private set; }

    // 补正
    public int SupplementRound { get; private set; }
    public DateOnly? SupplementDeadline { get; private set; }
    public bool SupplementDeadlineConfirmed { get; private set; } = true;
    /// <summary>What the office asked for in the current 补正 round (its full record stays with 资格审查).</summary>
    public string? SupplementReasons { get; private set; }

    public string? WithdrawalReason { get; private set; }

    // Facts as timestamps
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? RecommendedAt { get; private set; }
    public DateTimeOffset? DeclinedAt { get; private set; }
    public DateTimeOffset? QualificationDecidedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>第二十九条: when the leading group withdrew the qualification, and the sanction's reason.</summary>
    public DateTimeOffset? QualificationRevokedAt { get; private set; }
    public string? QualificationRevocationReason { get; private set; }

    private Application() { }

    public Application(Guid cycleId, Guid organizationId, CriteriaOutline outline, DateTimeOffset now)
    {
        CycleId = cycleId;
        OrganizationId = organizationId;
        CreatedAt = UpdatedAt = now;
        SelfEvaluation = outline.Categories
            .Select(c => new SelfEvaluationSection { CriteriaCode = c.Code, Title = c.Name }).ToList();
        var lastYear = now.ToOffset(TimeSpan.FromHours(8)).Year - 1;
        Measurements = Enumerable.Range(0, 3).Select(i => new SatisfactionMeasurement { Year = lastYear - 2 + i }).ToList();
        RecordAction("创建申报草稿");
    }

    /// <summary>The organisation may change the content only in these states.</summary>
    public bool IsEditableByApplicant => Status is ApplicationStatus.Draft or ApplicationStatus.RecommendationDeclined
        or ApplicationStatus.SupplementRequested;

    public bool CanWithdraw => Transitions.Contains((Status, ApplicationAction.Withdraw));

    public void EnsureEditable()
    {
        if (!IsEditableByApplicant)
            throw new DomainRuleException($"申报当前状态为“{Status.Display()}”，内容已锁定，不能修改。如需修改，请先撤回（资格审查结束前可撤回），或等待活动办公室要求补正。");
    }

    /// <summary>Records an edit of the draft (autosave or form save).</summary>
    public void Touch(DateTimeOffset now)
    {
        EnsureEditable();
        UpdatedAt = now;
        RecordAction("保存草稿");
    }

    public void ChooseRecommendingBody(Guid bodyId, DateTimeOffset now)
    {
        EnsureEditable();
        if (RecommendingBodyId == bodyId) return;
        RecommendingBodyId = bodyId;
        UpdatedAt = now;
        RecordAction("选择推荐单位");
    }

    /// <summary>Submits the draft (or resubmits after a decline) for the recommending body's opinion.</summary>
    public void Submit(Cycle cycle, CriteriaOutline outline, int evidenceFiles, Func<string> nextNumber, DateTimeOffset now)
    {
        ThrowIfNotSubmittable(cycle, outline, evidenceFiles);
        Number ??= nextNumber();
        Status = ApplicationStatus.Submitted;
        SubmittedAt = UpdatedAt = now;
        DeclineReason = null;
        RecordAction(DeclinedAt is null ? "提交申报" : "推荐单位不予推荐后重新提交申报");
    }

    public void Recommend(string opinion, Guid letterFileId, string userId, DateTimeOffset now)
    {
        Move(ApplicationAction.Recommend);
        if (string.IsNullOrWhiteSpace(opinion))
            throw new DomainRuleException("请填写推荐意见。");
        Status = ApplicationStatus.AwaitingQualification;
        RecommendationOpinion = opinion.Trim();
        RecommendationLetterFileId = letterFileId;
        RecommendedByUserId = userId;
        RecommendedAt = UpdatedAt = now;
        RecordAction("推荐单位出具推荐意见");
    }

    public void DeclineRecommendation(string reason, string userId, DateTimeOffset now)
    {
        Move(ApplicationAction.DeclineRecommendation);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("请填写不予推荐的理由，申报组织将据此修改或另选推荐单位。");
        Status = ApplicationStatus.RecommendationDeclined;
        DeclineReason = reason.Trim();
        RecommendedByUserId = userId;
        DeclinedAt = UpdatedAt = now;
        RecordAction("推荐单位不予推荐");
    }

    public void RequestSupplement(DateOnly deadline, bool deadlineConfirmed, string reasons, DateTimeOffset now)
    {
        Move(ApplicationAction.RequestSupplement);
        Status = ApplicationStatus.SupplementRequested;
        SupplementRound++;
        SupplementDeadline = deadline;
        SupplementDeadlineConfirmed = deadlineConfirmed;
        SupplementReasons = reasons.Trim();
        UpdatedAt = now;
        RecordAction($"要求第{SupplementRound}轮补正");
    }

    public void ResubmitSupplement(Cycle cycle, CriteriaOutline outline, int evidenceFiles, DateTimeOffset now)
    {
        Move(ApplicationAction.ResubmitSupplement);
        ThrowIfProblems(ProblemsForSubmission(cycle, outline, evidenceFiles));
        Status = ApplicationStatus.AwaitingQualification;
        UpdatedAt = now;
        RecordAction($"提交第{SupplementRound}轮补正材料");
    }

    public void PassQualification(DateTimeOffset now)
    {
        Move(ApplicationAction.Pass);
        Status = ApplicationStatus.Qualified;
        QualificationDecidedAt = UpdatedAt = now;
        RecordAction("资格审查通过");
    }

    public void FailQualification(DateTimeOffset now)
    {
        Move(ApplicationAction.Fail);
        Status = ApplicationStatus.Disqualified;
        QualificationDecidedAt = UpdatedAt = now;
        RecordAction("资格审查未通过");
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        Move(ApplicationAction.Withdraw);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("请填写撤回理由。");
        Status = ApplicationStatus.Withdrawn;
        WithdrawalReason = reason.Trim();
        WithdrawnAt = UpdatedAt = now;
        RecordAction("撤回申报");
    }

    /// <summary>
    /// 撤销申报及接受评审资格 (第二十九条), decided by the leading group: possible at any stage after submission; the
    /// application leaves the cycle (the later stages read only qualified applications).
    /// </summary>
    public void RevokeQualification(string reason, DateTimeOffset now)
    {
        Move(ApplicationAction.RevokeQualification);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤销资格的理由。");
        Status = ApplicationStatus.QualificationRevoked;
        QualificationRevocationReason = reason.Trim();
        QualificationRevokedAt = UpdatedAt = now;
        RecordAction($"撤销申报及接受评审资格：{QualificationRevocationReason}");
    }

    /// <summary>Refuses a submit the status or the missing content does not allow, before a number is taken for it.</summary>
    public void ThrowIfNotSubmittable(Cycle cycle, CriteriaOutline outline, int evidenceFiles)
    {
        Move(ApplicationAction.Submit);
        ThrowIfProblems(ProblemsForSubmission(cycle, outline, evidenceFiles));
    }

    private static void ThrowIfProblems(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
            throw new DomainRuleException("申报还不能提交，请先完成以下内容：" + string.Join("；", problems) + "。");
    }
}
