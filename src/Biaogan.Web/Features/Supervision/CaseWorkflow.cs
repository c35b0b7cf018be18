using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Supervision;

/// <summary>
/// A supervision case from opening to the leading group's decision. The workflow saves (docs/decisions/0028); the decision
/// is applied to the award through <see cref="AwardStanding"/> in the same save, then the public pages are made current
/// on every node and the organisation is told.
/// </summary>
public sealed class CaseWorkflow(AppDbContext db, TimeProvider clock, CurrentActor actor, Notifier notifier, AwardStanding standing,
    IOptions<SupervisionOptions> options, UserManager<AppUser> users, IEnumerable<ICaseGate> gates)
{
    public MajorityRule Majority => options.Value.Majority;

    /// <summary>Opens a case on a benchmark (not saved: the caller may add an incident to the same save).</summary>
    public async Task<SupervisionCase> NewAsync(CaseKind kind, Guid awardId, string? title, CancellationToken ct)
    {
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, ct)
            ?? throw new DomainRuleException("请选择案件涉及的标杆。");
        var year = clock.Now().Year;
        var prefix = $"JD-{year}-";
        var numbers = await db.Set<SupervisionCase>().AsNoTracking().Where(c => c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync(ct);
        // Cases opened in the same unit of work (a confirmation round opens one per benchmark) are not saved yet.
        numbers.AddRange(db.Set<SupervisionCase>().Local.Select(c => c.Number).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
        var next = numbers.Select(n => int.TryParse(n[prefix.Length..], out var i) ? i : 0).DefaultIfEmpty(0).Max() + 1;
        var c = new SupervisionCase($"{prefix}{next:000}", kind, award, title ?? "", clock.GetUtcNow());
        db.Add(c);
        return c;
    }

    public async Task<SupervisionCase> OpenAsync(CaseKind kind, Guid awardId, string? title, CancellationToken ct)
    {
        if (kind == CaseKind.Incident) throw new DomainRuleException("事件案件请通过“登记事件”建立，以便记录事件类别、发生日期和书面报告。");
        var c = await NewAsync(kind, awardId, title, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public Task<SupervisionCase?> NoteAsync(Guid id, int? version, string? text, CancellationToken ct) =>
        ChangeAsync(id, version, c => c.AddNote(text ?? "", actor.Name, clock.GetUtcNow()), ct);

    public async Task<SupervisionCase?> RequestReplyAsync(Guid id, int? version, string? question, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return null;
        c.RequestReply(question ?? "", actor.Name, clock.GetUtcNow());
        await notifier.NotifyAsync(DefaultTemplates.SupervisionReplyRequested, await OrganizationUsersAsync(c.OrganizationId, ct),
            new Dictionary<string, string>
            {
                ["组织名称"] = c.OrganizationName, ["案件编号"] = c.Number, ["案由"] = c.Title, ["问题"] = c.ReplyRequest ?? "",
            }, $"/Supervision/Case/{c.Id}", ct);
        await db.SaveWithVersionAsync(c, version, ct);
        return c;
    }

    /// <summary>The organisation's answer; null when the case is not its own (the caller answers 404).</summary>
    public async Task<SupervisionCase?> ReplyAsync(ClaimsPrincipal user, Guid id, int? version, string? reply, CancellationToken ct)
    {
        var org = user.OrganizationId();
        var c = await LoadAsync(id, ct);
        if (c is null || org is null || c.OrganizationId != org) return null;
        c.AnswerReply(reply ?? "", actor.Name, clock.GetUtcNow());
        await db.SaveWithVersionAsync(c, version, ct);
        return c;
    }

    public async Task<SupervisionCase?> SubmitAsync(Guid id, int? version, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return null;
        await EnsureNotHeldAsync(c, ct);
        c.SubmitForDecision(actor.Name, clock.GetUtcNow());
        var leaders = await users.GetUsersInRoleAsync(Roles.LeadingGroup);
        await notifier.NotifyAsync(DefaultTemplates.SupervisionForDecision, leaders, new Dictionary<string, string>
        {
            ["组织名称"] = c.OrganizationName, ["案件编号"] = c.Number, ["案由"] = c.Title,
        }, $"/Supervision/Case/{c.Id}", ct);
        await db.SaveWithVersionAsync(c, version, ct);
        return c;
    }

    public Task<SupervisionCase?> ReturnAsync(Guid id, int? version, string? reason, CancellationToken ct) =>
        ChangeAsync(id, version, c => c.ReturnToInvestigation(reason ?? "", actor.Name, clock.GetUtcNow()), ct);

    /// <summary>A leading-group member's vote (a second vote replaces the first while the case is before the group).</summary>
    public async Task<SupervisionVote?> VoteAsync(ClaimsPrincipal user, Guid id, CaseOutcome outcome, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return null;
        if (c.Status != CaseStatus.Deliberation)
            throw new DomainRuleException($"案件目前为“{SupervisionCase.StatusDisplay(c.Status)}”，只有提交领导小组审议的案件可以投票。");
        SupervisionCase.RefuseFor(c.Kind, outcome);
        var me = user.RequiredUserId();
        var vote = await db.Set<SupervisionVote>().FirstOrDefaultAsync(v => v.CaseId == id && v.VoterUserId == me, ct);
        if (vote is null) db.Add(vote = new SupervisionVote(id, me, actor.Name, outcome, reason, clock.GetUtcNow()));
        else vote.Change(outcome, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return vote;
    }

    /// <summary>
    /// Records the decision the votes reached and applies it to the award: 撤销称号 revokes it (the registry and verification
    /// show 已撤销 with the public reason on every node at once), 进入确认程序 puts it under confirmation, 无影响 on a
    /// confirmation case confirms it valid again. The organisation is notified (站内信 and e-mail).
    /// </summary>
    public async Task<SupervisionCase?> DecideAsync(Guid id, int? version, CaseOutcome outcome, string? reason, string? publicReason,
        CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return null;
        await EnsureNotHeldAsync(c, ct);
        var votes = await db.Set<SupervisionVote>().AsNoTracking().Where(v => v.CaseId == id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        c.Decide(outcome, votes, Majority, reason ?? "", publicReason, actor.Name, now);
        var award = await db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == c.AwardId, ct);
        var decided = new DecidedCase(c.Id, c.Number);
        AwardAction? action = outcome switch
        {
            CaseOutcome.Revoke => AwardAction.Revoke,
            CaseOutcome.Confirmation when award.Status == AwardStatus.Valid => AwardAction.BeginConfirmation,
            CaseOutcome.NoEffect when c.Kind == CaseKind.Confirmation && award.Status == AwardStatus.UnderConfirmation => AwardAction.ConfirmValid,
            _ => null,
        };
        if (action is { } a) await standing.ApplyAsync(c.AwardId, a, decided, a == AwardAction.Revoke ? c.PublicReason! : c.DecisionReason!, ct);
        var org = await OrganizationUsersAsync(c.OrganizationId, ct);
        if (outcome == CaseOutcome.Revoke)
            await notifier.NotifyAsync(DefaultTemplates.SupervisionAwardRevoked, org, new Dictionary<string, string>
            {
                ["组织名称"] = c.OrganizationName, ["年度"] = award.Year.ToString(), ["证书编号"] = award.CertificateNumber,
                ["案件编号"] = c.Number, ["撤销日期"] = ChinaTime.Format(DateOnly.FromDateTime(now.ToChina().DateTime)),
                ["公开原因"] = c.PublicReason ?? "",
            }, $"/Supervision/Case/{c.Id}", ct);
        else
            await notifier.NotifyAsync(DefaultTemplates.SupervisionDecided, org, new Dictionary<string, string>
            {
                ["组织名称"] = c.OrganizationName, ["案件编号"] = c.Number, ["案由"] = c.Title, ["决定"] = SupervisionCase.OutcomeDisplay(c.Kind, outcome),
            }, $"/Supervision/Case/{c.Id}", ct);
        await db.SaveWithVersionAsync(c, version, ct);
        if (action is not null) await standing.PublishedAsync(ct);
        return c;
    }

    /// <summary>Refuses while a higher feature's work on the case is not in (<see cref="ICaseGate"/>).</summary>
    private async Task EnsureNotHeldAsync(SupervisionCase c, CancellationToken ct)
    {
        foreach (var gate in gates)
            if (await gate.HoldAsync(c, ct) is { } why) throw new DomainRuleException(why);
    }

    /// <summary>The briefings of every gate for the staff's view of the case.</summary>
    public async Task<List<CaseBriefing>> BriefingsAsync(SupervisionCase c, CancellationToken ct)
    {
        var list = new List<CaseBriefing>();
        foreach (var gate in gates)
            if (await gate.BriefingAsync(c, ct) is { } b) list.Add(b);
        return list;
    }

    private async Task<SupervisionCase?> ChangeAsync(Guid id, int? version, Action<SupervisionCase> apply, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return null;
        await db.SaveWithVersionAsync(c, version, apply, ct);
        return c;
    }

    private Task<SupervisionCase?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Set<SupervisionCase>().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<List<AppUser>> OrganizationUsersAsync(Guid organizationId, CancellationToken ct) =>
        db.Users.Where(u => u.OrganizationId == organizationId).ToListAsync(ct);
}
