using System.Security.Claims;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

public sealed record SanctionVoteView(string Voter, bool Agree, string Reason, DateTimeOffset At);
public sealed record EvidenceView(Guid Id, string FileName, long Size);

/// <summary>A sanction as the API shows it; votes, evidence and the source are for the office and the leading group only.</summary>
public sealed record SanctionView(Guid Id, string Number, int Year, Guid OrganizationId, string OrganizationName, string Uscc,
    Guid? ApplicationId, string? ApplicationNumber, string Kind, string KindName, string Source, string SourceName, string? SourceNote,
    string Reason, string Status, string StatusName, DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt, string? DecisionReason,
    int VotesFor, int VotesCast, IReadOnlyList<SanctionVoteView>? Votes, IReadOnlyList<EvidenceView>? Evidence, int Version);

public sealed record ReferralView(Guid Id, string Subject, string SubjectName, Guid SubjectId, DateOnly ReferredOn, string Authority,
    string Reference, string Note, string RecordedBy);

public static class DisciplineViews
{
    public static SanctionView Sanction(OrganizationSanction s, bool staff, IReadOnlyList<EvidenceView>? evidence = null) => new(
        s.Id, s.Number, s.Year, s.OrganizationId, s.OrganizationName, s.Uscc, s.ApplicationId, s.ApplicationNumber,
        s.Kind.ToString(), OrganizationSanction.KindDisplay(s.Kind), s.Source.ToString(), OrganizationSanction.SourceDisplay(s.Source),
        staff ? s.SourceNote : null, s.Reason, s.Status.ToString(), OrganizationSanction.StatusDisplay(s.Status), s.ProposedAt, s.DecidedAt,
        s.DecisionReason, s.VotesFor, s.VotesCast,
        staff ? s.Votes.Select(v => new SanctionVoteView(v.VoterName, v.Agree, v.Reason, v.At)).ToList() : null,
        staff ? evidence : null, s.Version);

    public static async Task<IReadOnlyList<SanctionView>> ListAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var staff = DisciplineAccess.IsStaff(user);
        var rows = await DisciplineAccess.Sanctions(db, user).ToListAsync(ct);
        return rows.OrderByDescending(s => s.ProposedAt).Select(s => Sanction(s, staff)).ToList();
    }

    public static ReferralView Referral(JudicialReferral r) => new(r.Id, JudicialReferral.SubjectDisplay(r.Subject), r.SubjectName, r.SubjectId,
        r.ReferredOn, r.Authority, r.Reference, r.Note, r.RecordedBy);
}
