using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Complaints;

/// <summary>What a complaint is about.</summary>
public enum ComplaintSubject
{
    /// <summary>对标杆组织的投诉（质量、服务、用户满意等不再符合标杆要求）</summary>
    Benchmark,
    /// <summary>标识使用不当（第三十二条）</summary>
    LogoMisuse,
}

/// <summary>The ways 第三十二条 forbids using the logo.</summary>
public enum LogoMisuseKind
{
    /// <summary>在产品上标注标杆标识</summary>
    OnProduct,
    /// <summary>使用标识未注明年份</summary>
    WithoutYear,
    /// <summary>宣传造成产品获奖的误解</summary>
    ImpliesProductAward,
    /// <summary>其他不当使用（如未获奖组织冒用）</summary>
    Other,
}

/// <summary>受理 → 调查中 → 已办结, as the complainant sees it.</summary>
public enum ComplaintStatus
{
    Received,
    Investigating,
    Concluded,
}

public sealed class ComplaintNote
{
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>
/// 公众投诉 (第二十七条 接受公众监督, 第三十二条 标识使用): lodged by a named person at any time, about a benchmark or about
/// misuse of the logo. A complaint about a benchmark (chosen from the registry) is investigated and decided as a supervision
/// case of kind Complaint (<see cref="CaseId"/>); a company that is not a benchmark has no title for the leading group to
/// decide on, so the office investigates and concludes that complaint itself (notes, finding, the outcome told to the
/// complainant). The complainant's identity is never shown to the organisation or the public.
/// </summary>
public sealed class Complaint : Entity
{
    public const int MinGrounds = 20;
    public const int MaxGrounds = 3000;
    public const int TextLength = 4000;

    /// <summary>受理编号 “TS-2026-0001”, unique.</summary>
    public string ReceiptNumber { get; private set; } = "";
    public ComplaintSubject Subject { get; private set; }
    public LogoMisuseKind? MisuseKind { get; private set; }
    /// <summary>The benchmark concerned, chosen from the registry; null when the company named is not a benchmark.</summary>
    public Guid? AwardId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    /// <summary>The benchmark's organisation (snapshot) or the company as the complainant named it.</summary>
    public string CompanyName { get; private set; } = "";
    public string ComplainantName { get; private set; } = "";
    public string? UnitName { get; private set; }
    public string Phone { get; private set; } = "";
    public string? Email { get; private set; }
    public string Grounds { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The supervision case of a complaint about a benchmark.</summary>
    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }
    /// <summary>Status of a complaint the office handles itself (not a benchmark); a case's complaint follows its case.</summary>
    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Received;
    public List<ComplaintNote> Notes { get; private set; } = [];
    public string? Finding { get; private set; }
    /// <summary>What the complainant reads on the look-up page once concluded.</summary>
    public string? PublicOutcome { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public string? ConcludedBy { get; private set; }

    private Complaint() { }

    public Complaint(string receiptNumber, ComplaintSubject subject, LogoMisuseKind? misuseKind, Guid? awardId, Guid? organizationId,
        string companyName, string complainantName, string? unitName, string phone, string? email, string grounds, DateTimeOffset now)
    {
        grounds = (grounds ?? "").Trim();
        if (string.IsNullOrWhiteSpace(complainantName)) throw new DomainRuleException("不受理匿名投诉，请填写真实姓名。");
        if (string.IsNullOrWhiteSpace(phone)) throw new DomainRuleException("请填写联系电话，以便活动办公室核实情况。");
        if (grounds.Length < MinGrounds) throw new DomainRuleException($"投诉内容至少 {MinGrounds} 字，请写明时间、地点和具体事实。");
        if (grounds.Length > MaxGrounds) throw new DomainRuleException($"投诉内容不能超过 {MaxGrounds} 字，详细材料请作为证明材料上传。");
        if (subject == ComplaintSubject.Benchmark && awardId is null) throw new DomainRuleException("请从标杆名录中选择被投诉的标杆组织。");
        if (subject == ComplaintSubject.LogoMisuse && misuseKind is null) throw new DomainRuleException("请选择标识使用不当的情形。");
        if (awardId is null && string.IsNullOrWhiteSpace(companyName))
            throw new DomainRuleException("请从标杆名录中选择被投诉的组织；不在名录中的，请填写使用标识的企业名称。");
        ReceiptNumber = receiptNumber;
        Subject = subject;
        MisuseKind = subject == ComplaintSubject.LogoMisuse ? misuseKind : null;
        AwardId = awardId;
        OrganizationId = organizationId;
        CompanyName = companyName.Trim();
        ComplainantName = complainantName.Trim();
        UnitName = string.IsNullOrWhiteSpace(unitName) ? null : unitName.Trim();
        Phone = phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Grounds = grounds;
        ReceivedAt = now;
        RecordAction($"受理公众投诉 {receiptNumber}（{SubjectDisplay(subject, MisuseKind)}，涉及“{CompanyName}”{(awardId is null ? "，非标杆组织" : "")}）");
    }

    public override (string Type, Guid Id) AuditSubject => ("Complaint", Id);

    public bool ConcernsBenchmark => AwardId is not null;

    /// <summary>Takes the next number when another complaint won the race for this one (unique index).</summary>
    internal void Renumber(string receiptNumber) => ReceiptNumber = receiptNumber;

    public void OpenedAsCase(Guid caseId, string caseNumber)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
    }

