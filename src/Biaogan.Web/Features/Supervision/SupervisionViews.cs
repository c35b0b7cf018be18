using System.Security.Claims;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

public sealed record CaseSummary(Guid Id, string Number, string Kind, string KindText, Guid AwardId, string Organization, string CertificateNumber,
    string Title, string Status, string StatusText, DateTimeOffset OpenedAt, string? Outcome, string? OutcomeText, DateTimeOffset? DecidedAt,
    string? PublicReason, int Version);

public sealed record VoteView(string Voter, string Outcome, string OutcomeText, string Reason, DateTimeOffset VotedAt);

public sealed record StatusChangeView(string From, string To, DateTimeOffset At, string By, string? Note);

/// <summary>
/// One case as its reader may see it. The organisation concerned gets the summary, the question put to it, its reply and the
/// decision — never the investigation notes, the votes or the internal reasons (null for it).
/// </summary>
public sealed record CaseView(CaseSummary Case, IReadOnlyList<StatusChangeView> History, string? ReplyRequest, string? Reply,
    DateTimeOffset? RepliedAt, IReadOnlyList<CaseNote>? Notes, IReadOnlyList<VoteView>? Votes, string? DecisionReason, int? VotesCast,
    int? VotesForOutcome, IncidentView? Incident);

public sealed record IncidentView(Guid Id, Guid CaseId, Guid AwardId, string Category, string CategoryText, string Source, string SourceText,
    DateOnly OccurredOn, DateOnly ReportDueOn, DateOnly? RequestedBy, DateOnly DueOn, string? OfficeAccount, string? WhatHappened,
    string? MeasuresTaken, DateTimeOffset? ReportedAt, int DaysLate, int Version);

public sealed record FileView(Guid Id, string FileName, long Size);

/// <summary>The read side of supervision, filtered by <see cref="SupervisionAccess"/>.</summary>
public static class SupervisionViews
{
    public static async Task<List<CaseSummary>> ListAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        (await SupervisionAccess.Cases(db, user).OrderByDescending(c => c.OpenedAt).ToListAsync(ct)).Select(Summary).ToList();

    public static async Task<List<IncidentView>> IncidentsAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        (await SupervisionAccess.Incidents(db, user).OrderByDescending(i => i.OccurredOn).ToListAsync(ct)).Select(i => Incident(i, clock)).ToList();

    public static async Task<CaseView?> CaseAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var c = await SupervisionAccess.Cases(db, user).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var staff = SupervisionAccess.IsStaff(user);
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.CaseId == id, ct);
        var votes = staff
            ? (await db.Set<SupervisionVote>().AsNoTracking().Where(v => v.CaseId == id).ToListAsync(ct)).OrderBy(v => v.VotedAt).Select(v => Vote(v, c.Kind)).ToList()
            : null;
        return new CaseView(Summary(c),
            c.StatusChanges.Select(h => new StatusChangeView(SupervisionCase.StatusDisplay(h.From), SupervisionCase.StatusDisplay(h.To), h.At,
                staff ? h.By : "活动办公室", staff ? h.Note : null)).ToList(),
            c.ReplyRequest, c.Reply, c.RepliedAt, staff ? c.Notes : null, votes, staff ? c.DecisionReason : null,
            staff ? c.VotesCast : null, staff ? c.VotesForOutcome : null, incident is null ? null : Incident(incident, clock));
    }

    public static CaseSummary Summary(SupervisionCase c) => new(c.Id, c.Number, c.Kind.ToString(), SupervisionCase.KindDisplay(c.Kind), c.AwardId,
        c.OrganizationName, c.CertificateNumber, c.Title, c.Status.ToString(), SupervisionCase.StatusDisplay(c.Status), c.OpenedAt,
        c.Outcome?.ToString(), c.Outcome is { } o ? SupervisionCase.OutcomeDisplay(c.Kind, o) : null, c.DecidedAt, c.PublicReason, c.Version);

    public static VoteView Vote(SupervisionVote v) => Vote(v, CaseKind.Incident);

    public static VoteView Vote(SupervisionVote v, CaseKind kind) =>
        new(v.VoterName, v.Outcome.ToString(), SupervisionCase.OutcomeDisplay(kind, v.Outcome), v.Reason, v.VotedAt);

    public static IncidentView Incident(Incident i, TimeProvider clock) => new(i.Id, i.CaseId, i.AwardId, i.Category.ToString(),
        Supervision.Incident.CategoryDisplay(i.Category), i.Source.ToString(), Supervision.Incident.SourceDisplay(i.Source), i.OccurredOn,
        i.ReportDueOn, i.RequestedBy, i.DueOn, i.OfficeAccount, i.WhatHappened, i.MeasuresTaken, i.ReportedAt, i.DaysLate(clock.GetUtcNow()),
        i.Version);
}
