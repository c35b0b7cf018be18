using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Sharing;

public sealed record SharingFile(Guid Id, string FileName, string SizeText, DateTimeOffset UploadedAt);

public sealed record EventView(Guid Id, SharingEventKind Kind, string KindText, string Title, string Topic, DateOnly StartsOn, DateOnly EndsOn,
    string Place, string Description, SharingEventStatus Status, string StatusText, string? CancellationReason, int Version,
    int Invited, int Answered, int Attending)
{
    public string DatesText() => StartsOn == EndsOn ? ChinaTime.Format(StartsOn) : $"{ChinaTime.Format(StartsOn)}—{ChinaTime.Format(EndsOn)}";
}

public sealed record InvitationView(Guid Id, Guid EventId, string EventTitle, string EventKind, DateOnly StartsOn, DateOnly EndsOn, string Place,
    string Topic, SharingEventStatus EventStatus, Guid AwardId, string OrganizationName, string CertificateNumber, InvitationAnswer Answer,
    string AnswerText, string Attendees, bool WillSpeak, string TalkTitle, string AnswerNote, DateTimeOffset? AnsweredAt, string? AnsweredBy,
    Attendance? Attendance, string AttendanceText, int Version, IReadOnlyList<SharingFile> Materials);

public sealed record PracticeView(Guid Id, Guid AwardId, string OrganizationName, int AwardYear, string CategoryText, string Title, string Summary,
    PracticeStatus Status, string StatusText, string? ReturnReason, DateTimeOffset UpdatedAt, string UpdatedBy, DateTimeOffset? SubmittedAt,
    DateOnly? PublishedOn, int Version, IReadOnlyList<SharingFile> Files);

/// <summary>An award's sharing record for the features above (the three-year confirmation): its invitations and published cases.</summary>
public sealed record SharingRecord(IReadOnlyList<InvitationView> Invitations, IReadOnlyList<PracticeView> Published);

/// <summary>
/// The read side of experience sharing for the pages, the API, the to-do lists and the award record. Visibility: the office and
/// the administrator see everything; a winner's users only their organisation's invitations and cases (another's is null → 404).
/// </summary>
public sealed class SharingRecords(AppDbContext db)
{
    public async Task<IReadOnlyList<EventView>> EventsAsync(CancellationToken ct)
    {
        var events = await db.Set<SharingEvent>().AsNoTracking().OrderByDescending(e => e.StartsOn).ToListAsync(ct);
        var counts = (await db.Set<SharingInvitation>().AsNoTracking().Select(i => new { i.EventId, i.Answer }).ToListAsync(ct)).ToLookup(i => i.EventId);
        return events.Select(e => Event(e, counts[e.Id].Count(), counts[e.Id].Count(i => i.Answer != InvitationAnswer.Pending),
            counts[e.Id].Count(i => i.Answer == InvitationAnswer.Attend))).ToList();
    }

    public async Task<EventView?> EventAsync(Guid id, CancellationToken ct) =>
        (await EventsAsync(ct)).FirstOrDefault(e => e.Id == id);

    /// <summary>The invitations of one event (office).</summary>
    public async Task<IReadOnlyList<InvitationView>> InvitationsOfEventAsync(Guid eventId, CancellationToken ct) =>
        await InvitationsAsync(db.Set<SharingInvitation>().Where(i => i.EventId == eventId), ct);

    /// <summary>The invitations of the caller's organisation, newest event first; none for anybody else.</summary>
    public async Task<IReadOnlyList<InvitationView>> MyInvitationsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        OwnOrganization(user) is { } org ? await InvitationsAsync(db.Set<SharingInvitation>().Where(i => i.OrganizationId == org), ct) : [];

    /// <summary>One invitation of the caller's organisation (null when unknown or another's).</summary>
    public async Task<InvitationView?> MyInvitationAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        OwnOrganization(user) is { } org
            ? (await InvitationsAsync(db.Set<SharingInvitation>().Where(i => i.Id == id && i.OrganizationId == org), ct)).FirstOrDefault()
            : null;

    /// <summary>Practices: the office sees all (or the queue), an organisation its own.</summary>
    public async Task<IReadOnlyList<PracticeView>> PracticesAsync(ClaimsPrincipal user, bool queueOnly, CancellationToken ct)
    {
        var q = VisiblePractices(user);
        if (queueOnly) q = q.Where(p => p.Status == PracticeStatus.Submitted);
        return await PracticeViewsAsync(q, ct);
    }

    public async Task<PracticeView?> PracticeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        (await PracticeViewsAsync(VisiblePractices(user).Where(p => p.Id == id), ct)).FirstOrDefault();

    /// <summary>The public page: published cases of awards that are not revoked, optionally of one year and category.</summary>
    public async Task<IReadOnlyList<PracticeView>> PublishedAsync(int? year, Cycles.AwardCategory? category, CancellationToken ct)
    {
        var revoked = db.Set<Award>().Where(a => a.Status == AwardStatus.Revoked).Select(a => a.Id);
        var q = db.Set<BenchmarkPractice>().Where(p => p.Status == PracticeStatus.Published && !revoked.Contains(p.AwardId));
        if (year is { } y) q = q.Where(p => p.AwardYear == y);
        if (category is { } c) q = q.Where(p => p.Category == c);
        return await PracticeViewsAsync(q, ct);
    }

