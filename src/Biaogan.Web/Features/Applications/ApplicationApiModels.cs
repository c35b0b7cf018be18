using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;

namespace Biaogan.Web.Features.Applications;

/// <summary>申报列表项.</summary>
public sealed record ApplicationListItem(Guid Id, string? Number, string Status, string StatusText, int Year,
    Guid OrganizationId, string OrganizationName, string? Category, DateTimeOffset UpdatedAt, int Version);

public sealed record MeasurementDto(int Year, string? Body, string? BodyQualification, string? Method, int? SampleSize, decimal? Index, Guid? ReportFileId);

public sealed record CertificationDto(string? Name, string? Number, DateOnly? Expiry);

public sealed record SectionDto(string Code, string? Title, string? Text, int Words);

/// <summary>申报的完整内容. Categories are "Enterprise" (企业类) or "Service" (服务类).</summary>
public sealed record ApplicationDto(
    Guid Id, int Version, string? Number, string Status, string StatusText, Guid CycleId, int Year, Guid OrganizationId, string OrganizationName,
    string? Category, string? ServiceName, string? ServiceScope,
    string QmsCertificateNumber, string QmsCertificationBody, string QmsScope, DateOnly? QmsExpiry,
    bool MandatoryCertificationApplies, IReadOnlyList<CertificationDto> MandatoryCertifications,
    IReadOnlyList<MeasurementDto> Measurements,
    bool DeclaresNoMajorAccident, bool DeclaresNoMajorComplaint, bool DeclaresNoSeriousViolation, Guid? DeclarationFileId,
    IReadOnlyList<SectionDto> SelfEvaluation, Guid? RecommendingBodyId, string? RecommendingBodyName,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? WithdrawnAt, string? WithdrawalReason,
    string? DeclineReason, DateOnly? SupplementDeadline, bool SupplementDeadlineConfirmed, bool CanWithdraw, bool IsEditableByApplicant)
{
    public static ApplicationDto From(ApplicationSummary s)
    {
        var a = s.Application;
        return new ApplicationDto(a.Id, a.Version, a.Number, a.Status.ToString(), a.Status.Display(), a.CycleId, s.Cycle.Year,
            a.OrganizationId, s.Organization.Name, a.Category?.ToString(), a.ServiceName, a.ServiceScope,
            a.QmsCertificateNumber, a.QmsCertificationBody, a.QmsScope, a.QmsExpiry, a.MandatoryCertificationApplies,
            a.MandatoryCertifications.Select(c => new CertificationDto(c.Name, c.Number, c.Expiry)).ToList(),
            a.Measurements.Select(m => new MeasurementDto(m.Year, m.Body, m.BodyQualification, m.Method, m.SampleSize, m.Index, m.ReportFileId)).ToList(),
            a.DeclaresNoMajorAccident, a.DeclaresNoMajorComplaint, a.DeclaresNoSeriousViolation, a.DeclarationFileId,
            s.Outline.Categories.Select(c => new SectionDto(c.Code, c.Name,
                a.SelfEvaluation.FirstOrDefault(x => x.CriteriaCode == c.Code)?.Text ?? "", s.SectionWords(c.Code))).ToList(),
            a.RecommendingBodyId, s.RecommendingBody?.Name, a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.WithdrawnAt, a.WithdrawalReason,
            a.DeclineReason, a.SupplementDeadline, a.SupplementDeadlineConfirmed, a.CanWithdraw, a.IsEditableByApplicant);
    }
}

/// <summary>申报文件（某一版本）.</summary>
public sealed record FileDto(Guid Id, Guid LogicalId, int VersionNo, string Purpose, string Title, string FileName, string Kind,
    long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? RemovedAt, bool IsCurrent, string DownloadUrl)
{
    public static IReadOnlyList<FileDto> From(Guid applicationId, IReadOnlyList<StoredFile> files)
    {
        var current = ApplicationFiles.Current(files).Select(f => f.Id).ToHashSet();
        return files.Select(f => new FileDto(f.Id, f.LogicalId, f.VersionNo, f.Purpose, f.Title, f.FileName, f.Kind, f.Size, f.Sha256,
            f.UploadedByName, f.UploadedAt, f.RemovedAt, current.Contains(f.Id), $"/api/applications/{applicationId}/files/{f.Id}")).ToList();
    }
}

public sealed record SubmitRequest(int? Version);

public sealed record WithdrawRequest(string? Reason, int? Version);

