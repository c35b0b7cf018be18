using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>学历 — the highest education a reviewer has completed (第十一条第二项).</summary>
public enum EducationLevel
{
    /// <summary>大专及以下</summary>
    CollegeOrBelow,
    /// <summary>大学本科</summary>
    Bachelor,
    /// <summary>硕士研究生</summary>
    Master,
    /// <summary>博士研究生</summary>
    Doctorate,
}

/// <summary>The two trainings 第十一条第三项 requires.</summary>
public enum TrainingKind
{
    /// <summary>T/CAQ 10301《顾客关系管理评价准则》团体标准培训</summary>
    EvaluationStandard,
    /// <summary>评审方法培训 (also evidence of 第五项 评审能力)</summary>
    ReviewMethod,
}

/// <summary>The professional field of a work period; 第十一条第四项 counts all but <see cref="Other"/>.</summary>
public enum WorkField
{
    /// <summary>经营</summary>
    Management,
    /// <summary>销售</summary>
    Sales,
    /// <summary>顾客关系管理</summary>
    CustomerRelations,
    /// <summary>质量管理</summary>
    QualityManagement,
    /// <summary>技术</summary>
    Technology,
    /// <summary>其他</summary>
    Other,
}

/// <summary>第二十八条: 批评、警告，直至撤销评审员资格.</summary>
public enum SanctionKind
{
    /// <summary>批评</summary>
    Criticism,
    /// <summary>警告</summary>
    Warning,
    /// <summary>撤销评审员资格</summary>
    Revocation,
}

/// <summary>Chinese names of the reviewer pool's enumerations.</summary>
public static class ReviewerTerms
{
    public static string Display(this EducationLevel level) => level switch
    {
        EducationLevel.CollegeOrBelow => "大专及以下",
        EducationLevel.Bachelor => "大学本科",
        EducationLevel.Master => "硕士研究生",
        _ => "博士研究生",
    };

    public static string Display(this TrainingKind kind) => kind switch
    {
        TrainingKind.EvaluationStandard => "T/CAQ 10301《顾客关系管理评价准则》培训",
        _ => "评审方法培训",
    };

    public static string Display(this WorkField field) => field switch
    {
        WorkField.Management => "经营",
        WorkField.Sales => "销售",
        WorkField.CustomerRelations => "顾客关系管理",
        WorkField.QualityManagement => "质量管理",
        WorkField.Technology => "技术",
        _ => "其他",
    };

    public static string Display(this SanctionKind kind) => kind switch
    {
        SanctionKind.Criticism => "批评",
        SanctionKind.Warning => "警告",
        _ => "撤销评审员资格",
    };

    public static string Display(this ReviewerStatus status) => status switch
    {
        ReviewerStatus.Candidate => "候选",
        ReviewerStatus.Appointed => "已聘用",
        ReviewerStatus.Suspended => "暂停",
        _ => "已撤销资格",
    };

    /// <summary>第十一条第四项 counts 经营、销售、顾客关系管理、质量管理、技术 work.</summary>
    public static bool IsRelevant(this WorkField field) => field != WorkField.Other;
}

/// <summary>One training record (培训记录) of a reviewer, with its certificate.</summary>
public sealed class ReviewerTraining : Entity
{
    public Guid ProfileId { get; private set; }
    public TrainingKind Kind { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    /// <summary>培训机构</summary>
    public string Provider { get; private set; } = "";
    /// <summary>证书编号 (not every course issues one).</summary>
    public string? CertificateNumber { get; private set; }
    /// <summary>The <c>StoredFile.Id</c> of the certificate scan (OwnerType "ReviewerProfile").</summary>
    public Guid? CertificateFileId { get; private set; }

    public override (string Type, Guid Id) AuditSubject => (nameof(ReviewerProfile), ProfileId);

    private ReviewerTraining() { }

    internal ReviewerTraining(Guid profileId, TrainingKind kind, DateOnly completedOn, string provider, string? certificateNumber, Guid? fileId)
    {
        ProfileId = profileId;
        Kind = kind;
        CompletedOn = completedOn;
        Provider = provider;
        CertificateNumber = certificateNumber;
        CertificateFileId = fileId;
        RecordAction($"添加培训记录：{Describe()}");
    }

    public string Describe() => $"{Kind.Display()}（{CompletedOn:yyyy-MM-dd}，{Provider}）";

    internal void AttachCertificate(Guid fileId)
    {
        CertificateFileId = fileId;
        RecordAction($"上传培训证书：{Describe()}");
    }

    internal void MarkRemoved() => RecordAction($"删除培训记录：{Describe()}");
}

/// <summary>One period of a reviewer's work history (工作经历), counted by years.</summary>
public sealed class ReviewerWorkPeriod : Entity
{
    public Guid ProfileId { get; private set; }
    public string EmployerName { get; private set; } = "";
    /// <summary>The employer's 统一社会信用代码 where known; used later to find conflicts of interest.</summary>
    public string? EmployerUscc { get; private set; }
    public int FromYear { get; private set; }
    /// <summary>Null while the reviewer still works there (至今).</summary>
    public int? ToYear { get; private set; }
    /// <summary>职务或职称</summary>
    public string Title { get; private set; } = "";
    public WorkField Field { get; private set; }

    public override (string Type, Guid Id) AuditSubject => (nameof(ReviewerProfile), ProfileId);

    private ReviewerWorkPeriod() { }

    internal ReviewerWorkPeriod(Guid profileId, string employerName, string? employerUscc, int fromYear, int? toYear, string title, WorkField field)
    {
        ProfileId = profileId;
        EmployerName = employerName;
        EmployerUscc = employerUscc;
        FromYear = fromYear;
        ToYear = toYear;
        Title = title;
        Field = field;
        RecordAction($"添加工作经历：{Describe()}");
    }

    public string Years => $"{FromYear}—{(ToYear is { } to ? to.ToString() : "至今")}";

    public string Describe() => $"{Years} {EmployerName} {Title}（{Field.Display()}）";

    internal void MarkRemoved() => RecordAction($"删除工作经历：{Describe()}");
}

/// <summary>A disciplinary measure of 第二十八条, recorded with its reason and date.</summary>
public sealed class ReviewerSanction : Entity
{
    public Guid ProfileId { get; private set; }
    public SanctionKind Kind { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public override (string Type, Guid Id) AuditSubject => (nameof(ReviewerProfile), ProfileId);

    private ReviewerSanction() { }

    internal ReviewerSanction(Guid profileId, SanctionKind kind, DateOnly decidedOn, string reason, string recordedBy, DateTimeOffset now)
    {
        ProfileId = profileId;
        Kind = kind;
        DecidedOn = decidedOn;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedAt = now;
        RecordAction($"给予{kind.Display()}处分");
    }
}
