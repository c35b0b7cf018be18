using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Biaogan.Web.Features.Awards;

/// <summary>
/// The office's changes to awards and their settings (plaque, seal, reporting text). The registry status is not among
/// them: it changes only on a decided supervision case (<see cref="AwardStanding"/>).
/// </summary>
public sealed class AwardOffice(AppDbContext db, FileStore files, TimeProvider clock, IOutputCacheStore cache)
{
    public const string SealPurpose = "证书印章";

    public async Task RecordPlaqueAsync(Guid awardId, int version, string number, DateOnly? madeOn, DateOnly? deliveredOn, string? recipient,
        CancellationToken ct)
    {
        var award = await LoadAsync(awardId, version, ct);
        award.RecordPlaque(number, madeOn, deliveredOn, recipient, Infrastructure.Time.ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stores a seal image (PNG only, checked by content and decoded) and prints it on every certificate from now on.</summary>
    public async Task UploadSealAsync(Stream content, string fileName, CancellationToken ct)
    {
        var settings = await AwardSettings.LoadAsync(db, ct);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var stored = await files.SaveAsync(buffer, fileName, new UploadRequest("AwardSettings", settings.Id, SealPurpose, "证书印章",
            ["png"], 2 * 1024 * 1024, settings.SealFileId), ct);
        using (var image = SKBitmap.Decode(buffer.ToArray()))
        {
            if (image is null) throw new DomainRuleException("无法读取该 PNG 图片，请重新导出后上传。");
            if (image.Width < 200 || image.Height < 200 || image.Width > 3000 || image.Height > 3000)
                throw new DomainRuleException($"印章图片应为 200～3000 像素见方（当前 {image.Width}×{image.Height}），建议 600×600 像素、透明背景的 PNG。");
        }
        settings.UseSeal(stored.LogicalId, stored.FileName);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveSealAsync(CancellationToken ct)
    {
        var settings = await AwardSettings.LoadAsync(db, ct);
        settings.RemoveSeal();
        await db.SaveChangesAsync(ct);
    }

    public async Task ChangeReportContactAsync(string text, CancellationToken ct)
    {
        var settings = await AwardSettings.LoadAsync(db, ct);
        settings.ChangeReportContact(text);
        await db.SaveChangesAsync(ct);
        await PublicVersion.ChangedAsync(db, cache, ct);
    }

    private async Task<Award> LoadAsync(Guid awardId, int version, CancellationToken ct)
    {
        var award = await db.Set<Award>().FirstOrDefaultAsync(a => a.Id == awardId, ct)
            ?? throw new DomainRuleException("找不到该标杆记录，请返回列表刷新后重试。");
        db.Entry(award).Property(a => a.Version).OriginalValue = version;
        return award;
    }
}
