using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications.Edit;

/// <summary>What every tab of the application form needs, injected once.</summary>
public sealed class ApplicationFormServices(AppDbContext db, ApplicationAccess access, ApplicationWorkflow workflow,
    ApplicationFiles files, TimeProvider clock)
{
    public AppDbContext Db => db;
    public ApplicationAccess Access => access;
    public ApplicationWorkflow Workflow => workflow;
    public ApplicationFiles Files => files;
    public TimeProvider Clock => clock;
}

/// <summary>
/// One tab of the application form (/Applications/Edit/{id}/…). The tab binds its own fields; this base
/// loads the application behind an access check (404 otherwise), saves with the posted Version (a lost
/// race shows the concurrency message with the input kept), answers autosave with JSON, and
/// “保存并提交” saves first and then lists what is missing, or submits.
/// </summary>
public abstract class ApplicationFormPage(ApplicationFormServices services) : AppPageModel
{
    protected AppDbContext Db => services.Db;
    protected ApplicationFiles FileService => services.Files;
    protected DateTimeOffset Now => services.Clock.GetUtcNow();

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }

    public Application Application { get; private set; } = null!;
    public Cycle Cycle { get; private set; } = null!;
    public Organization Organization { get; private set; } = null!;
    public CriteriaOutline Outline { get; private set; } = null!;
    public IReadOnlyList<StoredFile> Files { get; private set; } = [];
    public ApplicationAccess.Caller Caller { get; private set; } = null!;
    public IReadOnlyList<string> SubmitProblems { get; private set; } = [];

    /// <summary>Route segment and title of this tab.</summary>
    public abstract string Tab { get; }

    /// <summary>Whether the form posts multipart (a tab with uploads).</summary>
    public virtual bool HasUploads => false;

    /// <summary>Whether the tab's form is saved automatically while typing (not for upload-only tabs).</summary>
    public virtual bool Autosaves => true;

    public string SubmitConfirm => ApplicationConfirm.Submit(Application, Organization.Name, null);

    public bool CanEdit => ApplicationAccess.CanEdit(Caller, Application) && Application.IsEditableByApplicant;

    public string? LockReason => CanEdit ? null : ApplicationLock.Reason(Application, ApplicationAccess.CanEdit(Caller, Application));

    /// <summary>Copies the application's values into the tab's input.</summary>
    protected abstract void Fill();

    /// <summary>Adds shape errors; <paramref name="manual"/> also checks what a person must fill on this tab.</summary>
    protected virtual void Validate(bool manual) { }

    /// <summary>Copies the tab's input into the application.</summary>
    protected abstract Task ApplyAsync();

    /// <summary>Stores the tab's uploads, adding an error next to each refused file.</summary>
    protected virtual Task UploadAsync() => Task.CompletedTask;

    protected virtual Task LoadLookupsAsync() => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Version = Application.Version;
        Fill();
        await LoadLookupsAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(submit: false);

    public Task<IActionResult> OnPostSubmitAsync() => SaveAsync(submit: true);

    public async Task<IActionResult> OnPostAutosaveAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CanEdit) return Json(422, LockReason ?? "当前不能修改。");
        Validate(manual: false);
        if (!ModelState.IsValid)
            return Json(422, "未自动保存：" + string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()));
        if (Application.Version != Version) return Json(409, DomainRuleFilter.ConcurrencyMessage);
        try
        {
            await ApplyAsync();
            Application.Touch(Now);
            await Db.SaveEditAsync(Application, Version);
        }
        catch (Exception ex) when (ex is DomainRuleException or Infrastructure.Files.UploadTooLargeException)
        {
            return Json(422, "未自动保存：" + ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Json(409, DomainRuleFilter.ConcurrencyMessage);
        }
        return new JsonResult(new { version = Application.Version, savedAt = Application.UpdatedAt.ToChina().ToString("yyyy-MM-dd'T'HH:mm:sszzz") });
    }

    private static JsonResult Json(int status, string message) => new(new { message }) { StatusCode = status };

    private async Task<IActionResult> SaveAsync(bool submit)
    {
        if (!await LoadAsync()) return NotFound();
        if (!ApplicationAccess.CanEdit(Caller, Application))
            throw new DomainRuleException("只有申报组织本单位的用户可以修改申报。");
        Application.EnsureEditable();
        Validate(manual: true);
        if (!ModelState.IsValid)
        {
            if (HasUploads && Request.Form.Files.Any(f => f.Length > 0))
                ModelState.AddModelError(string.Empty, "本次未保存，所选文件也未上传：请先改正标出的问题，再重新选择文件并保存。");
            return await RedisplayAsync();
        }
        // Refuse a stale form before any file is stored.
        if (Application.Version != Version) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        await ApplyAsync();
        Application.Touch(Now);
        await UploadAsync();
        await Db.SaveEditAsync(Application, Version);
        Version = Application.Version;
        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "其他内容已保存；标出的文件未上传，请按提示处理后重新选择。");
            return await RedisplayAsync();
        }
        if (!submit)
        {
            Flash = $"已保存（{ChinaTime.Format(Application.UpdatedAt)}）。";
            return RedirectToPage();
        }
        SubmitProblems = await services.Workflow.ProblemsAsync(Application, Cycle);
        if (SubmitProblems.Count > 0) return await RedisplayAsync();
        var submitted = await services.Workflow.SubmitAsync(Application.Id, Application.Version);
        Flash = submitted.Status == ApplicationStatus.AwaitingQualification
            ? "补正材料已提交，活动办公室将继续资格审查。"
            : $"申报已提交，申报编号 {submitted.Number}。已通知推荐单位出具推荐意见。";
        return RedirectToPage("/Applications/Details", new { id = Application.Id });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        // After a failed save the tracked entity may hold the rejected input; show the stored state around the form.
        Db.ChangeTracker.Clear();
        if (!await LoadAsync()) return NotFound();
        await LoadLookupsAsync();
        return Page();
    }

    protected async Task<bool> LoadAsync()
    {
        Caller = await services.Access.CallerAsync(User);
        var app = await Db.Set<Application>().FirstOrDefaultAsync(a => a.Id == Id);
        if (app is null || !ApplicationAccess.CanView(Caller, app)) return false;
        Application = app;
        Cycle = await Db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId);
        Organization = await Db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == app.OrganizationId);
        Outline = CriteriaCatalog.ForCycle(Cycle.StandardCode);
        Files = await FileService.AllAsync(app.Id);
        return true;
    }

    public StoredFile? Latest(Guid? logicalId) => ApplicationFiles.Latest(Files, logicalId);

    public string AllowedTypesText => FileStore.AllowedText(Cycle.Settings.AllowedFileTypeList);

    /// <summary>The HTML accept attribute for the cycle's allowed types (a hint only; the server checks content).</summary>
    public string AcceptAttribute => string.Join(",", Cycle.Settings.AllowedFileTypeList.Select(k => "." + k));

    /// <summary>The first error recorded for a field, for showing next to it.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
