using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// 组长资格 — the office's record that a reviewer may lead an expert group (the rules leave it to the office;
/// experience of earlier rounds and review-method training are the usual grounds). One row per reviewer, kept
/// across cycles; no row means not yet recorded (not eligible).
/// </summary>
public sealed class LeaderQualification : Entity
{
    public Guid ReviewerId { get; private set; }
    public bool Eligible { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    private LeaderQualification() { }

    public LeaderQualification(Guid reviewerId) => ReviewerId = reviewerId;

    public override (string Type, Guid Id) AuditSubject => ("ReviewerProfile", ReviewerId);

    public void Record(bool eligible, string? note, string by, DateTimeOffset now)
    {
        if (Eligible == eligible && RecordedBy.Length > 0 && Note == Clean(note)) return;
        Eligible = eligible;
        Note = Clean(note);
        RecordedBy = by;
        RecordedAt = now;
        RecordAction(eligible ? "认定具备组长资格" : "取消组长资格");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
