using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// The system's automatic pre-checks shown beside the 资格审查 checklist. Pure: it reads only the
/// application, its organisation, the cycle's settings, the application's stored files and today's date.
/// The office's verdicts remain the decision; a pre-check only points at what to look at.
/// </summary>
public static class QualificationPreChecks
{
    /// <param name="files">The application's stored files (removed ones are ignored).</param>
    /// <param name="today">Today in China Standard Time, used when the cycle has no application deadline.</param>
    public static IReadOnlyList<PreCheckResult> Run(Application app, Organization? organization, Cycle cycle,
        IReadOnlyCollection<StoredFile> files, DateOnly today)
    {
        var live = files.Where(f => !f.IsRemoved).ToList();
        var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
        return
        [
            SelfEvaluation(app, cycle, outline),
            QualitySystem(app, cycle, today),
            SatisfactionPreChecks.Measurements(app, cycle, live),
            SatisfactionPreChecks.LevelOrTrend(app, cycle),
            Declaration(app, live, "declaration-c4", QualificationChecklist.NoAccidents,
                ("近三年无重大质量、安全和环境事故", app.DeclaresNoMajorAccident), ("近三年无重大用户投诉", app.DeclaresNoMajorComplaint)),
            Uscc(organization),
            Declaration(app, live, "declaration-c5", QualificationChecklist.Integrity,
                ("依法诚信经营，近三年无严重违法违规行为", app.DeclaresNoSeriousViolation)),
            Completeness(app, cycle, outline, live),
            Recommendation(app, live),
        ];
    }

    /// <summary>The application deadline the QMS certificate must cover: the application stage's end, else today.</summary>
    public static (DateOnly Date, string Label) ApplicationDeadline(Cycle cycle, DateOnly today) =>
        cycle.Stage(CycleStage.Application)?.EndDate is { } end ? (end, "申报截止日") : (today, "今天（本年度未设申报截止日）");

    public static PreCheckResult SelfEvaluation(Application app, Cycle cycle, CriteriaOutline outline)
    {
        var s = cycle.Settings;
        var problems = new List<string>();
        var details = new List<string>();
        var total = 0;
        foreach (var category in outline.Categories)
        {
            var words = WordCount.Count(app.SelfEvaluation.FirstOrDefault(x => x.CriteriaCode == category.Code)?.Text);
            total += words;
            details.Add($"{category.Code} {category.Name}：{words} 字");
            if (words < s.SelfEvaluationSectionMinWords) problems.Add($"“{category.Code} {category.Name}”仅 {words} 字，少于 {s.SelfEvaluationSectionMinWords} 字");
            else if (words > s.SelfEvaluationSectionWordLimit) problems.Add($"“{category.Code} {category.Name}”{words} 字，超出 {s.SelfEvaluationSectionWordLimit} 字上限");
        }
        details.Add($"合计 {total} 字（上限 {s.SelfEvaluationTotalWordLimit} 字）");
        if (total > s.SelfEvaluationTotalWordLimit) problems.Add($"合计 {total} 字，超出 {s.SelfEvaluationTotalWordLimit} 字上限");
        const string title = "自我评价报告";
        return problems.Count == 0
            ? new("self-evaluation", QualificationChecklist.SelfEvaluation, PreCheckStatus.Pass, title,
                $"对照 {outline.Code} 的 {outline.Categories.Count} 个部分均已撰写，字数在 {s.SelfEvaluationSectionMinWords}–{s.SelfEvaluationSectionWordLimit} 字之间，合计 {total} 字。成效是否显著须人工判断。", details)
            : new("self-evaluation", QualificationChecklist.SelfEvaluation, PreCheckStatus.Fail, title,
                $"自我评价报告字数不符合要求：{string.Join("；", problems)}。", details);
    }

