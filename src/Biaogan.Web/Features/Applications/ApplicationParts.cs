namespace Biaogan.Web.Features.Applications;

/// <summary>第三方满意度测评 of one year (第十四条第三项).</summary>
public sealed class SatisfactionMeasurement
{
    public int Year { get; set; }
    /// <summary>测评机构.</summary>
    public string Body { get; set; } = "";
    /// <summary>测评机构资质 (e.g. 资质证书编号).</summary>
    public string BodyQualification { get; set; } = "";
    /// <summary>测评方法/依据标准 (GB/T 19038/19039, CAQ 规范).</summary>
    public string Method { get; set; } = "";
    public int? SampleSize { get; set; }
    /// <summary>满意度指数 0–100, one decimal.</summary>
    public decimal? Index { get; set; }
    /// <summary>测评报告 file (logical file id).</summary>
    public Guid? ReportFileId { get; set; }
}

/// <summary>强制性产品认证 (第十四条第二项), where the organisation's products require one.</summary>
public sealed class MandatoryCertification
{
    public string Name { get; set; } = "";
    public string Number { get; set; } = "";
    public DateOnly? Expiry { get; set; }
}

/// <summary>One 自我评价报告 section, written against one category of the cycle's evaluation standard.</summary>
public sealed class SelfEvaluationSection
{
    public string CriteriaCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
}
