using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Governance;

/// <summary>评审委员会 (第九条) or 审定委员会 (第八条).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommitteeKind>))]
public enum CommitteeKind
{
    /// <summary>评审委员会</summary>
    Review,
    /// <summary>审定委员会</summary>
    Approval,
}

/// <summary>Where a member comes from (第八、九条: 政府主管部门、行业、地区、质量专家、评审员……).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Affiliation>))]
public enum Affiliation
{
    /// <summary>政府主管部门</summary>
    Government,
    /// <summary>行业组织</summary>
    Industry,
    /// <summary>地区质量组织</summary>
    Region,
    /// <summary>质量专家</summary>
    QualityExpert,
    /// <summary>评审员</summary>
    Reviewer,
    /// <summary>其他</summary>
    Other,
}

public static class CommitteeText
{
    public static string Display(this CommitteeKind k) => k == CommitteeKind.Review ? "评审委员会" : "审定委员会";

    public static string Display(this Affiliation a) => a switch
    {
        Affiliation.Government => "政府主管部门",
        Affiliation.Industry => "行业",
        Affiliation.Region => "地区",
        Affiliation.QualityExpert => "质量专家",
        Affiliation.Reviewer => "评审员",
        _ => "其他",
    };

    public static MatterKind Matter(this CommitteeKind k) => k == CommitteeKind.Review ? MatterKind.ReviewCommittee : MatterKind.ApprovalCommittee;
}

/// <summary>
/// 委员会委员 of one cycle with the composition data of 第八、九条: name, unit, post (职务), affiliation type and term.
/// The office proposes members; the leading group approves the composition (<see cref="Approve"/>); a removed member
/// keeps the row as history.
/// </summary>
public sealed class CommitteeMember : Entity
{
    public Guid CycleId { get; private set; }
    public CommitteeKind Committee { get; private set; }
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Post { get; private set; } = "";
    public Affiliation Affiliation { get; private set; }
    public DateOnly TermStart { get; private set; }
    public DateOnly TermEnd { get; private set; }
    /// <summary>The member's account, when they vote in the system.</summary>
    public string? UserId { get; private set; }
    public string AddedBy { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public string? RemovedBy { get; private set; }

    private CommitteeMember() { }

    public CommitteeMember(Guid cycleId, CommitteeKind committee, string name, string? unit, string? post, Affiliation affiliation,
        DateOnly termStart, DateOnly termEnd, string? userId, string by, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add("请填写委员姓名");
        if (string.IsNullOrWhiteSpace(unit)) problems.Add("请填写工作单位");
        if (string.IsNullOrWhiteSpace(post)) problems.Add("请填写职务");
        if (!Enum.IsDefined(affiliation)) problems.Add("请选择构成类别");
        if (termEnd < termStart) problems.Add("任期届满日期不能早于任期开始日期");
        if (name?.Length > 100 || unit?.Length > 200 || post?.Length > 100) problems.Add("姓名、单位或职务过长");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        CycleId = cycleId;
        Committee = committee;
        Name = name!.Trim();
        Unit = unit!.Trim();
        Post = post!.Trim();
        Affiliation = affiliation;
        TermStart = termStart;
        TermEnd = termEnd;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        AddedBy = by;
        AddedAt = now;
        RecordAction($"提名{committee.Display()}委员 {Name}（{affiliation.Display()}，{Post}）");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public bool IsActive => RemovedAt is null;

    public bool IsApproved => ApprovedAt is not null && IsActive;

    public string StatusDisplay => RemovedAt is not null ? "已退出" : ApprovedAt is not null ? "领导小组已批准" : "待领导小组批准";

    public void Approve(string by, DateTimeOffset now)
    {
        if (!IsActive || ApprovedAt is not null) return;
        ApprovedAt = now;
        ApprovedBy = by;
        RecordAction($"领导小组批准{Committee.Display()}委员 {Name}");
    }

    public void Remove(string by, DateTimeOffset now)
    {
        if (!IsActive) throw new DomainRuleException($"{Name} 已退出{Committee.Display()}。");
        RemovedAt = now;
        RemovedBy = by;
        RecordAction($"{Name} 退出{Committee.Display()}");
    }
}
