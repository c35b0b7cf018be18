using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Governance;

/// <summary>/api/governance — what the leading group's pages do, over JSON: proposals and decisions, rulings, committees.</summary>
public static class GovernanceApi
{
    public sealed record ProposeRequest(MatterKind Kind, Guid CycleId, Guid? PlanId);
    public sealed record DecideRequest(int Version, bool Approve, int VotesFor, int VotesAgainst, int VotesAbstain, string? Reason);
    public sealed record RulingRequest(string? Question, string? Text, DateOnly? DecidedOn, int VotesFor, int VotesAgainst, int VotesAbstain, string? Reasons);
    public sealed record CiteRequest(Guid CaseId, string? Note);
    public sealed record MemberRequest(CommitteeKind Committee, string? Name, string? Unit, string? Post, Affiliation Affiliation,
        DateOnly? TermStart, DateOnly? TermEnd, string? UserId);
    public sealed record VersionRequest(int Version);

    public sealed record DecisionDto(Guid Id, Guid CycleId, string Kind, string KindText, Guid? PlanId, string Proposal, string ProposedBy,
        DateTimeOffset ProposedAt, string Status, string StatusText, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason,
        int VotesFor, int VotesAgainst, int VotesAbstain, int Version)
    {
        public static DecisionDto From(LeadingGroupDecision d) => new(d.Id, d.CycleId, d.Kind.ToString(), d.Kind.Display(), d.PlanId, d.Proposal,
            d.ProposedBy, d.ProposedAt, d.Status.ToString(), d.Status.Display(), d.DecidedBy, d.DecidedAt, d.Reason,
            d.VotesFor, d.VotesAgainst, d.VotesAbstain, d.Version);
    }

    public sealed record RulingDto(Guid Id, string Reference, int Year, int Number, string Question, string Text, DateOnly DecidedOn,
        int VotesFor, int VotesAgainst, int VotesAbstain, string Reasons, string RecordedBy, DateTimeOffset RecordedAt)
    {
        public static RulingDto From(Ruling r) => new(r.Id, r.Reference, r.Year, r.Number, r.Question, r.Text, r.DecidedOn,
            r.VotesFor, r.VotesAgainst, r.VotesAbstain, r.Reasons, r.RecordedBy, r.RecordedAt);
    }

    public sealed record CitationDto(Guid Id, Guid RulingId, string Reference, Guid CaseId, string Note, string CitedBy, DateTimeOffset CitedAt);

    public sealed record MemberDto(Guid Id, Guid CycleId, string Committee, string CommitteeText, string Name, string Unit, string Post,
        string Affiliation, string AffiliationText, DateOnly TermStart, DateOnly TermEnd, string? UserId, string Status,
        DateTimeOffset? ApprovedAt, DateTimeOffset? RemovedAt, int Version)
    {
        public static MemberDto From(CommitteeMember m) => new(m.Id, m.CycleId, m.Committee.ToString(), m.Committee.Display(), m.Name, m.Unit,
            m.Post, m.Affiliation.ToString(), m.Affiliation.Display(), m.TermStart, m.TermEnd, m.UserId, m.StatusDisplay, m.ApprovedAt, m.RemovedAt, m.Version);
    }

    public static void MapGovernanceApi(this WebApplication app)
    {
        var api = app.MapApi("/governance", "领导小组");
        api.MapGet("/decisions", DecisionsAsync).RequireAuthorization(Policies.Governance)
            .WithSummary("提请领导小组决定的事项及决定记录（status：Pending 待决定、Approved、Declined；可按 cycleId 筛选）（活动办公室、领导小组）");
        api.MapPost("/decisions", ProposeAsync).RequireAuthorization(Policies.Office)
            .WithSummary("提请领导小组决定：kind 为 CycleRules、ExpertGroupPlan（须带 planId）、ExpertGroupDelegation、PlaceholderScoring、ReviewCommittee、ApprovalCommittee（活动办公室）");
        api.MapPost("/decisions/{id:guid}/decide", DecideAsync).RequireAuthorization(Policies.LeadingGroup)
            .WithSummary("记录领导小组决定：approve、表决票数（赞成须多于反对）和理由（不批准时必填）；活动办公室收到通知（领导小组成员）");
        api.MapGet("/rulings", async Task<Ok<List<RulingDto>>> (RulingBook book, CancellationToken ct) =>
                TypedResults.Ok((await book.ListAsync(ct)).Select(RulingDto.From).ToList()))
            .RequireAuthorization(Policies.Governance).WithSummary("重要问题裁决列表，新者在前（活动办公室、领导小组）");
        api.MapPost("/rulings", RecordAsync).RequireAuthorization(Policies.LeadingGroup)
            .WithSummary("登记重要问题裁决：问题、裁决、日期、表决票数和理由，按年度编号（领导小组成员）");
        api.MapPost("/rulings/{id:guid}/citations", CiteAsync).RequireAuthorization(Policies.Office)
            .WithSummary("在监督案件中引用一项裁决（活动办公室）");
        api.MapGet("/citations", CitationsAsync).RequireAuthorization(Policies.Governance)
            .WithSummary("某监督案件引用的裁决（caseId）（活动办公室、领导小组）");
        api.MapGet("/committees/{cycleId:guid}", MembersAsync).RequireAuthorization(Policies.CommitteeComposition)
            .WithSummary("某年度评审委员会和审定委员会的组成：单位、职务、构成类别、任期、是否经领导小组批准");
        api.MapPost("/committees/{cycleId:guid}/members", AddMemberAsync).RequireAuthorization(Policies.Office)
            .WithSummary("提名委员（committee：Review、Approval；affiliation：Government、Industry、Region、QualityExpert、Reviewer、Other）（活动办公室）");
        api.MapPost("/committees/members/{id:guid}/remove", RemoveMemberAsync).RequireAuthorization(Policies.Office)
            .WithSummary("委员退出委员会，记录保留（活动办公室）");
    }

