using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Commitments;

/// <summary>
/// 第二十三条: the new quality goals a winner sets itself after the award (“制定提高质量水平的新目标”). One per award; the
/// organisation may revise them (each revision is audited).
/// </summary>
public sealed class QualityGoals : Entity
{
    public const int TextLength = 4000;

    public Guid AwardId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Goals { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    private QualityGoals() { }

    public QualityGoals(Guid awardId, Guid organizationId, string? goals, string by, DateTimeOffset now)
    {
        AwardId = awardId;
        OrganizationId = organizationId;
        Set(goals, by, now, first: true);
    }

    public void Revise(string? goals, string by, DateTimeOffset now) => Set(goals, by, now, first: false);

    private void Set(string? goals, string by, DateTimeOffset now, bool first)
    {
        Goals = Text.Required(goals, "质量新目标", TextLength, "请填写获奖后的质量新目标（如用户满意度、质量指标、管理改进的目标值和期限）。");
        RecordedAt = now;
        RecordedBy = by;
        RecordAction(first ? "登记获奖后的质量新目标" : "修改获奖后的质量新目标");
    }
}

/// <summary>The length and presence rules of the commitments' free texts, with the Chinese message of each.</summary>
internal static class Text
{
    public static string Required(string? text, string field, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(missing);
        var t = text.Trim();
        if (t.Length > max) throw new DomainRuleException($"“{field}”请控制在 {max} 字以内（当前 {t.Length} 字），详细材料请另行报送活动办公室。");
        return t;
    }
}
