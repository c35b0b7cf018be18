using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>The office's certificate settings: the seal image printed on certificates and the verification page's reporting text.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class SealModel(AppDbContext db, AwardOffice office, AwardCertificates certificates, FileStore files) : AppPageModel
{
    [BindProperty, Display(Name = "印章图片")] public IFormFile? Upload { get; set; }
    [BindProperty, StringLength(500), Display(Name = "举报方式")] public string? ReportContact { get; set; }

    public StoredFile? SealFile { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ReportContact = await db.Set<AwardSettings>().AsNoTracking().Select(s => s.ReportContact).FirstOrDefaultAsync(ct)
            ?? AwardSettings.DefaultReportContact;
    }

    /// <summary>The current seal image, for the preview (office only, like the page).</summary>
    public async Task<IActionResult> OnGetImageAsync(CancellationToken ct)
    {
        var file = await certificates.SealFileAsync(ct);
        return file is null ? NotFound() : files.Serve(file, inline: true);
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) throw new DomainRuleException("请选择印章图片（PNG 格式）。");
        await using var stream = Upload.OpenReadStream();
        await office.UploadSealAsync(stream, Upload.FileName, ct);
        Flash = "印章图片已保存，此后下载的证书将加盖该印章。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await office.RemoveSealAsync(ct);
        Flash = "已移除印章图片，证书将只打印颁证单位名称。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        await office.ChangeReportContactAsync(ReportContact ?? "", ct);
        Flash = "举报方式已保存。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) => SealFile = await certificates.SealFileAsync(ct);
}
