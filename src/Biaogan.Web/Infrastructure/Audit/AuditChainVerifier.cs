using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>What <see cref="AuditChainVerifier"/> found: the first break, if any, and the chain's last row.</summary>
public sealed record AuditChainReport(long Rows, long LastSequence, string LastHash, string? Problem, long? ProblemSequence, long? ProblemRowId)
{
    public bool Intact => Problem is null;
    public string Head => AuditChain.Describe(LastSequence, LastHash);
}

/// <summary>
/// Walks the audit rows in sequence order and reports the first row that was changed, removed or inserted out of
/// order, then checks the chain against every published head (<see cref="AuditChainCheckpoint"/>, and one given
/// by the operator) so that a cut tail or a chain rewritten from some row onward shows too.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditChainReport> VerifyAsync(DbContext db, (long Sequence, string Hash)? expectedHead = null, CancellationToken ct = default)
    {
        var checkpoints = await db.Set<AuditChainCheckpoint>().AsNoTracking()
            .Select(c => new { c.Day, c.Sequence, c.Hash }).ToListAsync(ct);
        var expected = checkpoints.Select(c => (c.Sequence, c.Hash, Source: $"{c.Day:yyyy-MM-dd} 发布的链头")).ToList();
        if (expectedHead is { } h) expected.Add((h.Sequence, h.Hash, Source: "给定的链头"));
        var bySequence = expected.GroupBy(e => e.Sequence).ToDictionary(g => g.Key, g => g.ToList());

        long rows = 0, next = 1;
        AuditEntry? previous = null;
        string? beforePrevious = null;
        AuditChainReport Broken(AuditEntry at, string problem) =>
            new(rows, at.Sequence, at.Hash, problem, at.Sequence, at.Id);

        await foreach (var row in db.Set<AuditEntry>().AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            var previousHash = previous?.Hash ?? AuditChain.Genesis;
            if (row.Sequence > next)
                return Broken(row, next == row.Sequence - 1
                    ? $"序号 {next} 的审计记录已被删除（序号 {next - 1} 之后直接是序号 {row.Sequence}，记录编号 {row.Id}）。"
                    : $"序号 {next} 至 {row.Sequence - 1} 的审计记录已被删除（序号 {next - 1} 之后直接是序号 {row.Sequence}，记录编号 {row.Id}）。");
            if (row.Sequence < next)
                return Broken(row, $"序号 {row.Sequence} 出现了不止一次（记录编号 {row.Id}）：有记录被事后插入。");
            if (row.PreviousHash != previousHash)
            {
                if (previous is not null && beforePrevious is not null && row.PreviousHash == beforePrevious)
                    return Broken(previous, $"序号 {previous.Sequence} 的审计记录（记录编号 {previous.Id}，{previous.Action}）是事后插入的：其后一条记录原本紧接在序号 {previous.Sequence - 1} 之后。");
                return Broken(row, $"序号 {row.Sequence} 的审计记录（记录编号 {row.Id}）与前一条记录衔接不上：其前的记录被删除、替换或插入过。");
            }
            if (AuditChain.ComputeHash(row) != row.Hash)
                return Broken(row, $"序号 {row.Sequence} 的审计记录（记录编号 {row.Id}，{row.Action}）的内容已被修改：与其哈希不符。");
            if (bySequence.TryGetValue(row.Sequence, out var published) && published.FirstOrDefault(p => p.Hash != row.Hash) is { Source: not null } differs)
                return Broken(row, $"序号 {row.Sequence} 的哈希与{differs.Source}不同：从这一条或更早的记录起，审计日志被整段改写过。");
            beforePrevious = previousHash;
            previous = row;
            next++;
        }

        var last = previous;
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is not null && (head.Sequence != (last?.Sequence ?? 0) || head.Hash != (last?.Hash ?? AuditChain.Genesis)))
            return new(rows, last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis, head.Sequence > (last?.Sequence ?? 0)
                ? $"审计日志只到序号 {last?.Sequence ?? 0}，而链头记录已到序号 {head.Sequence}：最后的记录被删除了。"
                : $"链头记录（序号 {head.Sequence}）与最后一条审计记录（序号 {last?.Sequence ?? 0}）不符：链头或最后的记录被改动过。",
                (last?.Sequence ?? 0) + 1, null);
        var beyond = expected.Where(e => e.Sequence > (last?.Sequence ?? 0)).OrderBy(e => e.Sequence).FirstOrDefault();
        if (beyond.Source is not null)
            return new(rows, last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis,
                $"审计日志只到序号 {last?.Sequence ?? 0}，而{beyond.Source}已到序号 {beyond.Sequence}：最后的记录被删除了。", (last?.Sequence ?? 0) + 1, null);
        return new(rows, last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis, null, null, null);
    }
}
