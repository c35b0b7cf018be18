using System.Security.Cryptography;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Awards;

/// <summary>A benchmark's standing in the public registry.</summary>
public enum AwardStatus
{
    /// <summary>有效</summary>
    Valid,
    /// <summary>确认中 — under the three-year confirmation or an incident review (post-award supervision).</summary>
    UnderConfirmation,
    /// <summary>已撤销</summary>
    Revoked,
}

/// <summary>
/// 全国用户满意标杆 granted to one organisation in one year (第二十二、三十一条): the certificate number, the
/// verification code printed in the certificate's QR link, and the registry status. Names are a snapshot taken at
/// approval so the registry shows what was granted even if the organisation later renames itself.
/// </summary>
public sealed class Award : Entity
{
    public Guid CycleId { get; private set; }
    public int Year { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public AwardCategory Category { get; private set; }
    /// <summary>For 服务类: the service (brand) recognised.</summary>
    public string? ServiceName { get; private set; }
    /// <summary>证书编号, e.g. “YHMYBG-2026-001”; unique.</summary>
    public string CertificateNumber { get; private set; } = "";
    /// <summary>Random code printed in the QR link; a number without its code does not verify as a certificate.</summary>
    public string VerificationCode { get; private set; } = "";
    public AwardStatus Status { get; private set; } = AwardStatus.Valid;
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevocationReason { get; private set; }

    // 奖牌 (第三十一条): the office's record of the plaque made and handed over.
    /// <summary>奖牌编号.</summary>
    public string? PlaqueNumber { get; private set; }
    public DateOnly? PlaqueMadeOn { get; private set; }
    public DateOnly? PlaqueDeliveredOn { get; private set; }
    /// <summary>签收人 (name and post) of the winning organisation.</summary>
    public string? PlaqueRecipient { get; private set; }

    private Award() { }

    public Award(Guid cycleId, int year, Guid applicationId, Guid organizationId, string organizationName, AwardCategory category,
        string? serviceName, int sequence, DateTimeOffset now)
    {
        CycleId = cycleId;
        Year = year;
        ApplicationId = applicationId;
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        Category = category;
        ServiceName = serviceName;
        CertificateNumber = NumberFor(year, sequence);
        VerificationCode = NewCode();
        GrantedAt = now;
        RecordAction($"授予{year}年度全国用户满意标杆（{Cycle.CategoryDisplay(category)}），证书编号 {CertificateNumber}");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    public static string NumberFor(int year, int sequence) => $"YHMYBG-{year}-{sequence:000}";

    /// <summary>10 characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
    private static string NewCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    /// <summary>
    /// Changes the registry status on the leading group's decision of a supervision case (第二十四、二十六条): the only way
    /// it changes after the grant. The legal moves are <see cref="AwardStanding.Transitions"/>; each change is kept with its
    /// time, the case and the reason in <see cref="StatusChanges"/>.
    /// </summary>
    public void Apply(AwardAction action, DecidedCase decided, string reason, DateTimeOffset now)
    {
        if (decided.CaseId == Guid.Empty || string.IsNullOrWhiteSpace(decided.CaseNumber))
            throw new DomainRuleException("标杆状态只能依据领导小组对监督案件的决定变更，请先在“获奖后监督”中对案件作出决定。");
        if (!AwardStanding.Transitions.TryGetValue((Status, action), out var to))
            throw new DomainRuleException($"该标杆目前为“{StatusDisplay(Status)}”，不能{AwardStanding.ActionDisplay(action)}。请刷新页面查看最新状态。");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException(action == AwardAction.Revoke ? "请填写撤销标杆的公开原因（将在公开名录和证书核验页显示）。" : "请填写原因。");
        var from = Status;
        Status = to;
        if (to == AwardStatus.Revoked)
        {
            RevokedAt = now;
            RevocationReason = reason.Trim();
        }
        StatusChanges.Add(new AwardStatusChange
        {
            From = from, To = to, At = now, CaseId = decided.CaseId, CaseNumber = decided.CaseNumber, Reason = reason.Trim(),
        });
        RecordAction($"依据监督案件 {decided.CaseNumber} 的决定{AwardStanding.ActionDisplay(action)}：{reason.Trim()}");
    }

    /// <summary>When the leading group last confirmed the benchmark valid after a confirmation (第二十四条), if ever.</summary>
    public DateTimeOffset? ConfirmedAt => StatusChanges.LastOrDefault(c => c.From == AwardStatus.UnderConfirmation && c.To == AwardStatus.Valid)?.At;

    /// <summary>Every status change after the grant, oldest first (the grant itself is <see cref="GrantedAt"/>).</summary>
    public List<AwardStatusChange> StatusChanges { get; private set; } = [];

    /// <summary>Records (or corrects) the plaque: its number, when it was made and when and to whom it was delivered.</summary>
    public void RecordPlaque(string number, DateOnly? madeOn, DateOnly? deliveredOn, string? recipient, DateOnly today)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(number)) problems.Add("请填写奖牌编号");
        if (deliveredOn is not null && madeOn is null) problems.Add("请先填写奖牌制作日期，再填写交付日期");
        if (madeOn is { } m && deliveredOn is { } d && d < m) problems.Add("交付日期不能早于制作日期");
        if (madeOn > today || deliveredOn > today) problems.Add("制作日期和交付日期不能晚于今天");
        if (deliveredOn is not null && string.IsNullOrWhiteSpace(recipient)) problems.Add("已交付的奖牌请填写签收人");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        PlaqueNumber = number.Trim();
        PlaqueMadeOn = madeOn;
        PlaqueDeliveredOn = deliveredOn;
        PlaqueRecipient = string.IsNullOrWhiteSpace(recipient) ? null : recipient.Trim();
        RecordAction(deliveredOn is { } on
            ? $"登记奖牌 {PlaqueNumber}：{on:yyyy-MM-dd} 交付，签收人 {PlaqueRecipient}"
            : $"登记奖牌 {PlaqueNumber}{(madeOn is { } made ? $"：{made:yyyy-MM-dd} 制作完成" : "")}");
    }

    public static string StatusDisplay(AwardStatus s) => s switch
    {
        AwardStatus.Valid => "有效",
        AwardStatus.UnderConfirmation => "确认中",
        _ => "已撤销",
    };

    public static string StatusBadge(AwardStatus s) => s switch
    {
        AwardStatus.Valid => "badge-ok",
        AwardStatus.UnderConfirmation => "badge-warn",
        _ => "badge-err",
    };

    /// <summary>“企业类”, or “服务类（城市供水服务）”.</summary>
    public string CategoryText => Category == AwardCategory.Service && !string.IsNullOrWhiteSpace(ServiceName)
        ? $"{Cycle.CategoryDisplay(Category)}（{ServiceName}）" : Cycle.CategoryDisplay(Category);
}
