using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Applications.Edit;

/// <summary>申报条件 (第十四条): 质量管理体系认证, 强制性认证, 第三方满意度测评 with reports, 声明 with the signed file.</summary>
public sealed class ConditionsModel(ApplicationFormServices services) : ApplicationFormPage(services)
{
    public const string DeclarationField = "declaration-file";

    public static string ReportField(int row) => $"report-{row}";

    /// <summary>Suggestions for 测评方法/依据 (第十四条第三项); any other text is accepted.</summary>
    public static readonly string[] MethodSuggestions =
    [
        "GB/T 19038-2009《顾客满意测评模型和方法指南》",
        "GB/T 19039-2009《顾客满意测评通则》",
        "中国质量协会《用户满意度测评规范》",
    ];

    public sealed class CertificationRow
    {
        [StringLength(200, ErrorMessage = "认证名称不超过 200 字。")] public string? Name { get; set; }
        [StringLength(100, ErrorMessage = "证书编号不超过 100 字。")] public string? Number { get; set; }
        public DateOnly? Expiry { get; set; }
    }

    public sealed class MeasurementRow
    {
        [Range(2000, 2100, ErrorMessage = "请填写四位数的测评年份。")] public int? Year { get; set; }
        [StringLength(200, ErrorMessage = "测评机构名称不超过 200 字。")] public string? Body { get; set; }
        [StringLength(300, ErrorMessage = "机构资质不超过 300 字。")] public string? BodyQualification { get; set; }
        [StringLength(300, ErrorMessage = "测评方法不超过 300 字。")] public string? Method { get; set; }
        [Range(1, 100_000_000, ErrorMessage = "样本量应为正整数。")] public int? SampleSize { get; set; }
        [Range(0, 100, ErrorMessage = "满意度指数应在 0 到 100 之间。")] public decimal? Index { get; set; }
    }

