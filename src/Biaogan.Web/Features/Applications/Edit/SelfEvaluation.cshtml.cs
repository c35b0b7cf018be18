using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Applications.Edit;

/// <summary>自我评价报告 (第十五条): one section per category of the cycle's evaluation standard (第十三条).</summary>
public sealed class SelfEvaluationModel(ApplicationFormServices services) : ApplicationFormPage(services)
{
    /// <summary>A hard cap on one section's characters, far above any word limit, against runaway posts.</summary>
    public const int MaxSectionChars = 200_000;

    public sealed class SectionInput
    {
        public string Code { get; set; } = "";

        [StringLength(MaxSectionChars, ErrorMessage = "单个部分的内容过长，请删减后再保存。")]
        public string? Text { get; set; }
    }

    [BindProperty] public List<SectionInput> Sections { get; set; } = [];

    public override string Tab => "self-evaluation";

    public string TextOf(string code) => Sections.FirstOrDefault(s => s.Code == code)?.Text ?? "";

    protected override void Fill() =>
        Sections = Outline.Categories.Select(c => new SectionInput
        {
            Code = c.Code, Text = Application.SelfEvaluation.FirstOrDefault(s => s.CriteriaCode == c.Code)?.Text ?? "",
        }).ToList();

    protected override Task ApplyAsync()
    {
        foreach (var category in Outline.Categories)
        {
            var posted = Sections.FirstOrDefault(s => s.Code == category.Code);
            if (posted is null) continue;
            var section = Application.SelfEvaluation.FirstOrDefault(s => s.CriteriaCode == category.Code);
            if (section is null)
            {
                section = new SelfEvaluationSection { CriteriaCode = category.Code, Title = category.Name };
                Application.SelfEvaluation.Add(section);
            }
            section.Text = (posted.Text ?? "").Replace("\r\n", "\n");
        }
        return Task.CompletedTask;
    }
}