    /// <summary>The case's title: receipt number and what it is about (within the case's 200 characters).</summary>
    public string CaseTitle => $"公众投诉 {ReceiptNumber}：{SubjectDisplay(Subject, MisuseKind)}";

    public void AddNote(string? text, string by, DateTimeOffset now)
    {
        EnsureHandledHere();
        var t = Required(text, "请填写调查记录的内容。");
        Notes.Add(new ComplaintNote { At = now, By = by, Text = t });
        Status = ComplaintStatus.Investigating;
        RecordAction($"记录投诉 {ReceiptNumber} 的调查情况");
    }

    /// <summary>Concludes a complaint about a company that is not a benchmark: the finding (internal) and the outcome told to the complainant.</summary>
    public void Conclude(string? finding, string? publicOutcome, string by, DateTimeOffset now)
    {
        EnsureHandledHere();
        Finding = Required(finding, "请填写核查结果。");
        PublicOutcome = Required(publicOutcome, "请填写告知投诉人的办理结果（投诉人凭受理编号可查询到）。");
        ConcludedAt = now;
        ConcludedBy = by;
        Status = ComplaintStatus.Concluded;
        RecordAction($"投诉 {ReceiptNumber} 办结：{PublicOutcome}");
    }

    private void EnsureHandledHere()
    {
        if (ConcernsBenchmark) throw new DomainRuleException($"该投诉涉及标杆组织，已立为监督案件 {CaseNumber}，请在案件中记录调查情况，由领导小组决定。");
        if (Status == ComplaintStatus.Concluded) throw new DomainRuleException("该投诉已办结，不能再修改。");
    }

    private static string Required(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(message);
        var t = text.Trim();
        if (t.Length > TextLength) throw new DomainRuleException($"内容请控制在 {TextLength} 字以内（当前 {t.Length} 字）。");
        return t;
    }

    public static string SubjectDisplay(ComplaintSubject s, LogoMisuseKind? k) =>
        s == ComplaintSubject.Benchmark ? "对标杆组织的投诉" : "标识使用不当：" + MisuseDisplay(k ?? LogoMisuseKind.Other);

    public static string MisuseDisplay(LogoMisuseKind k) => k switch
    {
        LogoMisuseKind.OnProduct => "在产品上标注标杆标识",
        LogoMisuseKind.WithoutYear => "使用标识未注明年份",
        LogoMisuseKind.ImpliesProductAward => "宣传造成产品获奖的误解",
        _ => "其他不当使用",
    };

    public static string StatusDisplay(ComplaintStatus s) => s switch
    {
        ComplaintStatus.Received => "已受理",
        ComplaintStatus.Investigating => "调查中",
        _ => "已办结",
    };
}
