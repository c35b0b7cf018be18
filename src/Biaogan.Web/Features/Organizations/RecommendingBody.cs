using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Organizations;

/// <summary>推荐单位的类别 (第十五条).</summary>
public enum RecommendingBodyKind
{
    /// <summary>行业质协</summary>
    IndustryAssociation,
    /// <summary>地区质协</summary>
    RegionalAssociation,
    /// <summary>质量主管部门</summary>
    QualityAuthority,
    /// <summary>质量推进组织</summary>
    QualityPromotionOrganization,
}

public enum RecommendingBodyStatus { Pending, Approved, Rejected }

/// <summary>推荐单位 — registers itself; the office approves it before applicants can choose it.</summary>
public sealed class RecommendingBody : Entity
{
    public string Name { get; set; } = "";
    public RecommendingBodyKind Kind { get; set; }
    /// <summary>GB/T 2260 province code for regional bodies.</summary>
    public string? ProvinceCode { get; set; }
    /// <summary>GB/T 4754-2017 门类 for industry bodies.</summary>
    public string? IndustrySection { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public RecommendingBodyStatus Status { get; private set; } = RecommendingBodyStatus.Pending;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public static string KindDisplay(RecommendingBodyKind kind) => kind switch
    {
        RecommendingBodyKind.IndustryAssociation => "行业质协",
        RecommendingBodyKind.RegionalAssociation => "地区质协",
        RecommendingBodyKind.QualityAuthority => "质量主管部门",
        _ => "质量推进组织",
    };

    public static string StatusDisplay(RecommendingBodyStatus status) => status switch
    {
        RecommendingBodyStatus.Pending => "待审核",
        RecommendingBodyStatus.Approved => "已通过",
        _ => "未通过",
    };

    public static string StatusBadge(RecommendingBodyStatus status) => status switch
    {
        RecommendingBodyStatus.Pending => "badge-warn",
        RecommendingBodyStatus.Approved => "badge-ok",
        _ => "badge-err",
    };

    /// <summary>“地区质协 · 北京市” or “行业质协 · C 制造业”.</summary>
    public string Scope() => string.Join(" · ", new[]
    {
        ProvinceCode is null ? null : RegionCatalog.ProvinceName(ProvinceCode),
        IndustrySection is null ? null : IndustryCatalog.SectionDisplay(IndustrySection),
    }.Where(s => s is not null).DefaultIfEmpty("全国"));

    public void Approve(DateTimeOffset now)
    {
        if (Status == RecommendingBodyStatus.Approved)
            throw new DomainRuleException("该推荐单位已经通过审核，无需重复操作。");
        Status = RecommendingBodyStatus.Approved;
        ReviewedAt = now;
        RejectionReason = null;
        RecordAction("审核通过推荐单位");
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("请填写不予通过的理由，以便推荐单位了解原因。");
        Status = RecommendingBodyStatus.Rejected;
        ReviewedAt = now;
        RejectionReason = reason.Trim();
        RecordAction("推荐单位审核未通过");
    }
}
