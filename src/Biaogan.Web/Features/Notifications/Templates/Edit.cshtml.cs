using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications.Templates;

/// <summary>/Notifications/Templates/Edit/{key} — the office edits one template, with a preview on sample values.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(AppDbContext db, NotificationOffice office) : AppPageModel
{
    public sealed class TemplateInput
    {
        [Display(Name = "邮件主题")]
        [Required(ErrorMessage = "请填写邮件主题。")]
        [StringLength(MessageTemplate.MaxSubjectLength, ErrorMessage = "邮件主题不能超过 {1} 个字。")]
        public string Subject { get; set; } = "";

        [Display(Name = "正文")]
        [Required(ErrorMessage = "请填写正文。")]
        [StringLength(MessageTemplate.MaxBodyLength, ErrorMessage = "正文不能超过 {1} 个字。")]
        public string Body { get; set; } = "";

        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = false)]
    public TemplateInput Input { get; set; } = new();

    public MessageTemplate Template { get; private set; } = null!;
    public MessageTemplate? Default { get; private set; }
    public IReadOnlyDictionary<string, string> Samples { get; private set; } = new Dictionary<string, string>();
    public string PreviewSubject { get; private set; } = "";
    public string PreviewBody { get; private set; } = "";
    public IReadOnlyList<string> UnknownPlaceholders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (!await LoadAsync(key)) return NotFound();
        Input = new TemplateInput { Subject = Template.Subject, Body = Template.Body, Version = Template.Version };
        BuildPreview();
        return Page();
    }

    /// <summary>预览: shows the typed text filled with sample values, without saving.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string key)
    {
        if (!await LoadAsync(key)) return NotFound();
        ModelState.Clear();
        BuildPreview();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string key)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var template = await office.EditTemplateAsync(key, Input.Version, Input.Subject, Input.Body, HttpContext.RequestAborted);
        if (template is null) return NotFound();
        Flash = $"已保存“{template.Description}”模板，之后发出的通知将使用新内容。";
        return RedirectToPage(new { key });
    }

    /// <summary>恢复默认: puts the system's original subject and body back.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(string key)
    {
        var template = await office.RestoreTemplateAsync(key, Input.Version, HttpContext.RequestAborted);
        if (template is null) return NotFound();
        Flash = $"已恢复“{template.Description}”模板的系统默认内容。";
        return RedirectToPage(new { key });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var key = RouteData.Values["key"] as string ?? "";
        if (!await LoadAsync(key)) return NotFound();
        BuildPreview();
        return Page();
    }

    private async Task<bool> LoadAsync(string key)
    {
        var template = await db.Set<MessageTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == key);
        if (template is null) return false;
        Template = template;
        Default = DefaultTemplates.Find(key);
        Samples = TemplateText.SampleValues(template.Placeholders);
        return true;
    }

    private void BuildPreview()
    {
        PreviewSubject = TemplateText.Render(Input.Subject ?? "", Samples);
        PreviewBody = TemplateText.Render(Input.Body ?? "", Samples);
        UnknownPlaceholders = TemplateText.Unknown(Template.Placeholders, Input.Subject ?? "", Input.Body ?? "");
    }
}
