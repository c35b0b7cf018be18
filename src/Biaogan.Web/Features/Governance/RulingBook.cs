using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Governance;

/// <summary>重要问题裁决: the leading group records rulings; the office cites them from supervision cases.</summary>
public sealed class RulingBook(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public Task<List<Ruling>> ListAsync(CancellationToken ct = default) =>
        db.Set<Ruling>().AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ToListAsync(ct);

    /// <summary>Records a ruling under the next number of its year.</summary>
    public async Task<Ruling> RecordAsync(string? question, string? text, DateOnly? decidedOn, int votesFor, int votesAgainst, int votesAbstain,
        string? reasons, CancellationToken ct = default)
    {
        if (decidedOn is not { } on) throw new DomainRuleException("请填写领导小组作出裁决的日期。");
        var next = (await db.Set<Ruling>().Where(r => r.Year == on.Year).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var ruling = new Ruling(next, question ?? "", text ?? "", on, votesFor, votesAgainst, votesAbstain, reasons ?? "",
            actor.Name, clock.GetUtcNow(), clock.Today());
        db.Add(ruling);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another ruling of the same year took this number a moment ago (unique index).
            throw new DomainRuleException($"{on.Year}年第 {next} 号裁决刚刚已由他人登记，请刷新页面后再登记。");
        }
        return ruling;
    }

    /// <summary>The office cites a ruling from a record (a supervision case).</summary>
    public async Task<RulingCitation> CiteAsync(Guid rulingId, string subjectType, Guid subjectId, string? note, CancellationToken ct = default)
    {
        var ruling = await db.Set<Ruling>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == rulingId, ct)
            ?? throw new DomainRuleException("请选择要引用的领导小组裁决。");
        if (await db.Set<RulingCitation>().AnyAsync(c => c.RulingId == rulingId && c.SubjectType == subjectType && c.SubjectId == subjectId, ct))
            throw new DomainRuleException($"本案件已引用{ruling.Reference}，无需重复引用。");
        var citation = new RulingCitation(ruling, subjectType, subjectId, note, actor.Name, clock.GetUtcNow());
        db.Add(citation);
        await db.SaveChangesAsync(ct);
        return citation;
    }

    /// <summary>The rulings cited from one record, with the citation.</summary>
    public async Task<List<(RulingCitation Citation, Ruling Ruling)>> CitedFromAsync(string subjectType, Guid subjectId, CancellationToken ct = default)
    {
        var rows = await (from c in db.Set<RulingCitation>().AsNoTracking()
                          join r in db.Set<Ruling>().AsNoTracking() on c.RulingId equals r.Id
                          where c.SubjectType == subjectType && c.SubjectId == subjectId
                          orderby c.CitedAt
                          select new { c, r }).ToListAsync(ct);
        return rows.Select(x => (x.c, x.r)).ToList();
    }
}

/// <summary>The committees' composition (第八、九条): the office adds and removes members; the leading group approves.</summary>
public sealed class CommitteeRoster(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public Task<List<CommitteeMember>> MembersAsync(Guid cycleId, CancellationToken ct = default) =>
        db.Set<CommitteeMember>().AsNoTracking().Where(m => m.CycleId == cycleId)
            .OrderBy(m => m.Committee).ThenBy(m => m.RemovedAt != null).ThenBy(m => m.AddedAt).ToListAsync(ct);

    public async Task<CommitteeMember> AddAsync(Guid cycleId, CommitteeKind committee, string? name, string? unit, string? post,
        Affiliation affiliation, DateOnly? termStart, DateOnly? termEnd, string? userId, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycles.Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct)
            ?? throw new DomainRuleException("年度活动不存在，请刷新页面。");
        cycle.EnsureEditable();
        if (!Enum.IsDefined(committee)) throw new DomainRuleException("请选择委员会。");
        // 任期按年度: by default the member serves the cycle's calendar year.
        var start = termStart ?? new DateOnly(cycle.Year, 1, 1);
        var end = termEnd ?? new DateOnly(cycle.Year, 12, 31);
        if (userId is not null && !await db.Users.AnyAsync(u => u.Id == userId, ct))
            throw new DomainRuleException("所选的系统账号不存在，请重新选择或留空。");
        var role = committee.Role();
        if (userId is not null && !await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role), ct))
            throw new DomainRuleException($"所选账号没有{committee.Display()}委员的角色，不能用于投票。请选择{committee.Display()}委员的账号，或留空。");
        var member = new CommitteeMember(cycleId, committee, name ?? "", unit, post, affiliation, start, end, userId, actor.Name, clock.GetUtcNow());
        db.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<CommitteeMember> RemoveAsync(Guid memberId, int version, CancellationToken ct = default)
    {
        var member = await db.Set<CommitteeMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct)
            ?? throw new DomainRuleException("该委员记录不存在，请刷新页面。");
        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        member.Remove(actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Whether the leading group has approved at least one member of this committee for the cycle.</summary>
    public static Task<bool> ApprovedAsync(AppDbContext db, Guid cycleId, CommitteeKind committee, CancellationToken ct = default) =>
        db.Set<CommitteeMember>().AnyAsync(m => m.CycleId == cycleId && m.Committee == committee && m.ApprovedAt != null && m.RemovedAt == null, ct);

    /// <summary>A committee votes only once the leading group approved its composition (第七条).</summary>
    public static async Task EnsureApprovedAsync(AppDbContext db, Guid cycleId, CommitteeKind committee, CancellationToken ct = default)
    {
        if (!await ApprovedAsync(db, cycleId, committee, ct))
            throw new DomainRuleException($"本年度{committee.Display()}的组成尚未经领导小组批准（第七条），委员暂不能投票。" +
                "请活动办公室在“委员会组成”页面提名委员并提请领导小组批准。");
    }
}