/// <summary>
/// 草稿修改 (PUT): <see cref="Version"/> is required; every other property left out (null) keeps its value.
/// Measurements replace the list (a row keeps its report when <c>reportFileId</c> is omitted and the year is unchanged);
/// self-evaluation sections are matched by criteria code.
/// </summary>
public sealed record DraftUpdate(
    int Version, string? Category, string? ServiceName, string? ServiceScope,
    string? QmsCertificateNumber, string? QmsCertificationBody, string? QmsScope, DateOnly? QmsExpiry,
    bool? MandatoryCertificationApplies, IReadOnlyList<CertificationDto>? MandatoryCertifications,
    IReadOnlyList<MeasurementDto>? Measurements,
    bool? DeclaresNoMajorAccident, bool? DeclaresNoMajorComplaint, bool? DeclaresNoSeriousViolation,
    IReadOnlyList<SectionDto>? SelfEvaluation, Guid? RecommendingBodyId)
{
    /// <summary>Checks the shape of the update, throwing one Chinese message listing every problem.</summary>
    public void Validate()
    {
        var p = new List<string>();
        if (Category is not null && !Enum.TryParse<AwardCategory>(Category, ignoreCase: true, out _))
            p.Add("category 只能是 Enterprise（企业类）或 Service（服务类）");
        foreach (var m in Measurements ?? [])
        {
            if (m.Year is < 2000 or > 2100) p.Add($"测评年份 {m.Year} 不正确");
            if (m.Index is { } x && (x < 0 || x > 100 || decimal.Round(x, 1) != x)) p.Add($"{m.Year} 年满意度指数应在 0 到 100 之间并保留一位小数");
            if (m.SampleSize is < 1) p.Add($"{m.Year} 年样本量应为正整数");
        }
        if (Measurements is not null && Measurements.GroupBy(m => m.Year).Any(g => g.Count() > 1)) p.Add("测评年份重复，每年一行");
        if ((ServiceName?.Length ?? 0) > 200 || (ServiceScope?.Length ?? 0) > 2000) p.Add("专项服务名称不超过 200 字、服务范围不超过 2000 字");
        if (SelfEvaluation?.Any(s => (s.Text?.Length ?? 0) > 200_000) == true) p.Add("自我评价报告单个部分内容过长");
        if (p.Count > 0) throw new DomainRuleException("修改未保存：" + string.Join("；", p) + "。");
    }

    public void ApplyTo(Application a, IReadOnlyList<StoredFile> files)
    {
        if (Category is not null) a.Category = Enum.Parse<AwardCategory>(Category, ignoreCase: true);
        if (ServiceName is not null) a.ServiceName = ServiceName.Trim();
        if (ServiceScope is not null) a.ServiceScope = ServiceScope.Trim();
        if (QmsCertificateNumber is not null) a.QmsCertificateNumber = QmsCertificateNumber.Trim();
        if (QmsCertificationBody is not null) a.QmsCertificationBody = QmsCertificationBody.Trim();
        if (QmsScope is not null) a.QmsScope = QmsScope.Trim();
        if (QmsExpiry is not null) a.QmsExpiry = QmsExpiry;
        if (MandatoryCertificationApplies is { } mca) a.MandatoryCertificationApplies = mca;
        if (MandatoryCertifications is not null)
            a.MandatoryCertifications = MandatoryCertifications
                .Select(c => new MandatoryCertification { Name = c.Name?.Trim() ?? "", Number = c.Number?.Trim() ?? "", Expiry = c.Expiry }).ToList();
        if (Measurements is not null)
        {
            var reports = files.Where(f => f.Purpose == FilePurpose.MeasurementReport && !f.IsRemoved).Select(f => f.LogicalId).ToHashSet();
            a.Measurements = Measurements.Select(m => new SatisfactionMeasurement
            {
                Year = m.Year, Body = m.Body?.Trim() ?? "", BodyQualification = m.BodyQualification?.Trim() ?? "", Method = m.Method?.Trim() ?? "",
                SampleSize = m.SampleSize, Index = m.Index,
                ReportFileId = m.ReportFileId is { } r && reports.Contains(r) ? r : a.Measurements.FirstOrDefault(x => x.Year == m.Year)?.ReportFileId,
            }).ToList();
        }
        if (DeclaresNoMajorAccident is { } d1) a.DeclaresNoMajorAccident = d1;
        if (DeclaresNoMajorComplaint is { } d2) a.DeclaresNoMajorComplaint = d2;
        if (DeclaresNoSeriousViolation is { } d3) a.DeclaresNoSeriousViolation = d3;
        foreach (var s in SelfEvaluation ?? [])
        {
            var section = a.SelfEvaluation.FirstOrDefault(x => x.CriteriaCode == s.Code);
            if (section is not null && s.Text is not null) section.Text = s.Text.Replace("\r\n", "\n");
        }
    }
}
