using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Discipline;

/// <summary>What the office proposes (提请处分).</summary>
public sealed record SanctionProposal(Guid ApplicationId, DisciplineKind Kind, SanctionSource Source, string? SourceNote, string? Reason);

/// <summary>
/// A sanction from the office's proposal to the leading group's decision (docs/decisions/0042). The workflow saves
/// (docs/decisions/0028); a decided 撤销申报及接受评审资格 is applied to the application in the same save.
/// </summary>
public sealed class DisciplineWorkflow(AppDbContext db, TimeProvider clock, CurrentActor actor, Notifier notifier, FileStore files,
    QualificationWithdrawal withdrawal, NoticeWorkflow notices, IOptions<SupervisionOptions> options, UserManager<AppUser> users)
{
    public const string FileOwner = "OrganizationSanction";
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public static readonly string[] FileKinds = ["pdf", "jpg", "png", "docx", "doc", "xlsx", "xls"];

    /// <summary>提请处分: the office's proposal with its evidence files; the leading group is told that a vote waits.</summary>
    public async Task<OrganizationSanction> ProposeAsync(SanctionProposal p, IReadOnlyList<Attachment> evidence, CancellationToken ct)
    {
        var info = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                          join c in db.Set<Cycle>() on a.CycleId equals c.Id
                          where a.Id == p.ApplicationId
                          select new { a.Id, a.CycleId, c.Year, a.OrganizationId, o.Name, o.Uscc, a.Number, a.Status }).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("请选择处分涉及的申报。");
        if (p.Kind == DisciplineKind.Withdrawal && !Application.Transitions.Contains((info.Status, ApplicationAction.RevokeQualification)))
            throw new DomainRuleException($"该申报目前为“{info.Status.Display()}”，已不在评审中，不能撤销其申报及接受评审资格；可以提请批评或警告。");
        var year = clock.Now().Year;
        var prefix = $"JL-{year}-";
        var numbers = await db.Set<OrganizationSanction>().AsNoTracking().Where(s => s.Number.StartsWith(prefix)).Select(s => s.Number).ToListAsync(ct);
        var next = numbers.Select(n => int.TryParse(n[prefix.Length..], out var i) ? i : 0).DefaultIfEmpty(0).Max() + 1;
        var s = new OrganizationSanction($"{prefix}{next:000}", info.CycleId, info.Year, info.OrganizationId, info.Name, info.Uscc, info.Id,
            info.Number, p.Kind, p.Source, p.SourceNote, p.Reason, actor.Name, clock.GetUtcNow());
        db.Add(s);
        foreach (var f in evidence) await SaveFileAsync(s.Id, f, ct);
        await notifier.NotifyAsync(DefaultTemplates.DisciplineForDecision, await users.GetUsersInRoleAsync(Roles.LeadingGroup), new Dictionary<string, string>
        {
            ["组织名称"] = s.OrganizationName, ["处分编号"] = s.Number, ["处分种类"] = OrganizationSanction.KindDisplay(s.Kind), ["理由"] = s.Reason,
        }, Link(s.Id), ct);
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>One more evidence file while the proposal is open (streamed by the API).</summary>
    public async Task<StoredFile?> AddFileAsync(Guid id, Attachment file, CancellationToken ct)
    {
        var s = await db.Set<OrganizationSanction>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        if (!s.IsOpen) throw new DomainRuleException("领导小组已作出决定，不能再补充证明材料。");
        var stored = await SaveFileAsync(id, file, ct);
        await db.SaveChangesAsync(ct);
        return stored;
    }

    public IQueryable<StoredFile> Files(Guid id) =>
        db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == FileOwner && f.OwnerId == id);

    /// <summary>A leading-group member's vote (a second vote replaces the first).</summary>
    public async Task<OrganizationSanction?> VoteAsync(ClaimsPrincipal user, Guid id, int? version, bool agree, string? reason, CancellationToken ct)
    {
        var s = await LoadAsync(id, ct);
        if (s is null) return null;
        await db.SaveWithVersionAsync(s, version, x => x.Vote(user.RequiredUserId(), actor.Name, agree, reason, clock.GetUtcNow()), ct);
        return s;
    }

    /// <summary>
    /// Records the decision the votes reached. A decided 撤销申报及接受评审资格 takes the application out of the cycle
    /// (<see cref="QualificationWithdrawal"/>); the organisation and its recommending body are told of any decided sanction.
    /// </summary>
    public async Task<(OrganizationSanction Sanction, IReadOnlyList<string> Done)?> DecideAsync(Guid id, int? version, string? reason, CancellationToken ct)
    {
        var s = await LoadAsync(id, ct);
        if (s is null) return null;
        if (version is { } v && s.Version != v) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        var now = clock.GetUtcNow();
        var rule = options.Value.Majority;
        s.Decide(rule.Share, rule.MinimumVotes, reason, actor.Name, now);
        IReadOnlyList<string> done = [];
        if (s.Status == SanctionStatus.Decided)
        {
            if (s.Kind == DisciplineKind.Withdrawal) done = await withdrawal.WithdrawAsync(s.ApplicationId!.Value, s.Number, s.Reason, now, ct);
            await NotifyPartiesAsync(s, now, ct);
        }
        await db.SaveWithVersionAsync(s, version, ct);
        if (done.Count > 0) await notices.EvictPublicPagesAsync(ct);
        return (s, done);
    }

    /// <summary>移送司法机关 — recorded for a reviewer or an organisation.</summary>
    public async Task<JudicialReferral?> ReferAsync(ReferralSubject subject, Guid subjectId, DateOnly? on, string? authority, string? reference,
        string? note, CancellationToken ct)
    {
        var name = subject == ReferralSubject.Reviewer
            ? await db.Set<Reviewers.ReviewerProfile>().Where(p => p.Id == subjectId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : await db.Set<Organization>().Where(o => o.Id == subjectId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        var r = new JudicialReferral(subject, subjectId, name, on, authority, reference, note, clock.Today(), actor.Name, clock.GetUtcNow());
        db.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    private async Task NotifyPartiesAsync(OrganizationSanction s, DateTimeOffset now, CancellationToken ct)
    {
        var bodyId = await db.Set<Application>().Where(a => a.Id == s.ApplicationId).Select(a => a.RecommendingBodyId).FirstOrDefaultAsync(ct);
        var recipients = await db.Users.Where(u => u.OrganizationId == s.OrganizationId || (bodyId != null && u.RecommendingBodyId == bodyId)).ToListAsync(ct);
        var values = new Dictionary<string, string>
        {
            ["组织名称"] = s.OrganizationName, ["年度"] = s.Year.ToString(), ["处分编号"] = s.Number,
            ["处分种类"] = OrganizationSanction.KindDisplay(s.Kind), ["理由"] = s.Reason, ["申报编号"] = s.ApplicationNumber ?? "",
            ["撤销日期"] = ChinaTime.Format(DateOnly.FromDateTime(now.ToChina().DateTime)),
        };
        await notifier.NotifyAsync(s.Kind == DisciplineKind.Withdrawal ? DefaultTemplates.DisciplineQualificationRevoked : DefaultTemplates.DisciplineDecided,
            recipients, values, Link(s.Id), ct);
    }

    private Task<StoredFile> SaveFileAsync(Guid id, Attachment f, CancellationToken ct) =>
        files.SaveAsync(f.Content, f.FileName, new UploadRequest(FileOwner, id, "处分证明材料", "", FileKinds, MaxFileBytes), ct);

    private Task<OrganizationSanction?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Set<OrganizationSanction>().FirstOrDefaultAsync(s => s.Id == id, ct);

    public static string Link(Guid id) => $"/Discipline/Sanction/{id}";
}
