using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// One stored version of an uploaded file. Versions of the same document share <see cref="LogicalId"/>;
/// the bytes live outside the web root under <see cref="StorageKey"/> and are served only by endpoints
/// that have checked the caller may see the owner (<see cref="OwnerType"/>/<see cref="OwnerId"/>).
/// </summary>
public sealed class StoredFile : Entity
{
    public Guid LogicalId { get; init; }
    public int VersionNo { get; init; }
    /// <summary>The aggregate the file belongs to, e.g. "Application".</summary>
    public string OwnerType { get; init; } = "";
    public Guid OwnerId { get; init; }
    /// <summary>What the file is for (证实性材料, 测评报告, 声明书, 推荐函 …): a <see cref="FilePurpose"/> constant.</summary>
    public string Purpose { get; init; } = "";
    /// <summary>The uploader's title for the document (证实性材料名称).</summary>
    public string Title { get; set; } = "";
    public string FileName { get; init; } = "";
    /// <summary>The type found by content (pdf, jpg, png, docx, xlsx, doc, xls).</summary>
    public string Kind { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public string StorageKey { get; init; } = "";
    public string UploadedByUserId { get; init; } = "";
    public string UploadedByName { get; init; } = "";
    public DateTimeOffset UploadedAt { get; init; }
    /// <summary>Set when the uploader removed the document from the application; the bytes are kept for the record.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public override (string Type, Guid Id) AuditSubject => (OwnerType, OwnerId);

    public bool IsRemoved => RemovedAt is not null;

    public void Remove(DateTimeOffset now)
    {
        if (RemovedAt is not null) return;
        RemovedAt = now;
        RecordAction($"移除文件“{FileName}”");
    }

    public string SizeText => Size switch
    {
        < 1024 => $"{Size} B",
        < 1024 * 1024 => $"{Size / 1024.0:0.#} KB",
        _ => $"{Size / 1024.0 / 1024.0:0.#} MB",
    };
}

/// <summary>The purposes files are uploaded for.</summary>
public static class FilePurpose
{
    public const string Evidence = "证实性材料";
    public const string MeasurementReport = "满意度测评报告";
    public const string Declaration = "声明书";
    public const string QmsCertificate = "质量管理体系认证证书";
    public const string RecommendationLetter = "推荐函";
}
