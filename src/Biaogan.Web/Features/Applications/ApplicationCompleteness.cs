using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.Web.Features.Applications;

public sealed partial class Application
{
    /// <summary>
    /// What is still missing before the application can be submitted, each as a short Chinese phrase
    /// naming the part of the form to complete. Empty when it is complete.
    /// </summary>
    public IReadOnlyList<string> ProblemsForSubmission(Cycle cycle, CriteriaOutline outline, int evidenceFiles)
    {
        var s = cycle.Settings;
        var p = new List<string>();
        if (Category is null) p.Add("选择申报类别（企业类或服务类）");
        if (Category == AwardCategory.Service && (string.IsNullOrWhiteSpace(ServiceName) || string.IsNullOrWhiteSpace(ServiceScope)))
            p.Add("填写专项服务名称及服务范围（服务类必填）");
        if (RecommendingBodyId is null) p.Add("选择推荐单位");
        if (string.IsNullOrWhiteSpace(QmsCertificateNumber) || string.IsNullOrWhiteSpace(QmsCertificationBody)
            || string.IsNullOrWhiteSpace(QmsScope) || QmsExpiry is null)
            p.Add("填写质量管理体系认证证书的编号、认证机构、范围和有效期");
        if (MandatoryCertificationApplies && !MandatoryCertifications.Any(c => !string.IsNullOrWhiteSpace(c.Name) && !string.IsNullOrWhiteSpace(c.Number)))
            p.Add("填写至少一项强制性产品认证（名称和证书编号）");

        var complete = Measurements.Where(m => m.Year > 0 && !string.IsNullOrWhiteSpace(m.Body) && !string.IsNullOrWhiteSpace(m.BodyQualification)
            && !string.IsNullOrWhiteSpace(m.Method) && m.SampleSize > 0 && m.Index is >= 0 and <= 100 && m.ReportFileId is not null)
            .Select(m => m.Year).Distinct().Count();
        if (complete < s.MeasurementYears)
            p.Add($"完整填写最近 {s.MeasurementYears} 年的第三方满意度测评（年份、测评机构及资质、方法、样本量、指数并上传测评报告），目前完整的有 {complete} 年");

        if (!DeclaresNoMajorAccident || !DeclaresNoMajorComplaint || !DeclaresNoSeriousViolation)
            p.Add("勾选近三年无重大事故、无重大用户投诉、无严重违法违规行为三项声明");
        if (DeclarationFileId is null) p.Add("上传签字盖章的声明书");

        var total = 0;
        foreach (var category in outline.Categories)
        {
            var section = SelfEvaluation.FirstOrDefault(x => x.CriteriaCode == category.Code);
            var words = WordCount.Count(section?.Text);
            total += words;
            if (words < s.SelfEvaluationSectionMinWords)
                p.Add($"自我评价报告“{category.Code} {category.Name}”不少于 {s.SelfEvaluationSectionMinWords} 字（现 {words} 字）");
            else if (words > s.SelfEvaluationSectionWordLimit)
                p.Add($"自我评价报告“{category.Code} {category.Name}”超出 {s.SelfEvaluationSectionWordLimit} 字上限（现 {words} 字），请删减 {words - s.SelfEvaluationSectionWordLimit} 字");
        }
        if (total > s.SelfEvaluationTotalWordLimit)
            p.Add($"自我评价报告总字数超出 {s.SelfEvaluationTotalWordLimit} 字上限（现 {total} 字）");
        if (evidenceFiles < 1) p.Add("上传至少一份证实性材料");
        return p;
    }
}
