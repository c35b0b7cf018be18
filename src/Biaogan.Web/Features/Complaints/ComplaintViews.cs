using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Complaints;

/// <summary>What the complainant may see: the status and the public outcome — nothing of the investigation.</summary>
public sealed record ComplaintReceiptStatus(string ReceiptNumber, string Company, string Subject, string Status, string? Outcome);

/// <summary>One complaint for the office and the leading group (the complainant's identity included).</summary>
public sealed record ComplaintView(Guid Id, string ReceiptNumber, string Subject, string SubjectText, string? MisuseKind, Guid? AwardId,
    string Company, bool IsBenchmark, string ComplainantName, string? UnitName, string Phone, string? Email, string Grounds,
    DateTimeOffset ReceivedAt, Guid? CaseId, string? CaseNumber, string Status, string StatusText, IReadOnlyList<ComplaintNote> Notes,
    string? Finding, string? PublicOutcome, DateTimeOffset? ConcludedAt, int Version);

/// <summary>
/// The status of a complaint: its own for a company that is not a benchmark; its case's for a benchmark (a case just opened
/// is 已受理, one with investigation notes or a step taken is 调查中, a decided one 已办结 with the decision's public wording).
/// </summary>
public static class ComplaintViews
{
    public static ComplaintStatus StatusOf(Complaint complaint, SupervisionCase? c) => c is null ? complaint.Status
        : c.Status == CaseStatus.Decided ? ComplaintStatus.Concluded
        : c.Notes.Count == 0 && c.StatusChanges.Count == 0 ? ComplaintStatus.Received
        : ComplaintStatus.Investigating;

    /// <summary>The outcome a complainant may read: only once concluded, and only the public wording.</summary>
    public static string? PublicOutcomeOf(Complaint complaint, SupervisionCase? c) => c is null
        ? (complaint.Status == ComplaintStatus.Concluded ? complaint.PublicOutcome : null)
        : c.Outcome switch
        {
            CaseOutcome.Revoke => $"经调查，全国用户满意标杆领导小组决定撤销“{complaint.CompanyName}”的全国用户满意标杆称号。{c.PublicReason}",
            CaseOutcome.Confirmation => $"经调查，全国用户满意标杆领导小组决定“{complaint.CompanyName}”的标杆称号进入确认程序，确认结果将另行公告。",
            CaseOutcome.NoEffect => $"经调查，全国用户满意标杆领导小组决定投诉事项不影响“{complaint.CompanyName}”的标杆称号。",
            _ => null,
        };

    /// <summary>Receipt number and phone must both match; null otherwise (the page does not say which one was wrong).</summary>
    public static async Task<ComplaintReceiptStatus?> LookUpAsync(AppDbContext db, string? number, string? phone, CancellationToken ct)
    {
        var n = (number ?? "").Trim().ToUpperInvariant();
        var p = (phone ?? "").Trim();
        var complaint = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(x => x.ReceiptNumber == n && x.Phone == p, ct);
        if (complaint is null) return null;
        var c = await CaseOfAsync(db, complaint, ct);
        var status = StatusOf(complaint, c);
        return new ComplaintReceiptStatus(complaint.ReceiptNumber, complaint.CompanyName, Complaint.SubjectDisplay(complaint.Subject, complaint.MisuseKind),
            Complaint.StatusDisplay(status), status == ComplaintStatus.Concluded ? PublicOutcomeOf(complaint, c) : null);
    }

    public static async Task<List<ComplaintView>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var complaints = await db.Set<Complaint>().AsNoTracking().OrderByDescending(c => c.ReceivedAt).ToListAsync(ct);
        var ids = complaints.Where(c => c.CaseId is not null).Select(c => c.CaseId!.Value).ToList();
        var cases = await db.Set<SupervisionCase>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return complaints.Select(c => View(c, c.CaseId is { } id ? cases.GetValueOrDefault(id) : null)).ToList();
    }

    public static async Task<ComplaintView?> FindAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return complaint is null ? null : View(complaint, await CaseOfAsync(db, complaint, ct));
    }

    public static ComplaintView View(Complaint x, SupervisionCase? c)
    {
        var status = StatusOf(x, c);
        return new ComplaintView(x.Id, x.ReceiptNumber, x.Subject.ToString(), Complaint.SubjectDisplay(x.Subject, x.MisuseKind), x.MisuseKind?.ToString(),
            x.AwardId, x.CompanyName, x.ConcernsBenchmark, x.ComplainantName, x.UnitName, x.Phone, x.Email, x.Grounds, x.ReceivedAt, x.CaseId, x.CaseNumber,
            status.ToString(), Complaint.StatusDisplay(status), x.Notes, x.Finding, x.PublicOutcome ?? PublicOutcomeOf(x, c), x.ConcludedAt ?? c?.DecidedAt,
            x.Version);
    }

    private static Task<SupervisionCase?> CaseOfAsync(AppDbContext db, Complaint complaint, CancellationToken ct) => complaint.CaseId is { } id
        ? db.Set<SupervisionCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
        : Task.FromResult<SupervisionCase?>(null);
}
