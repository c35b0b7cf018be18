using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>
/// An objection refused because it came after the deadline (逾期不予受理), counted for the work report. Only the moment
/// and the organisation concerned are kept: the refused objector's identity is not stored.
/// </summary>
public sealed class LateObjection : Entity
{
    public Guid CycleId { get; private set; }
    public Guid NoticeId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public DateTimeOffset AttemptedAt { get; private set; }

    private LateObjection() { }

    public LateObjection(PublicNotice notice, string organizationName, DateTimeOffset now)
    {
        CycleId = notice.CycleId;
        NoticeId = notice.Id;
        OrganizationName = organizationName;
        AttemptedAt = now;
        RecordAction($"逾期异议不予受理（涉及“{organizationName}”）");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);
}