    public static PreCheckResult QualitySystem(Application app, Cycle cycle, DateOnly today)
    {
        const string title = "质量管理体系认证证书有效";
        var (deadline, label) = ApplicationDeadline(cycle, today);
        var details = new List<string>();
        var status = PreCheckStatus.Pass;
        string explanation;
        if (string.IsNullOrWhiteSpace(app.QmsCertificateNumber) || app.QmsExpiry is null)
        {
            status = PreCheckStatus.Fail;
            explanation = "未填写质量管理体系认证证书编号或有效期。";
        }
        else if (app.QmsExpiry < deadline)
        {
            status = PreCheckStatus.Fail;
            explanation = $"证书（{app.QmsCertificateNumber}）有效期至 {ChinaTime.Format(app.QmsExpiry.Value)}，早于{label} {ChinaTime.Format(deadline)}，申报时已失效。";
        }
        else
        {
            explanation = $"证书（{app.QmsCertificateNumber}，{app.QmsCertificationBody}）有效期至 {ChinaTime.Format(app.QmsExpiry.Value)}，覆盖{label} {ChinaTime.Format(deadline)}。";
            if (app.QmsExpiry < today) details.Add($"注意：证书已于 {ChinaTime.Format(app.QmsExpiry.Value)} 到期（在申报截止之后），请核实换证情况");
        }
        if (!string.IsNullOrWhiteSpace(app.QmsScope)) details.Add($"认证范围：{app.QmsScope}");

        if (app.MandatoryCertificationApplies)
        {
            var certs = app.MandatoryCertifications.Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Number)).ToList();
            if (certs.Count == 0)
            {
                status = PreCheckStatus.Fail;
                explanation += "产品有强制性认证要求，但未填写强制性认证。";
            }
            foreach (var c in certs)
            {
                if (c.Expiry is null)
                {
                    details.Add($"强制性认证“{c.Name}”（{c.Number}）未填写有效期，须人工核对");
                    if (status == PreCheckStatus.Pass) status = PreCheckStatus.Unknown;
                }
                else if (c.Expiry < deadline)
                {
                    status = PreCheckStatus.Fail;
                    explanation += $"强制性认证“{c.Name}”（{c.Number}）有效期至 {ChinaTime.Format(c.Expiry.Value)}，早于{label}。";
                }
                else details.Add($"强制性认证“{c.Name}”（{c.Number}）有效期至 {ChinaTime.Format(c.Expiry.Value)}");
            }
        }
        else details.Add("申报组织声明产品无强制性认证要求");
        return new("qms", QualificationChecklist.QualitySystem, status, title, explanation, details);
    }

    public static PreCheckResult Uscc(Organization? organization)
    {
        const string title = "统一社会信用代码";
        if (organization is null)
            return new("uscc", QualificationChecklist.Integrity, PreCheckStatus.Unknown, title, "找不到申报组织的登记信息，无法校验。", []);
        var result = Organizations.Uscc.Validate(organization.Uscc);
        // Organizations' messages are whole sentences that say what is wrong and what to check.
        var message = result.IsValid ? "符合 GB 32100-2015 编码规则，主体标识码和第18位校验位正确。" : result.Error;
        return new("uscc", QualificationChecklist.Integrity, result.IsValid ? PreCheckStatus.Pass : PreCheckStatus.Fail, title,
            $"{organization.Name} 的统一社会信用代码 {organization.Uscc}：{message}",
            ["系统只校验编码规则；登记状态和有无严重违法失信记录请在国家企业信用信息公示系统、“信用中国”核实"]);
    }

    private static PreCheckResult Declaration(Application app, IReadOnlyCollection<StoredFile> files, string code, string item,
        params (string Text, bool Ticked)[] statements)
    {
        const string title = "声明及签字盖章的声明书";
        var problems = statements.Where(s => !s.Ticked).Select(s => $"未勾选“{s.Text}”声明").ToList();
        var file = app.DeclarationFileId is { } id ? files.FirstOrDefault(f => f.LogicalId == id) : null;
        if (file is null) problems.Add("未上传签字盖章的声明书");
        var ticked = string.Join("", statements.Select(s => $"“{s.Text}”"));
        return problems.Count == 0
            ? new(code, item, PreCheckStatus.Pass, title, $"已勾选{ticked}声明，并上传签字盖章的声明书（{file!.FileName}）。",
                ["声明内容的真实性须人工核实（可查询应急管理、市场监管等部门公开信息）"])
            : new(code, item, PreCheckStatus.Fail, title, string.Join("；", problems) + "。", []);
    }

    public static PreCheckResult Completeness(Application app, Cycle cycle, CriteriaOutline outline, IReadOnlyCollection<StoredFile> files)
    {
        const string title = "申报材料完整性";
        var evidence = files.Where(f => f.Purpose == FilePurpose.Evidence).Select(f => f.LogicalId).Distinct().Count();
        var problems = app.ProblemsForSubmission(cycle, outline, evidence);
        var details = new List<string> { $"证实性材料 {evidence} 份" };
        return problems.Count == 0
            ? new("completeness", QualificationChecklist.Completeness, PreCheckStatus.Pass, title, $"申报表各项已填写完整，自我评价报告齐全，附证实性材料 {evidence} 份。", details)
            : new("completeness", QualificationChecklist.Completeness, PreCheckStatus.Fail, title, $"申报材料不完整：{string.Join("；", problems)}。", details);
    }

    public static PreCheckResult Recommendation(Application app, IReadOnlyCollection<StoredFile> files)
    {
        const string title = "推荐意见及推荐函";
        var letter = app.RecommendationLetterFileId is { } id ? files.FirstOrDefault(f => f.LogicalId == id) : null;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(app.RecommendationOpinion) || app.RecommendedAt is null) problems.Add("推荐单位尚未出具推荐意见");
        if (letter is null) problems.Add("缺少签字盖章的推荐函");
        return problems.Count == 0
            ? new("recommendation", QualificationChecklist.Recommendation, PreCheckStatus.Pass, title,
                $"推荐单位已于 {ChinaTime.Format(app.RecommendedAt!.Value)} 出具推荐意见，附推荐函（{letter!.FileName}）。", ["推荐函的签字和印章须人工核对"])
            : new("recommendation", QualificationChecklist.Recommendation, PreCheckStatus.Fail, title, string.Join("；", problems) + "。", []);
    }
}
