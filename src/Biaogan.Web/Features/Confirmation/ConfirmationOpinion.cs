using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>The trend a reviewer sees in one dimension over the three years.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Trend>))]
public enum Trend
{
    /// <summary>稳定</summary>
    Stable,
    /// <summary>提升</summary>
    Improving,
    /// <summary>下降</summary>
    Declining,
}

/// <summary>What the group proposes to the leading group.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Proposal>))]
public enum Proposal
{
    /// <summary>建议确认有效</summary>
    Confirm,
    /// <summary>建议不予确认</summary>
    NotConfirm,
}

/// <summary>One dimension's rating with its reason.</summary>
public sealed class DimensionRating
{
    public string Dimension { get; set; } = "";
    public Trend? Trend { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// A confirmation group member's structured opinion on one benchmark (第二十四条): per dimension 稳定/提升/下降 with a
/// reason, and a proposal with reasons. The leader's opinion, once submitted, is the group's consolidated opinion that the
/// leading group reads beside its vote. Confidential: the organisation never sees it.
/// </summary>
public sealed class ConfirmationOpinion : Entity
{
    public const int ReasonLength = 2000;

    /// <summary>
    /// 第二十四条 names 经营管理 and 综合绩效 (their 稳定性及发展趋势); the submission adds 用户满意度 per year, the
    /// 第二十三条 goals and their progress, and the 第二十六条 incidents and complaints of the period. Fixed by the rules.
    /// </summary>
    public static readonly IReadOnlyList<string> Dimensions = ["经营管理", "综合绩效", "用户满意度", "目标承诺与进展", "事故与投诉"];

    public Guid RoundId { get; private set; }
    public Guid EntryId { get; private set; }
    public Guid SeatId { get; private set; }
    public string ReviewerName { get; private set; } = "";
    /// <summary>True for the leader's opinion: once submitted it is the group's.</summary>
    public bool IsGroupOpinion { get; private set; }
    public List<DimensionRating> Ratings { get; private set; } = [];
    public Proposal? Proposal { get; private set; }
    public string? ProposalReason { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    private ConfirmationOpinion() { }

    public ConfirmationOpinion(ConfirmationSeat seat)
    {
        RoundId = seat.RoundId;
        EntryId = seat.EntryId;
        SeatId = seat.Id;
        ReviewerName = seat.ReviewerName;
        IsGroupOpinion = seat.IsLeader;
        Ratings = Dimensions.Select(d => new DimensionRating { Dimension = d }).ToList();
    }

    public override (string Type, Guid Id) AuditSubject => ("ConfirmationRound", RoundId);

    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>Keeps a draft (anything may be missing) or submits (every rating, reason and the proposal required).</summary>
    public void Save(bool leader, IReadOnlyList<DimensionRating> ratings, Proposal? proposal, string? proposalReason, bool submit, DateTimeOffset now)
    {
        if (IsSubmitted) throw new DomainRuleException("意见已提交，不能再修改。如需更正，请联系活动办公室。");
        var problems = Check(ratings, proposal, proposalReason, submit);
        if (problems.Count > 0)
            throw new DomainRuleException(string.Join("；", problems) + (submit ? "。请补充后再提交（已填写的内容不会丢失）。" : "。"));
        IsGroupOpinion = leader;
        Ratings = Dimensions.Select(d => ratings.FirstOrDefault(r => r.Dimension == d) is { } r
            ? new DimensionRating { Dimension = d, Trend = r.Trend, Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim() }
            : new DimensionRating { Dimension = d }).ToList();
        Proposal = proposal;
        ProposalReason = string.IsNullOrWhiteSpace(proposalReason) ? null : proposalReason.Trim();
        if (!submit)
        {
            RecordAction($"{ReviewerName} 保存确认意见草稿");
            return;
        }
        SubmittedAt = now;
        RecordAction(leader ? $"组长 {ReviewerName} 提交确认组意见：{ProposalDisplay(proposal!.Value)}" : $"{ReviewerName} 提交个人确认意见");
    }

    public static List<string> Check(IReadOnlyList<DimensionRating> ratings, Proposal? proposal, string? proposalReason, bool complete)
    {
        var problems = new List<string>();
        foreach (var r in ratings.Where(r => !Dimensions.Contains(r.Dimension)))
            problems.Add($"“{r.Dimension}”不是确认意见的维度（应为{string.Join("、", Dimensions)}）");
        foreach (var d in Dimensions)
        {
            var r = ratings.FirstOrDefault(x => x.Dimension == d);
            if (complete && r?.Trend is null) problems.Add($"请选择“{d}”的判断（稳定、提升或下降）");
            if (complete && string.IsNullOrWhiteSpace(r?.Reason)) problems.Add($"请填写“{d}”的判断理由");
            if ((r?.Reason?.Trim().Length ?? 0) > ReasonLength) problems.Add($"“{d}”的理由请控制在 {ReasonLength} 字以内");
        }
        if (complete && proposal is null) problems.Add("请选择建议（建议确认有效或建议不予确认）");
        if (complete && string.IsNullOrWhiteSpace(proposalReason)) problems.Add("请填写建议的理由");
        if ((proposalReason?.Trim().Length ?? 0) > ReasonLength) problems.Add($"建议理由请控制在 {ReasonLength} 字以内");
        return problems;
    }

    public static string TrendDisplay(Trend t) => t switch { Trend.Stable => "稳定", Trend.Improving => "提升", _ => "下降" };

    public static string ProposalDisplay(Proposal p) => p == Confirmation.Proposal.Confirm ? "建议确认有效" : "建议不予确认";
}
