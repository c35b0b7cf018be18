using System.Security.Cryptography;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>A committee member (评审委员会委员) by user id and display name.</summary>
public sealed record CommitteeMember(string UserId, string Name);

/// <summary>One application's votes: for, against, members standing aside, and the votes themselves.</summary>
public sealed record VoteTally(Guid ApplicationId, int For, int Against, int Recused, int NotVoted, IReadOnlyList<ShortlistVote> Votes)
{
    /// <summary>Majority of the votes cast (ties are not a majority: the committee decides and the office records why).</summary>
    public bool MajorityFor => For > Against;
}

/// <summary>The questions other parts ask about the committee's selection (第十七条).</summary>
public static class ShortlistQueries
{
    /// <summary>
    /// The applications the committee selected for 现场评审 in the cycle: those marked selected in a finalised category
    /// decision. 现场评审 (OnSite) starts from this list.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> SelectedAsync(AppDbContext db, Guid cycleId, CancellationToken ct = default)
    {
        var decisions = await db.Set<ShortlistDecision>().AsNoTracking()
            .Where(d => d.CycleId == cycleId && d.Status == ShortlistStatus.Finalised).ToListAsync(ct);
        return decisions.SelectMany(d => d.Entries).Where(e => e.Selected).Select(e => e.ApplicationId).ToList();
    }

    /// <summary>Applications of finalised categories that the committee did not select (they receive a feedback report).</summary>
    public static async Task<IReadOnlyList<Guid>> NotSelectedAsync(AppDbContext db, Guid cycleId, CancellationToken ct = default)
    {
        var decisions = await db.Set<ShortlistDecision>().AsNoTracking()
            .Where(d => d.CycleId == cycleId && d.Status == ShortlistStatus.Finalised).ToListAsync(ct);
        return decisions.SelectMany(d => d.Entries).Where(e => !e.Selected).Select(e => e.ApplicationId).ToList();
    }

    /// <summary>The cycle's category decisions (created on first use).</summary>
    public static Task<List<ShortlistDecision>> DecisionsAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        db.Set<ShortlistDecision>().AsNoTracking().Where(d => d.CycleId == cycleId).ToListAsync(ct);

    /// <summary>Categories whose applicant names the committee may not see yet.</summary>
    public static async Task<HashSet<AwardCategory>> HiddenCategoriesAsync(AppDbContext db, Guid cycleId, CancellationToken ct)
    {
        var revealed = await db.Set<ShortlistDecision>().AsNoTracking()
            .Where(d => d.CycleId == cycleId && d.NamesRevealed).Select(d => d.Category).ToListAsync(ct);
        return Enum.GetValues<AwardCategory>().Except(revealed).ToHashSet();
    }

    /// <summary>The review committee's voting members of the cycle: approved by the leading group, linked to an account (第七、九条).</summary>
    public static async Task<IReadOnlyList<CommitteeMember>> MembersAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        [.. (await Governance.CommitteeVoters.VotersAsync(db, cycleId, Governance.CommitteeKind.Review, ct)).Select(u => new CommitteeMember(u.Id, u.DisplayName))];

    /// <summary>Active conflicts of the cycle as (member, application) pairs.</summary>
    public static async Task<List<CommitteeConflict>> ConflictsAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        await db.Set<CommitteeConflict>().AsNoTracking().Where(c => c.CycleId == cycleId && c.WithdrawnAt == null)
            .OrderBy(c => c.RecordedAt).ToListAsync(ct);

    /// <summary>
    /// Votes per application of <paramref name="applications"/> (a page of the list), leaving out members with an active
    /// conflict on it: only those applications' votes and conflicts are read.
    /// </summary>
    public static async Task<Dictionary<Guid, VoteTally>> TallyAsync(AppDbContext db, Guid cycleId, IReadOnlyCollection<Guid> applications,
        int memberCount, CancellationToken ct)
    {
        var ids = applications.ToList();
        var votes = (await db.Set<ShortlistVote>().AsNoTracking().Where(v => v.CycleId == cycleId && ids.Contains(v.ApplicationId)).ToListAsync(ct))
            .ToLookup(v => v.ApplicationId);
        var conflicts = (await db.Set<CommitteeConflict>().AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.WithdrawnAt == null && ids.Contains(c.ApplicationId))
            .Select(c => new { c.MemberId, c.ApplicationId }).ToListAsync(ct)).ToLookup(c => c.ApplicationId, c => c.MemberId);
        return ids.Distinct().ToDictionary(a => a, a =>
        {
            var recusedMembers = conflicts[a].ToHashSet();
            var counted = votes[a].Where(v => !recusedMembers.Contains(v.MemberId)).ToList();
            return new VoteTally(a, counted.Count(v => v.Select), counted.Count(v => !v.Select), recusedMembers.Count,
                Math.Max(0, memberCount - recusedMembers.Count - counted.Count), counted);
        });
    }

    /// <summary>Vote counts of every application of the cycle (for, against, standing aside), counted in the database.</summary>
    public static async Task<Dictionary<Guid, (int For, int Against, int Recused)>> CountsAsync(AppDbContext db, Guid cycleId, CancellationToken ct)
    {
        var active = db.Set<CommitteeConflict>().Where(c => c.CycleId == cycleId && c.WithdrawnAt == null);
        var votes = await db.Set<ShortlistVote>().Where(v => v.CycleId == cycleId
                && !active.Any(c => c.MemberId == v.MemberId && c.ApplicationId == v.ApplicationId))
            .GroupBy(v => v.ApplicationId)
            .Select(g => new { Id = g.Key, For = g.Count(v => v.Select), Against = g.Count(v => !v.Select) }).ToListAsync(ct);
        var recused = await active.GroupBy(c => c.ApplicationId).Select(g => new { Id = g.Key, N = g.Count() }).ToListAsync(ct);
        var counts = votes.ToDictionary(v => v.Id, v => (v.For, v.Against, 0));
        foreach (var r in recused) counts[r.Id] = counts.TryGetValue(r.Id, out var c) ? (c.For, c.Against, r.N) : (0, 0, r.N);
        return counts;
    }

    /// <summary>
    /// The stand-in name of an application while names are hidden: keyed on the category decision's id, which members
    /// never see, so the alias cannot be matched with the application ids in the conflict declaration list.
    /// </summary>
    public static string Alias(Guid decisionId, Guid applicationId)
    {
        var hash = HMACSHA256.HashData(decisionId.ToByteArray(), applicationId.ToByteArray());
        return "申报 " + Convert.ToHexString(hash, 0, 3);
    }
}
