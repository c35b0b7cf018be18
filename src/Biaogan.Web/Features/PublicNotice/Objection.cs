using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>Who lodges an objection: anonymous objections are not accepted (docs/domain.md, “公示与异议”).</summary>
public enum ObjectorKind
{
    /// <summary>单位 — unit name and a contact person.</summary>
    Unit,
    /// <summary>个人 — real name and the last four characters of the ID number.</summary>
    Individual,
}

/// <summary>受理 → 调查中 → 已办结.</summary>
public enum ObjectionStatus
{
    Received,
    Investigating,
    Concluded,
}

public enum ObjectionConclusion
{
    /// <summary>异议成立 — the organisation is removed from the list.</summary>
    Sustained,
    /// <summary>异议不成立.</summary>
    Dismissed,
}

/// <summary>A dated investigation note (调查记录).</summary>
public sealed class ObjectionNote
{
    public DateTimeOffset At { get; set; }
    public string ByName { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>
/// 异议 lodged during the 公示期: who (real name), the organisation concerned, grounds and evidence; the office's
/// investigation, the organisation's reply and the conclusion. The objector's identity is never shown to the
/// organisation or the public.
/// </summary>
public sealed class Objection : Entity
{
    public const int MinGrounds = 20;
    public const int MaxGrounds = 3000;

    public Guid NoticeId { get; private set; }
    public Guid CycleId { get; private set; }
    /// <summary>受理编号 “YY-2026-0001”, unique.</summary>
    public string ReceiptNumber { get; private set; } = "";
    public Guid ApplicationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public ObjectorKind Kind { get; private set; }
    public string ObjectorName { get; private set; } = "";
    public string? UnitName { get; private set; }
    public string? IdLast4 { get; private set; }
    public string Phone { get; private set; } = "";
    public string? Email { get; private set; }
    public string Grounds { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public ObjectionStatus Status { get; private set; } = ObjectionStatus.Received;
    public List<ObjectionNote> Notes { get; private set; } = [];
    public DateTimeOffset? ReplyRequestedAt { get; private set; }
    public DateOnly? ReplyDue { get; private set; }
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public string? RepliedByName { get; private set; }
    public string? Finding { get; private set; }
    public ObjectionConclusion? Conclusion { get; private set; }
    public string? ConclusionReason { get; private set; }
    /// <summary>The conclusion text the office allows the objector to read on the receipt lookup page.</summary>
    public string? PublicConclusion { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public string? ConcludedBy { get; private set; }

    private Objection() { }

    public Objection(PublicNotice notice, NoticeEntry entry, string receiptNumber, ObjectorKind kind, string objectorName, string? unitName,
        string? idLast4, string phone, string? email, string grounds, DateTimeOffset now)
    {
        if (notice.PhaseAt(now) != NoticePhase.Open)
            throw new DomainRuleException(notice.PhaseAt(now) == NoticePhase.Closed
                ? $"公示期已于 {notice.DeadlineText} 截止，逾期提出的异议不予受理。"
                : "公示尚未开始，暂不受理异议。");
        if (entry.Removed) throw new DomainRuleException("该组织已被撤销推荐，无需再提出异议。");
        grounds = (grounds ?? "").Trim();
        if (grounds.Length < MinGrounds) throw new DomainRuleException($"异议理由至少 {MinGrounds} 字，请写明具体事实。");
        if (grounds.Length > MaxGrounds) throw new DomainRuleException($"异议理由不能超过 {MaxGrounds} 字，详细材料请作为证据文件上传。");
        if (string.IsNullOrWhiteSpace(objectorName)) throw new DomainRuleException("不受理匿名异议，请填写真实姓名。");
        if (kind == ObjectorKind.Unit && string.IsNullOrWhiteSpace(unitName)) throw new DomainRuleException("以单位名义提出异议的，请填写单位名称。");
        if (kind == ObjectorKind.Individual && (idLast4 is null || idLast4.Trim().Length != 4))
            throw new DomainRuleException("以个人名义提出异议的，请填写身份证号码后四位。");
        NoticeId = notice.Id;
        CycleId = notice.CycleId;
        ReceiptNumber = receiptNumber;
        ApplicationId = entry.ApplicationId;
        OrganizationId = entry.OrganizationId;
        OrganizationName = entry.OrganizationName;
        Kind = kind;
        ObjectorName = objectorName.Trim();
        UnitName = kind == ObjectorKind.Unit ? unitName!.Trim() : null;
        IdLast4 = kind == ObjectorKind.Individual ? idLast4!.Trim().ToUpperInvariant() : null;
        Phone = phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Grounds = grounds;
        ReceivedAt = now;
        RecordAction($"受理异议 {receiptNumber}（涉及“{OrganizationName}”）");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    public bool IsOpen => Status != ObjectionStatus.Concluded;

    /// <summary>Takes the next number when another objection won the race for this one (unique index).</summary>
    internal void Renumber(string receiptNumber) => ReceiptNumber = receiptNumber;

    public void AddNote(string text, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("请填写调查记录的内容。");
        Notes.Add(new ObjectionNote { At = now, ByName = byName, Text = text.Trim() });
        Status = ObjectionStatus.Investigating;
        RecordAction($"记录异议 {ReceiptNumber} 的调查情况");
    }

    public void RequestReply(DateOnly due, DateTimeOffset now)
    {
        EnsureOpen();
        if (Reply is not null) throw new DomainRuleException("被异议组织已经答复。");
        ReplyRequestedAt = now;
        ReplyDue = due;
        Status = ObjectionStatus.Investigating;
        RecordAction($"请“{OrganizationName}”在 {ChinaTime.Format(due)} 前答复异议 {ReceiptNumber}");
    }

    public void AnswerAsOrganization(string text, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        if (ReplyRequestedAt is null) throw new DomainRuleException("活动办公室尚未请贵组织答复该异议。");
        if (Reply is not null) throw new DomainRuleException("贵组织已经提交答复，如需补充请联系活动办公室。");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("请填写答复内容。");
        if (text.Trim().Length > MaxGrounds) throw new DomainRuleException($"答复不能超过 {MaxGrounds} 字。");
        Reply = text.Trim();
        RepliedAt = now;
        RepliedByName = byName;
        RecordAction($"“{OrganizationName}”答复异议 {ReceiptNumber}");
    }

    /// <summary>Concludes; a sustained objection removes the organisation from the notice's list.</summary>
    public void Conclude(PublicNotice notice, ObjectionConclusion conclusion, string finding, string reason, string? publicText,
        string userId, DateTimeOffset now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(finding)) throw new DomainRuleException("请填写核查结果。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写结论的理由。");
        Finding = finding.Trim();
        Conclusion = conclusion;
        ConclusionReason = reason.Trim();
        PublicConclusion = string.IsNullOrWhiteSpace(publicText) ? null : publicText.Trim();
        ConcludedAt = now;
        ConcludedBy = userId;
        Status = ObjectionStatus.Concluded;
        RecordAction($"异议 {ReceiptNumber} 办结：{ConclusionDisplay(conclusion)}，{ConclusionReason}");
        if (conclusion == ObjectionConclusion.Sustained && notice.Entries.Any(e => e.ApplicationId == ApplicationId && !e.Removed))
            notice.RemoveEntry(ApplicationId, ConclusionReason, now);
    }

    private void EnsureOpen()
    {
        if (Status == ObjectionStatus.Concluded) throw new DomainRuleException("该异议已办结，不能再修改。");
    }

    public static string StatusDisplay(ObjectionStatus s) => s switch
    {
        ObjectionStatus.Received => "受理",
        ObjectionStatus.Investigating => "调查中",
        _ => "已办结",
    };

    public static string StatusBadge(ObjectionStatus s) => s switch
    {
        ObjectionStatus.Received => "badge-info",
        ObjectionStatus.Investigating => "badge-warn",
        _ => "badge-ok",
    };

    public static string ConclusionDisplay(ObjectionConclusion c) => c == ObjectionConclusion.Sustained ? "异议成立" : "异议不成立";

    public static string KindDisplay(ObjectorKind k) => k == ObjectorKind.Unit ? "单位" : "个人";
}
