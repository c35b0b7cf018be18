using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>What ties a reviewer to an organisation besides employment (which comes from the work history).</summary>
public enum RelationKind
{
    /// <summary>为该组织提供咨询、培训等有偿服务</summary>
    Consulting,
    /// <summary>近亲属在该组织任职或持股</summary>
    Relative,
    /// <summary>其他可能影响公正评审的利害关系</summary>
    Other,
}

/// <summary>
/// 个人关系申报 — a tie the reviewer declares between themselves and an organisation, so that the detector can find it:
/// consulting (with years, judged against the look-back), a relative there, or another interest.
/// </summary>
public sealed class ReviewerRelation : Entity
{
    public Guid ReviewerId { get; private set; }
    public RelationKind Kind { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string? OrganizationUscc { get; private set; }
    /// <summary>说明: the relative and the relationship, or what the service was.</summary>
    public string Description { get; private set; } = "";
    public int? FromYear { get; private set; }
    /// <summary>Null while ongoing (至今).</summary>
    public int? ToYear { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }

    private ReviewerRelation() { }

    public ReviewerRelation(Guid reviewerId, RelationKind kind, string organizationName, string? organizationUscc, string description,
        int? fromYear, int? toYear, int currentYear, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(kind)) problems.Add("请选择关系类型");
        if (string.IsNullOrWhiteSpace(organizationName)) problems.Add("请填写相关单位的名称");
        string? uscc = null;
        if (!string.IsNullOrWhiteSpace(organizationUscc))
        {
            var check = Uscc.Validate(organizationUscc);
            if (check.IsValid) uscc = check.Code;
            else problems.Add("统一社会信用代码有误：" + check.Error!.TrimEnd('。'));
        }
        if (string.IsNullOrWhiteSpace(description)) problems.Add("请填写关系说明（如“配偶任该公司财务总监”）");
        if (kind == RelationKind.Consulting && fromYear is null) problems.Add("咨询服务请填写起始年份，以便按回避年限判断");
        if (fromYear is { } f && (f < 1950 || f > currentYear)) problems.Add($"起始年份应在 1950 年至 {currentYear} 年之间");
        if (toYear is { } t && (t < (fromYear ?? 1950) || t > currentYear)) problems.Add($"截止年份应不早于起始年份、不晚于 {currentYear} 年；仍在持续的请留空");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        ReviewerId = reviewerId;
        Kind = kind;
        OrganizationName = organizationName.Trim();
        OrganizationUscc = uscc;
        Description = description.Trim();
        FromYear = fromYear;
        ToYear = toYear;
        DeclaredAt = now;
        RecordAction($"申报个人关系：{Kind.Display()} {OrganizationName}");
    }

    public override (string Type, Guid Id) AuditSubject => ("ReviewerProfile", ReviewerId);

    public string Years => FromYear is null ? "—" : $"{FromYear}—{(ToYear is { } to ? to.ToString() : "至今")}";

    public void MarkWithdrawn() => RecordAction($"撤回个人关系申报：{Kind.Display()} {OrganizationName}");
}

public static class RelationKindText
{
    public static string Display(this RelationKind k) => k switch
    {
        RelationKind.Consulting => "咨询服务",
        RelationKind.Relative => "亲属关系",
        _ => "其他利害关系",
    };
}