    /// <summary>A file of a published case the public may download (null otherwise).</summary>
    public async Task<StoredFile?> PublicFileAsync(Guid fileId, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == BenchmarkPractice.FileOwner && f.RemovedAt == null, ct);
        if (file is null) return null;
        var shown = await PublishedAsync(null, null, ct);
        return shown.Any(p => p.Id == file.OwnerId) ? file : null;
    }

    /// <summary>A file of an invitation or a case the caller may see (office: all; organisation: its own).</summary>
    public async Task<StoredFile?> FileAsync(ClaimsPrincipal user, Guid fileId, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.RemovedAt == null, ct);
        if (file is null) return null;
        var org = OwnOrganization(user);
        var office = user.IsOffice();
        return file.OwnerType switch
        {
            SharingInvitation.FileOwner when office || await db.Set<SharingInvitation>().AnyAsync(i => i.Id == file.OwnerId && i.OrganizationId == org, ct) => file,
            BenchmarkPractice.FileOwner when office || await db.Set<BenchmarkPractice>().AnyAsync(p => p.Id == file.OwnerId && p.OrganizationId == org, ct) => file,
            _ => null,
        };
    }

    /// <summary>
    /// For the features above (the three-year confirmation): the award's invitations to events that begin within
    /// [<paramref name="from"/>, <paramref name="to"/>] and its cases published in that period. No access check.
    /// </summary>
    public async Task<SharingRecord> ForAwardAsync(Guid awardId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var events = db.Set<SharingEvent>().Where(e => e.StartsOn >= from && e.StartsOn <= to).Select(e => e.Id);
        var invitations = await InvitationsAsync(db.Set<SharingInvitation>().Where(i => i.AwardId == awardId && events.Contains(i.EventId)), ct);
        var published = await PracticeViewsAsync(db.Set<BenchmarkPractice>().Where(p => p.AwardId == awardId && p.Status == PracticeStatus.Published
            && p.PublishedOn >= from && p.PublishedOn <= to), ct);
        return new SharingRecord(invitations, published);
    }

    /// <summary>Everything of one award (its record section): every invitation and every published case.</summary>
    public Task<SharingRecord> AllForAwardAsync(Guid awardId, CancellationToken ct) =>
        ForAwardAsync(awardId, DateOnly.MinValue, DateOnly.MaxValue, ct);

    private IQueryable<BenchmarkPractice> VisiblePractices(ClaimsPrincipal user)
    {
        var all = db.Set<BenchmarkPractice>().AsQueryable();
        if (user.IsOffice()) return all;
        return OwnOrganization(user) is { } org ? all.Where(p => p.OrganizationId == org) : all.Where(p => false);
    }

    public static Guid? OwnOrganization(ClaimsPrincipal user) => user.IsInRole(Roles.Applicant) ? user.OrganizationId() : null;

    private async Task<IReadOnlyList<InvitationView>> InvitationsAsync(IQueryable<SharingInvitation> query, CancellationToken ct)
    {
        var rows = await (from i in query.AsNoTracking()
                          join e in db.Set<SharingEvent>().AsNoTracking() on i.EventId equals e.Id
                          select new { i, e }).ToListAsync(ct);
        var ids = rows.Select(r => r.i.Id).ToList();
        var files = (await FilesAsync(SharingInvitation.FileOwner, ids, ct));
        return rows.OrderByDescending(r => r.e.StartsOn).ThenBy(r => r.i.CertificateNumber).Select(r => new InvitationView(r.i.Id, r.e.Id, r.e.Title,
            SharingEvent.KindDisplay(r.e.Kind), r.e.StartsOn, r.e.EndsOn, r.e.Place, r.e.Topic, r.e.Status, r.i.AwardId, r.i.OrganizationName,
            r.i.CertificateNumber, r.i.Answer, SharingInvitation.AnswerDisplay(r.i.Answer), r.i.Attendees, r.i.WillSpeak, r.i.TalkTitle, r.i.AnswerNote,
            r.i.AnsweredAt, r.i.AnsweredBy, r.i.Attendance, SharingInvitation.AttendanceDisplay(r.i.Attendance), r.i.Version, files[r.i.Id].ToList())).ToList();
    }

    private async Task<IReadOnlyList<PracticeView>> PracticeViewsAsync(IQueryable<BenchmarkPractice> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var files = await FilesAsync(BenchmarkPractice.FileOwner, rows.Select(p => p.Id).ToList(), ct);
        return rows.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.UpdatedAt).Select(p => Practice(p, files[p.Id].ToList())).ToList();
    }

    private async Task<ILookup<Guid, SharingFile>> FilesAsync(string owner, List<Guid> ids, CancellationToken ct) =>
        (await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == owner && ids.Contains(f.OwnerId) && f.RemovedAt == null)
            .ToListAsync(ct)).OrderBy(f => f.UploadedAt).ToLookup(f => f.OwnerId, f => new SharingFile(f.Id, f.FileName, f.SizeText, f.UploadedAt));

    public static EventView Event(SharingEvent e, int invited = 0, int answered = 0, int attending = 0) => new(e.Id, e.Kind,
        SharingEvent.KindDisplay(e.Kind), e.Title, e.Topic, e.StartsOn, e.EndsOn, e.Place, e.Description, e.Status,
        SharingEvent.StatusDisplay(e.Status), e.CancellationReason, e.Version, invited, answered, attending);

    public static PracticeView Practice(BenchmarkPractice p, IReadOnlyList<SharingFile> files) => new(p.Id, p.AwardId, p.OrganizationName, p.AwardYear,
        BenchmarkPractice.CategoryText(p.Category), p.Title, p.Summary, p.Status, BenchmarkPractice.StatusDisplay(p.Status), p.ReturnReason,
        p.UpdatedAt, p.UpdatedBy, p.SubmittedAt, p.PublishedOn, p.Version, files);
}
