using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Cycles;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Applications.Edit;

/// <summary>基本信息与类别 (第五条: 企业类、服务类).</summary>
public sealed class BasicModel(ApplicationFormServices services) : ApplicationFormPage(services)
{
    public sealed class InputModel
    {
        public AwardCategory? Category { get; set; }

        [StringLength(200, ErrorMessage = "专项服务名称不超过 200 字。")]
        public string? ServiceName { get; set; }

        [StringLength(2000, ErrorMessage = "服务范围不超过 2000 字。")]
        public string? ServiceScope { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public override string Tab => "basic";

    protected override void Fill()
    {
        Input.Category = Application.Category;
        Input.ServiceName = Application.ServiceName;
        Input.ServiceScope = Application.ServiceScope;
    }

    protected override void Validate(bool manual)
    {
        if (!manual || Input.Category != AwardCategory.Service) return;
        if (string.IsNullOrWhiteSpace(Input.ServiceName))
            ModelState.AddModelError("Input.ServiceName", "服务类申报请填写专项服务名称。");
        if (string.IsNullOrWhiteSpace(Input.ServiceScope))
            ModelState.AddModelError("Input.ServiceScope", "服务类申报请填写服务范围。");
    }

    protected override Task ApplyAsync()
    {
        Application.Category = Input.Category;
        Application.ServiceName = Input.ServiceName?.Trim();
        Application.ServiceScope = Input.ServiceScope?.Trim();
        return Task.CompletedTask;
    }
}
