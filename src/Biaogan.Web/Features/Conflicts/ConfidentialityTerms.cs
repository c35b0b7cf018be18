using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// 保密承诺及无利益冲突声明 — the text a reviewer accepts before seeing any material (第二十八条 保守秘密). The office
/// publishes new versions; the newest is in force, and each seat records the version label its reviewer signed.
/// </summary>
public sealed class ConfidentialityTerms : Entity
{
    public const int MaxLabelLength = 20;

    /// <summary>版本号, e.g. “2026-1”; unique.</summary>
    public string VersionLabel { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";

    private ConfidentialityTerms() { }

    public ConfidentialityTerms(string versionLabel, string text, string by, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(versionLabel) || versionLabel.Trim().Length > MaxLabelLength)
            problems.Add($"请填写版本号（不超过 {MaxLabelLength} 个字符，如“2026-2”）");
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 20) problems.Add("请填写完整的承诺书正文（至少 20 个字）");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        VersionLabel = versionLabel.Trim();
        Text = text.Trim();
        PublishedAt = now;
        PublishedBy = by;
        RecordAction($"发布保密承诺书 {VersionLabel} 版");
    }

    /// <summary>In force until the office publishes its own text.</summary>
    public static readonly (string Label, string Text) Default = ("2026-1",
        """
        本人受全国用户满意标杆活动办公室聘请参加资料评审，郑重声明并承诺：
        一、本人与所评审的申报组织不存在任职、咨询服务、亲属关系或其他可能影响公正评审的利害关系；如在评审过程中发现存在上述关系，将立即声明并退出评审。
        二、严格遵守《全国用户满意标杆实施细则》第二十八条，对申报组织提供的自我评价报告、证实性材料及评审过程中知悉的一切信息保守秘密，不复制、不外传、不用于评审以外的任何目的。
        三、不对外透露评审意见、评分结果和专家组讨论情况。
        四、坚持客观、公正、科学的原则独立评分，不接受申报组织的任何馈赠或宴请。
        如有违反，本人愿意接受批评、警告直至撤销评审员资格的处理。
        """);

    public static async Task<(string Label, string Text)> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var row = await db.Set<ConfidentialityTerms>().AsNoTracking().OrderByDescending(t => t.PublishedAt).FirstOrDefaultAsync(ct);
        return row is null ? Default : (row.VersionLabel, row.Text);
    }
}
