using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications.Edit;

/// <summary>证实性材料 (第十五条): several documents with titles, new versions, removal kept as history.</summary>
public sealed class EvidenceModel(ApplicationFormServices services) : ApplicationFormPage(services)
{
    public const int UploadRows = 3;
    public const string NewVersionField = "new-version";

    public static string UploadField(int row) => $"evidence-{row}";

    /// <summary>Where a refused new version's message is shown: next to that document.</summary>
    public static string NewVersionKey(Guid logicalId) => $"new-version-{logicalId}";

    public sealed class UploadRow
    {
        [StringLength(200, ErrorMessage = "材料名称不超过 200 字。")]
        public string? Title { get; set; }
    }

    [BindProperty] public List<UploadRow> Uploads { get; set; } = [];

    /// <summary>The document a new version or removal is for.</summary>
    [BindProperty] public Guid? LogicalId { get; set; }

    public override string Tab => "evidence";

    public override bool HasUploads => true;

    public override bool Autosaves => false;

    public IEnumerable<StoredFile> Documents =>
        ApplicationFiles.Current(Files).Where(f => f.Purpose == FilePurpose.Evidence).OrderBy(f => f.UploadedAt).ThenBy(f => f.Title, StringComparer.Ordinal);

    public IEnumerable<StoredFile> Removed =>
        Files.Where(f => f.Purpose == FilePurpose.Evidence && f.IsRemoved).GroupBy(f => f.LogicalId).Select(g => g.MaxBy(f => f.VersionNo)!);

    public IEnumerable<StoredFile> VersionsOf(Guid logicalId) =>
        Files.Where(f => f.LogicalId == logicalId).OrderByDescending(f => f.VersionNo);

    public long UsedBytes => ApplicationFiles.Current(Files).Sum(f => f.Size);

    protected override void Fill() => Uploads = Enumerable.Range(0, UploadRows).Select(_ => new UploadRow()).ToList();

    protected override Task ApplyAsync() => Task.CompletedTask;

    protected override async Task UploadAsync()
    {
        while (Uploads.Count < UploadRows) Uploads.Add(new UploadRow());
        for (var i = 0; i < Uploads.Count; i++)
        {
            var file = Request.Form.Files.GetFile(UploadField(i));
            if (file is null || string.IsNullOrEmpty(file.FileName)) continue;
            try
            {
                await using var stream = file.OpenReadStream();
                await FileService.UploadAsync(Application, Cycle, stream, file.FileName, file.Length, FilePurpose.Evidence, Uploads[i].Title);
                Uploads[i].Title = null;
                ModelState.Remove($"Uploads[{i}].Title");
            }
            catch (Exception ex) when (ex is DomainRuleException or Infrastructure.Files.UploadTooLargeException)
            {
                ModelState.AddModelError(UploadField(i), ex.Message);
            }
        }
    }

    public async Task<IActionResult> OnPostNewVersionAsync()
    {
        if (!await LoadForChangeAsync()) return NotFound();
        var file = Request.Form.Files.GetFile(NewVersionField);
        var current = ApplicationFiles.Latest(Files, LogicalId);
        if (current is null || current.IsRemoved || current.Purpose != FilePurpose.Evidence)
            throw new DomainRuleException("要更新的材料不存在或已被移除，请刷新页面。");
        if (file is null || string.IsNullOrEmpty(file.FileName))
            throw new DomainRuleException($"请为“{current.Title}”选择新版本的文件。");
        try
        {
            await using var stream = file.OpenReadStream();
            await FileService.UploadAsync(Application, Cycle, stream, file.FileName, file.Length, FilePurpose.Evidence, current.Title, current.LogicalId);
        }
        catch (Exception ex) when (ex is DomainRuleException or Infrastructure.Files.UploadTooLargeException)
        {
            ModelState.AddModelError(NewVersionKey(current.LogicalId), ex.Message);
            return await RedisplayAsync();
        }
        return await SaveChangeAsync($"已上传“{current.Title}”的新版本。");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (!await LoadForChangeAsync()) return NotFound();
        var current = ApplicationFiles.Latest(Files, LogicalId);
        if (current is null || current.Purpose != FilePurpose.Evidence)
            throw new DomainRuleException("要移除的材料不存在，请刷新页面。");
        await FileService.RemoveAsync(Application, current.LogicalId);
        return await SaveChangeAsync($"已移除“{current.Title}”。原文件仍保留在办理记录中。");
    }

    private async Task<bool> LoadForChangeAsync()
    {
        if (!await LoadAsync()) return false;
        while (Uploads.Count < UploadRows) Uploads.Add(new UploadRow());
        if (!ApplicationAccess.CanEdit(Caller, Application))
            throw new DomainRuleException("只有申报组织本单位的用户可以修改申报。");
        Application.EnsureEditable();
        if (Application.Version != Version) throw new DbUpdateConcurrencyException(Infrastructure.Errors.DomainRuleFilter.ConcurrencyMessage);
        return true;
    }

    private async Task<IActionResult> SaveChangeAsync(string flash)
    {
        Application.Touch(Now);
        await Db.SaveEditAsync(Application, Version);
        Flash = $"{flash}（{ChinaTime.Format(Application.UpdatedAt)}）";
        return RedirectToPage();
    }
}
