using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// 排名版本: the 资料评审 ranking of one cycle as computed at one moment — every figure the ranking page, the shortlist,
/// 综合评价 and the stage report show (consensus totals, raw means, calibrated scores, spreads, the calibration notes).
/// Computed when scores change (<see cref="RankingRecomputeWork"/>) and read by the pages, so a page never loads every
/// sheet and refits the calibration. <see cref="Inputs"/> says which state of the sheets it was computed from; a
/// finalised shortlist pins the version it was decided on (<see cref="Pinned"/>), so it is never pruned.
/// Not an audited <c>Entity</c>: it is derived from audited rows and holds no decision of its own; the decisions that
/// rest on it record its number.
/// </summary>
public sealed class RankingSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CycleId { get; private set; }
    /// <summary>第几版: 1, 2, 3 … per cycle.</summary>
    public int Number { get; private set; }
    public DateTimeOffset ComputedAt { get; private set; }
    /// <summary>Why it was computed, in Chinese (“一致性评审确认”, “首次查看”).</summary>
    public string Cause { get; private set; } = "";
    /// <summary>The sheets' state it was computed from (<see cref="RankingInputs"/>); a different current value means stale.</summary>
    public string Inputs { get; private set; } = "";
    /// <summary>A finalised decision rests on this version: kept when older versions are pruned.</summary>
    public bool Pinned { get; private set; }
    /// <summary>The board as JSON (<see cref="RankingBoard"/>, doubles round-trip exactly).</summary>
    public string Board { get; private set; } = "";

    private RankingSnapshot() { }

    public RankingSnapshot(Guid cycleId, int number, DateTimeOffset computedAt, string cause, string inputs, RankingBoard board)
    {
        CycleId = cycleId;
        Number = number;
        ComputedAt = computedAt;
        Cause = cause.Length > CauseLength ? cause[..CauseLength] : cause;
        Inputs = inputs;
        Board = JsonSerializer.Serialize(board, Json);
    }

    public const int CauseLength = 200;

    public RankingBoard ReadBoard() => ReadBoard(Board, Number);

    public static RankingBoard ReadBoard(string board, int number) => JsonSerializer.Deserialize<RankingBoard>(board, Json)
        ?? throw new InvalidOperationException($"排名第 {number} 版的数据为空。");
}

internal sealed class RankingSnapshotConfiguration : IEntityTypeConfiguration<RankingSnapshot>
{
    public void Configure(EntityTypeBuilder<RankingSnapshot> b)
    {
        b.ToTable("RankingSnapshots");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.CycleId, s.Number }).IsUnique();
        b.Property(s => s.Cause).HasMaxLength(RankingSnapshot.CauseLength);
        b.Property(s => s.Inputs).HasMaxLength(200);
    }
}