    private static async Task<Ok<List<DecisionDto>>> DecisionsAsync(MatterStatus? status, Guid? cycleId, AppDbContext db, CancellationToken ct)
    {
        var q = db.Set<LeadingGroupDecision>().AsNoTracking();
        if (status is { } s) q = q.Where(d => d.Status == s);
        if (cycleId is { } c) q = q.Where(d => d.CycleId == c);
        var rows = await q.OrderByDescending(d => d.ProposedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(DecisionDto.From).ToList());
    }

    private static async Task<Created<DecisionDto>> ProposeAsync(ProposeRequest r, GovernanceWorkflow w, CancellationToken ct)
    {
        var d = await w.ProposeAsync(r.Kind, r.CycleId, r.PlanId, ct);
        return TypedResults.Created($"/api/governance/decisions?cycleId={d.CycleId}", DecisionDto.From(d));
    }

    private static async Task<Results<Ok<DecisionDto>, NotFoundProblem>> DecideAsync(Guid id, DecideRequest r, GovernanceWorkflow w, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<LeadingGroupDecision>().AnyAsync(d => d.Id == id, ct)) return new NotFoundProblem("未找到", "该事项不存在。");
        var d = await w.DecideAsync(id, r.Version, r.Approve, r.VotesFor, r.VotesAgainst, r.VotesAbstain, r.Reason, ct);
        return TypedResults.Ok(DecisionDto.From(d));
    }

    private static async Task<Created<RulingDto>> RecordAsync(RulingRequest r, RulingBook book, CancellationToken ct)
    {
        var ruling = await book.RecordAsync(r.Question, r.Text, r.DecidedOn, r.VotesFor, r.VotesAgainst, r.VotesAbstain, r.Reasons, ct);
        return TypedResults.Created("/api/governance/rulings", RulingDto.From(ruling));
    }

    private static async Task<Results<Created<CitationDto>, NotFoundProblem>> CiteAsync(Guid id, CiteRequest r, RulingBook book, AppDbContext db,
        ICitationSubjects subjects, CancellationToken ct)
    {
        var ruling = await db.Set<Ruling>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (ruling is null) return new NotFoundProblem("未找到", "该裁决不存在。");
        if (await subjects.PathAsync(RulingCitation.SupervisionCase, r.CaseId, ct) is null) return new NotFoundProblem("未找到", "该监督案件不存在。");
        var c = await book.CiteAsync(id, RulingCitation.SupervisionCase, r.CaseId, r.Note, ct);
        return TypedResults.Created($"/api/governance/citations?caseId={r.CaseId}",
            new CitationDto(c.Id, id, ruling.Reference, r.CaseId, c.Note, c.CitedBy, c.CitedAt));
    }

    private static async Task<Ok<List<CitationDto>>> CitationsAsync(Guid caseId, RulingBook book, CancellationToken ct) =>
        TypedResults.Ok((await book.CitedFromAsync(RulingCitation.SupervisionCase, caseId, ct))
            .Select(x => new CitationDto(x.Citation.Id, x.Ruling.Id, x.Ruling.Reference, caseId, x.Citation.Note, x.Citation.CitedBy, x.Citation.CitedAt)).ToList());

    private static async Task<Results<Ok<List<MemberDto>>, NotFoundProblem>> MembersAsync(Guid cycleId, CommitteeRoster roster, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<Cycles.Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return new NotFoundProblem("未找到", "年度活动不存在。");
        return TypedResults.Ok((await roster.MembersAsync(cycleId, ct)).Select(MemberDto.From).ToList());
    }

    private static async Task<Results<Created<MemberDto>, NotFoundProblem>> AddMemberAsync(Guid cycleId, MemberRequest r, CommitteeRoster roster, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<Cycles.Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return new NotFoundProblem("未找到", "年度活动不存在。");
        var m = await roster.AddAsync(cycleId, r.Committee, r.Name, r.Unit, r.Post, r.Affiliation, r.TermStart, r.TermEnd, r.UserId, ct);
        return TypedResults.Created($"/api/governance/committees/{cycleId}", MemberDto.From(m));
    }

    private static async Task<Results<Ok<MemberDto>, NotFoundProblem>> RemoveMemberAsync(Guid id, VersionRequest r, CommitteeRoster roster, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<CommitteeMember>().AnyAsync(m => m.Id == id, ct)) return new NotFoundProblem("未找到", "该委员记录不存在。");
        return TypedResults.Ok(MemberDto.From(await roster.RemoveAsync(id, r.Version, ct)));
    }
}
