using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// The submitted 申报表 as a printable Chinese PDF (shared PDF layer, Noto CJK): every field of the form, the 自我评价报告
/// and the list of attachments, with the submission time in China time. Shown to the organisation itself, its
/// recommending body and the office (<see cref="ApplicationAccess.CanView"/>).
/// </summary>
public static class ApplicationFormPdf
{
    public static PdfDocument Document(ApplicationSummary m)
    {
        var a = m.Application;
        if (a.SubmittedAt is not { } submitted) throw new DomainRuleException("申报尚未提交，提交后才能打印申报表。");
        string Yes(bool b) => b ? "是" : "否";
        string Date(DateOnly? d) => d is { } x ? ChinaTime.Format(x) : "—";
        string Or(string? s) => string.IsNullOrWhiteSpace(s) ? "—" : s;
        string FileLine(StoredFile? f) => f is null ? "未上传" : $"{f.FileName}（{f.SizeText}，第 {f.VersionNo} 版）";
        var facts = new List<(string, string)>
        {
            ("申报编号", a.Number ?? "—"), ("年度活动", m.Cycle.Name), ("提交时间", ChinaTime.Format(submitted) + "（北京时间）"),
            ("申报组织", m.Organization.Name), ("统一社会信用代码", m.Organization.Uscc),
            ("所在地区", RegionCatalog.ProvinceName(m.Organization.ProvinceCode)), ("所属行业", IndustryCatalog.SectionName(m.Organization.IndustrySection)),
            ("法定代表人", m.Organization.LegalRepresentative),
            ("联系人", $"{m.Organization.ContactName}　{m.Organization.ContactPhone}　{m.Organization.ContactEmail}"),
            ("申报类别", m.CategoryText),
        };
        if (a.Category == AwardCategory.Service) facts.AddRange([("专项服务名称", Or(a.ServiceName)), ("服务范围", Or(a.ServiceScope))]);
        facts.Add(("推荐单位", m.RecommendingBody?.Name ?? "未选择"));

        var blocks = new List<PdfBlock>
        {
            new PdfHeading($"{m.Cycle.Year}年度全国用户满意标杆申报表", 1),
            new PdfHeading("一、基本信息与类别"),
            new PdfFacts(facts),
            new PdfHeading("二、申报条件（第十四条）"),
            new PdfHeading("质量管理体系认证", 3),
            new PdfFacts([("证书编号", Or(a.QmsCertificateNumber)), ("认证机构", Or(a.QmsCertificationBody)), ("认证范围", Or(a.QmsScope)),
                ("有效期至", Date(a.QmsExpiry)), ("产品涉及强制性认证", Yes(a.MandatoryCertificationApplies))]),
        };
        if (a.MandatoryCertificationApplies && a.MandatoryCertifications.Count > 0)
            blocks.Add(new PdfTable(["认证名称", "证书编号", "有效期至"],
                a.MandatoryCertifications.Select(c => (IReadOnlyList<string>)[c.Name, c.Number, Date(c.Expiry)]).ToList(), [3f, 3f, 2f]));
        blocks.Add(new PdfHeading($"第三方用户满意度测评（最近 {m.Cycle.Settings.MeasurementYears} 年）", 3));
        blocks.Add(new PdfTable(["年份", "测评机构", "机构资质", "测评方法/依据", "样本量", "满意度指数"],
            a.Measurements.OrderBy(x => x.Year).Select(x => (IReadOnlyList<string>)[x.Year.ToString(), x.Body, x.BodyQualification, x.Method,
                x.SampleSize?.ToString() ?? "—", x.Index is { } i ? i.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—"]).ToList(),
            [1f, 2.5f, 2f, 2.5f, 1f, 1.2f]));
        blocks.Add(new PdfHeading("声明", 3));
        blocks.Add(new PdfFacts([
            ("近三年无重大质量、安全和环境事故", Yes(a.DeclaresNoMajorAccident)), ("近三年无重大用户投诉", Yes(a.DeclaresNoMajorComplaint)),
            ("依法诚信经营，近三年无严重违法违规行为", Yes(a.DeclaresNoSeriousViolation)),
        ]));
        blocks.Add(new PdfHeading($"三、自我评价报告（{m.Outline.Code}《{m.Outline.Title}》，合计 {m.TotalWords} 字）"));
        foreach (var c in m.Outline.Categories)
        {
            blocks.Add(new PdfHeading($"{c.Code} {c.Name}（{m.SectionWords(c.Code)} 字）", 3));
            var text = a.SelfEvaluation.FirstOrDefault(x => x.CriteriaCode == c.Code)?.Text ?? "";
            var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (paragraphs.Length == 0) blocks.Add(new PdfParagraph("未填写", Muted: true));
            else blocks.AddRange(paragraphs.Select(p => new PdfParagraph(p, FirstLineIndent: true)));
        }
        blocks.Add(new PdfHeading("四、附件清单"));
        var attachments = new List<IReadOnlyList<string>>();
        foreach (var x in a.Measurements.OrderBy(x => x.Year))
            attachments.Add([$"{x.Year} 年满意度测评报告", FileLine(m.Latest(x.ReportFileId))]);
        attachments.Add(["签字盖章的声明书", FileLine(m.Latest(a.DeclarationFileId))]);
        attachments.AddRange(m.CurrentEvidence.Select(f => (IReadOnlyList<string>)[$"证实性材料：{f.Title}", FileLine(f)]));
        blocks.Add(new PdfTable(["附件", "文件"], attachments, [3f, 5f]));
        blocks.Add(new PdfSpace(12));
        blocks.Add(new PdfParagraph($"本申报表由系统按 {ChinaTime.Format(submitted)}（北京时间）提交的内容生成，附件以系统中保存的文件为准。", Muted: true));
        return new PdfDocument($"申报表 — {m.Organization.Name}", "全国用户满意标杆活动办公室", blocks);
    }

    /// <summary>The PDF for a caller who may see the application, else null (→ 404, so its existence is not revealed).</summary>
    public static async Task<byte[]?> ForCallerAsync(Infrastructure.Data.AppDbContext db, ApplicationAccess access,
        System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var summary = await ApplicationSummary.LoadAsync(db, id, ct);
        if (summary is null || !ApplicationAccess.CanView(await access.CallerAsync(user, ct), summary.Application)) return null;
        return PdfWriter.Render(Document(summary));
    }
}
