using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>评审员库设置: the years of experience 第十一条第四项 asks for, and the default term of an appointment.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class SettingsModel(AppDbContext db, ReviewerWorkflow reviewers) : AppPageModel
{
    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "请填写工作经历年限。")]
        [Range(0, 40, ErrorMessage = "工作经历年限应在 0 至 40 年之间。")]
        public int? MinimumExperienceYears { get; set; }

        [Required(ErrorMessage = "请填写默认聘期。")]
        [Range(1, 10, ErrorMessage = "默认聘期应在 1 至 10 年之间。")]
        public int? DefaultTermYears { get; set; }

        public int Version { get; set; }
    }

    [BindProperty] public SettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await ReviewerPool.SettingsAsync(db, ct);
        Input = new SettingsInput { MinimumExperienceYears = s.MinimumExperienceYears, DefaultTermYears = s.DefaultTermYears, Version = s.Version };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await reviewers.SaveSettingsAsync(Input.MinimumExperienceYears!.Value, Input.DefaultTermYears!.Value, Input.Version, ct);
        Flash = "评审员库设置已保存。";
        return RedirectToPage();
    }
}
