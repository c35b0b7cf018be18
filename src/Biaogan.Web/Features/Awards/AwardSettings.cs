using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>
/// The office's settings for certificates and verification (one row): the seal image printed on certificates
/// (none → the issuer's name only, never an imitation seal) and how the public reports a forged certificate.
/// </summary>
public sealed class AwardSettings : Entity
{
    /// <summary>颁证单位 (第三十一条: 中国质协授予奖牌和证书).</summary>
    public const string Issuer = "中国质量协会";

    public const string DefaultReportContact =
        "如发现伪造、变造的全国用户满意标杆证书，请携证书照片或复印件，与中国质量协会用户工作部（全国用户满意标杆活动办公室）联系。";

    /// <summary>The uploaded seal (PNG, a StoredFile's LogicalId); null prints no seal.</summary>
    public Guid? SealFileId { get; private set; }
    /// <summary>举报方式, shown on the verification page when a certificate is not found.</summary>
    public string ReportContact { get; private set; } = DefaultReportContact;

    public void UseSeal(Guid fileId, string fileName)
    {
        SealFileId = fileId;
        RecordAction($"上传证书印章图片“{fileName}”");
    }

    public void RemoveSeal()
    {
        if (SealFileId is null) return;
        SealFileId = null;
        RecordAction("移除证书印章图片（证书仅打印颁证单位名称）");
    }

    public void ChangeReportContact(string text)
    {
        var value = string.IsNullOrWhiteSpace(text) ? DefaultReportContact : text.Trim();
        if (value.Length > 500) throw new Infrastructure.Errors.DomainRuleException("举报方式请控制在 500 字以内。");
        if (value == ReportContact) return;
        ReportContact = value;
        RecordAction("修改证书核验页的举报方式");
    }

    /// <summary>The settings row, created on first use.</summary>
    public static async Task<AwardSettings> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var settings = await db.Set<AwardSettings>().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is not null) return settings;
        settings = new AwardSettings();
        db.Add(settings);
        return settings;
    }
}
