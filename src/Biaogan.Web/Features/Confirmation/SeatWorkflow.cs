using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>What a member types into the opinion form (page and API alike).</summary>
public sealed record OpinionForm(IReadOnlyList<DimensionRating> Ratings, Proposal? Proposal, string? ProposalReason);

/// <summary>
/// A reviewer's side of a confirmation seat: the no-conflict declaration (or a declared conflict, which files a confirmed
/// conflict case on the benchmark's application, ends the seat and tells the office, as for review seats) and the
/// structured opinion. Only the seat's own reviewer reaches it; a reviewer with a conflict on file is refused.
/// </summary>
public sealed class SeatWorkflow(AppDbContext db, TimeProvider clock, GroupCandidates candidates, GroupNotices notices, Notifier notifier,
    UserManager<AppUser> users)
{
    /// <summary>The seat if it is the user's own (active or ended), else null (the caller answers 404).</summary>
    public Task<ConfirmationSeat?> MineAsync(ClaimsPrincipal user, Guid seatId, CancellationToken ct)
    {
        var me = user.UserId();
        return db.Set<ConfirmationSeat>().FirstOrDefaultAsync(s => s.Id == seatId && s.ReviewerUserId == me && s.Status != SeatStatus.Proposed, ct);
    }

    /// <summary>Why the reviewer may not work on the seat: a conflict on file or found by the rules; null when free.</summary>
    public async Task<string?> ConflictAsync(ConfirmationSeat seat, CancellationToken ct)
    {
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstAsync(e => e.Id == seat.EntryId, ct);
        var pool = await candidates.LoadAsync([entry], ct);
        return pool.ConflictsOf(seat.ReviewerId, entry.Id).FirstOrDefault();
    }

    public async Task<ConfirmationSeat?> DeclareAsync(ClaimsPrincipal user, Guid seatId, int? version, bool accepted, CancellationToken ct)
    {
        var seat = await MineAsync(user, seatId, ct);
        if (seat is null) return null;
        if (accepted && seat.Status == SeatStatus.Assigned && await ConflictAsync(seat, ct) is not null)
            throw new DomainRuleException("您与该获奖组织存在利益冲突记录，不能签署声明。如确无冲突，请联系活动办公室核实。");
        await db.SaveWithVersionAsync(seat, version, s => s.Declare(accepted, clock.GetUtcNow()), ct);
        return seat;
    }

    /// <summary>The reviewer declares a conflict: a confirmed case on the benchmark's application, the seat ended, the office told.</summary>
    public async Task<ConfirmationSeat?> DeclareConflictAsync(ClaimsPrincipal user, Guid seatId, int? version, string? statement, CancellationToken ct)
    {
        var seat = await MineAsync(user, seatId, ct);
        if (seat is null) return null;
        if (!seat.IsActive) throw new DomainRuleException("您已退出该确认组，无需再申报。");
        if (string.IsNullOrWhiteSpace(statement))
            throw new DomainRuleException("请说明存在的利益冲突（如“近两年曾为该单位提供咨询服务”），便于活动办公室记录和重新安排。");
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstAsync(e => e.Id == seat.EntryId, ct);
        var award = await db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == entry.AwardId, ct);
        var now = clock.GetUtcNow();
        var text = statement.Trim().Length > 2000 ? statement.Trim()[..2000] : statement.Trim();
        var c = new ConflictCase(award.CycleId, award.ApplicationId, seat.ReviewerId, ConflictSource.ReviewerDeclared, text, now);
        c.Confirm(seat.ReviewerName, "评审员在获奖三年确认组声明中自行申报", now);
        db.Add(c);
        await db.SaveWithVersionAsync(seat, version, s => s.End("评审员声明存在利益冲突：" + text, now), ct);
        await notifier.NotifyAsync(DefaultTemplates.ConflictDeclared, await users.GetUsersInRoleAsync(Roles.Office), new Dictionary<string, string>
        {
            ["评审员"] = seat.ReviewerName, ["评审阶段"] = "获奖三年确认", ["组织名称"] = entry.OrganizationName, ["申报编号"] = entry.CertificateNumber,
            ["理由"] = text,
        }, $"/Confirmation/Groups/{entry.RoundId}", ct);
        await db.SaveChangesAsync(ct);
        return seat;
    }

    /// <summary>Keeps a draft or submits the member's opinion; the leader's submitted opinion is the group's.</summary>
    public async Task<ConfirmationOpinion?> SaveOpinionAsync(ClaimsPrincipal user, Guid seatId, int? version, OpinionForm form, bool submit, CancellationToken ct)
    {
        var seat = await MineAsync(user, seatId, ct);
        if (seat is null) return null;
        if (seat.Status == SeatStatus.Removed) throw new DomainRuleException("您已退出该确认组，不能再提交意见。");
        if (seat.Status != SeatStatus.Declared) throw new DomainRuleException("请先签署无利益冲突声明和保密承诺，再查阅材料并提出意见。");
        if (await ConflictAsync(seat, ct) is not null)
            throw new DomainRuleException("您与该获奖组织存在利益冲突记录，不能提出意见。请联系活动办公室。");
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstAsync(e => e.Id == seat.EntryId, ct);
        if (!entry.IsSubmitted) throw new DomainRuleException("该组织尚未提交确认材料，提交后才能提出意见。");
        if (!await db.Set<ConfirmationRound>().AnyAsync(r => r.Id == entry.RoundId && r.Status == RoundStatus.Open, ct))
            throw new DomainRuleException("该批确认结果已经公布，不能再提交意见。");
        var opinion = await db.Set<ConfirmationOpinion>().FirstOrDefaultAsync(o => o.SeatId == seat.Id, ct);
        if (opinion is null) db.Add(opinion = new ConfirmationOpinion(seat));
        else if (version is { } v && v != opinion.Version) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        opinion.Save(seat.IsLeader, form.Ratings, form.Proposal, form.ProposalReason, submit, clock.GetUtcNow());
        if (submit) await notices.OpinionSubmittedAsync(seat, entry, opinion, ct);
        await db.SaveChangesAsync(ct);
        return opinion;
    }
}