    public sealed class InputModel
    {
        [StringLength(100, ErrorMessage = "证书编号不超过 100 字。")] public string? QmsCertificateNumber { get; set; }
        [StringLength(200, ErrorMessage = "认证机构不超过 200 字。")] public string? QmsCertificationBody { get; set; }
        [StringLength(1000, ErrorMessage = "认证范围不超过 1000 字。")] public string? QmsScope { get; set; }
        public DateOnly? QmsExpiry { get; set; }
        public bool MandatoryCertificationApplies { get; set; }
        public List<CertificationRow> MandatoryCertifications { get; set; } = [];
        public List<MeasurementRow> Measurements { get; set; } = [];
        public bool DeclaresNoMajorAccident { get; set; }
        public bool DeclaresNoMajorComplaint { get; set; }
        public bool DeclaresNoSeriousViolation { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public override string Tab => "conditions";

    public override bool HasUploads => true;

    /// <summary>How many measurement rows the form shows: the cycle's required years, or more if already kept.</summary>
    public int MeasurementRows => Math.Max(Cycle.Settings.MeasurementYears, Application.Measurements.Count);

    protected override void Fill()
    {
        var a = Application;
        Input.QmsCertificateNumber = a.QmsCertificateNumber;
        Input.QmsCertificationBody = a.QmsCertificationBody;
        Input.QmsScope = a.QmsScope;
        Input.QmsExpiry = a.QmsExpiry;
        Input.MandatoryCertificationApplies = a.MandatoryCertificationApplies;
        Input.MandatoryCertifications = a.MandatoryCertifications
            .Select(c => new CertificationRow { Name = c.Name, Number = c.Number, Expiry = c.Expiry }).ToList();
        Input.Measurements = Enumerable.Range(0, MeasurementRows).Select(i => i < a.Measurements.Count
            ? new MeasurementRow
            {
                Year = a.Measurements[i].Year is > 0 and var y ? y : null, Body = a.Measurements[i].Body,
                BodyQualification = a.Measurements[i].BodyQualification, Method = a.Measurements[i].Method,
                SampleSize = a.Measurements[i].SampleSize, Index = a.Measurements[i].Index,
            }
            : new MeasurementRow()).ToList();
        Input.DeclaresNoMajorAccident = a.DeclaresNoMajorAccident;
        Input.DeclaresNoMajorComplaint = a.DeclaresNoMajorComplaint;
        Input.DeclaresNoSeriousViolation = a.DeclaresNoSeriousViolation;
    }

    protected override void Validate(bool manual)
    {
        for (var i = 0; i < Input.Measurements.Count; i++)
        {
            if (Input.Measurements[i].Index is { } x && decimal.Round(x, 1) != x)
                ModelState.AddModelError($"Input.Measurements[{i}].Index", "满意度指数保留一位小数，例如 85.3。");
        }
        var years = Input.Measurements.Where(m => m.Year is not null).GroupBy(m => m.Year).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (years.Count > 0)
            ModelState.AddModelError("Input.Measurements", $"测评年份 {string.Join("、", years)} 重复，每年填写一行。");
    }

    protected override Task ApplyAsync()
    {
        var a = Application;
        a.QmsCertificateNumber = Input.QmsCertificateNumber?.Trim() ?? "";
        a.QmsCertificationBody = Input.QmsCertificationBody?.Trim() ?? "";
        a.QmsScope = Input.QmsScope?.Trim() ?? "";
        a.QmsExpiry = Input.QmsExpiry;
        a.MandatoryCertificationApplies = Input.MandatoryCertificationApplies;
        a.MandatoryCertifications = Input.MandatoryCertifications
            .Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Number))
            .Select(c => new MandatoryCertification { Name = c.Name?.Trim() ?? "", Number = c.Number?.Trim() ?? "", Expiry = c.Expiry })
            .ToList();
        for (var i = 0; i < Input.Measurements.Count && i < MeasurementRows; i++)
        {
            if (i == a.Measurements.Count) a.Measurements.Add(new SatisfactionMeasurement());
            var (m, row) = (a.Measurements[i], Input.Measurements[i]);
            m.Year = row.Year ?? 0;
            m.Body = row.Body?.Trim() ?? "";
            m.BodyQualification = row.BodyQualification?.Trim() ?? "";
            m.Method = row.Method?.Trim() ?? "";
            m.SampleSize = row.SampleSize;
            m.Index = row.Index;
        }
        a.DeclaresNoMajorAccident = Input.DeclaresNoMajorAccident;
        a.DeclaresNoMajorComplaint = Input.DeclaresNoMajorComplaint;
        a.DeclaresNoSeriousViolation = Input.DeclaresNoSeriousViolation;
        return Task.CompletedTask;
    }

    protected override async Task UploadAsync()
    {
        var form = Request.Form.Files;
        for (var i = 0; i < Application.Measurements.Count; i++)
        {
            var m = Application.Measurements[i];
            var title = m.Year > 0 ? $"{m.Year}年度用户满意度测评报告" : "用户满意度测评报告";
            if (await StoreAsync(form.GetFile(ReportField(i)), ReportField(i), FilePurpose.MeasurementReport, title, m.ReportFileId) is { } id)
                m.ReportFileId = id;
        }
        if (await StoreAsync(form.GetFile(DeclarationField), DeclarationField, FilePurpose.Declaration, "签字盖章的声明书", Application.DeclarationFileId) is { } d)
            Application.DeclarationFileId = d;
    }

    /// <summary>Stores one chosen file (a new version when the slot already holds one); a refusal is shown next to the field.</summary>
    private async Task<Guid?> StoreAsync(IFormFile? file, string field, string purpose, string title, Guid? current)
    {
        if (file is null || string.IsNullOrEmpty(file.FileName)) return null;
        var replaces = current is { } c && Latest(c) is { IsRemoved: false } ? current : null;
        try
        {
            await using var stream = file.OpenReadStream();
            var stored = await FileService.UploadAsync(Application, Cycle, stream, file.FileName, file.Length, purpose, title, replaces);
            return stored.LogicalId;
        }
        catch (Exception ex) when (ex is DomainRuleException or Infrastructure.Files.UploadTooLargeException)
        {
            ModelState.AddModelError(field, ex.Message);
            return null;
        }
    }
}
