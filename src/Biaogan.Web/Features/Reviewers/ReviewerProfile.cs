using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>评审员状态 — candidate, appointed by the leading group (第十二条), suspended, or revoked (第二十八条).</summary>
public enum ReviewerStatus
{
    /// <summary>候选</summary>
    Candidate,
    /// <summary>已聘用</summary>
    Appointed,
    /// <summary>暂停</summary>
    Suspended,
    /// <summary>已撤销资格</summary>
    Revoked,
}

/// <summary>The office's recorded judgement of a 第十一条 condition that documents alone cannot show.</summary>
public sealed class OfficeJudgement
{
    public bool? Met { get; set; }
    public string? Note { get; set; }
    public string? JudgedBy { get; set; }
    public DateTimeOffset? JudgedAt { get; set; }

    public bool IsRecorded => Met is not null;
}

/// <summary>The background a reviewer or the office fills in: education, expertise, region and 优先 facts.</summary>
public sealed record ReviewerBackground(
    EducationLevel? EducationLevel, string? Institution, string? Major, int? GraduationYear,
    IReadOnlyList<string> Industries, string? ProvinceCode,
    bool SatisfactionProgrammeExperience, bool AwardReviewExperience);

/// <summary>
/// 评审员档案 — a person in the reviewer pool (第四章). The profile may exist before the person has an
/// account (a candidate the office found); <see cref="UserId"/> links it once the office invites them.
/// Education, trainings and work history feed the item-by-item check of 第十一条 (<see cref="ReviewerEligibility"/>).
/// </summary>
public sealed partial class ReviewerProfile : Entity
{
    public const int EarliestYear = 1950;

    public string Name { get; private set; } = "";
    /// <summary>Lower-case; the invitation goes to this address.</summary>
    public string Email { get; private set; } = "";
    public string Phone { get; private set; } = "";
    /// <summary>The AppUser (role 评审员) of this reviewer, once invited.</summary>
    public string? UserId { get; private set; }
    public ReviewerStatus Status { get; private set; } = ReviewerStatus.Candidate;
    public DateTimeOffset CreatedAt { get; private set; }

    public EducationLevel? EducationLevel { get; private set; }
    /// <summary>毕业院校</summary>
    public string? Institution { get; private set; }
    /// <summary>所学专业</summary>
    public string? Major { get; private set; }
    public int? GraduationYear { get; private set; }

    /// <summary>熟悉的行业: GB/T 4754-2017 门类 letters and 大类 two-digit codes.</summary>
    public List<string> Industries { get; private set; } = [];
    /// <summary>所在省份 (GB/T 2260 two-digit code).</summary>
    public string? ProvinceCode { get; private set; }
    /// <summary>在企业负责用户满意工程推进工作的经历 (第十一条第四项 优先).</summary>
    public bool SatisfactionProgrammeExperience { get; private set; }
    /// <summary>地方、行业奖项评审经历 (第十一条第四项 优先).</summary>
    public bool AwardReviewExperience { get; private set; }

    /// <summary>第十一条第一项: 贯彻方针政策、熟悉法律法规 — the office's judgement.</summary>
    public OfficeJudgement Conduct { get; private set; } = new();
    /// <summary>第十一条第五项: 评审能力 — the office's judgement where no review-method training shows it.</summary>
    public OfficeJudgement Ability { get; private set; } = new();

    public List<ReviewerTraining> Trainings { get; private set; } = [];
    public List<ReviewerWorkPeriod> WorkPeriods { get; private set; } = [];
    public List<ReviewerSanction> Sanctions { get; private set; } = [];

    private ReviewerProfile() { }

    public ReviewerProfile(string name, string email, string phone, DateTimeOffset now)
    {
        SetContact(name, email, phone);
        CreatedAt = now;
        RecordAction("建立评审员候选档案");
    }

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>Name, e-mail and phone; the e-mail is fixed once an account is linked (it is the login).</summary>
    public void UpdateContact(string name, string email, string phone)
    {
        EnsureEditable();
        if (UserId is not null && NormalizeEmail(email) != Email)
            throw new DomainRuleException("该评审员已开通账号，电子邮箱即登录账号，不能在档案中修改。如需更换，请评审员在“账号设置”中自行修改。");
        SetContact(name, email, phone);
    }

    private void SetContact(string name, string email, string phone)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add("请填写姓名");
        if (!NormalizeEmail(email).Contains('@')) problems.Add("请填写有效的电子邮箱");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        Name = name.Trim();
        Email = NormalizeEmail(email);
        Phone = (phone ?? "").Trim();
    }

    /// <summary>Education, expertise industries, region and the 优先 facts, checked against the catalogues.</summary>
    public void UpdateBackground(ReviewerBackground b, int currentYear)
    {
        EnsureEditable();
        var problems = new List<string>();
        if (b.GraduationYear is { } y && (y < EarliestYear || y > currentYear))
            problems.Add($"毕业年份应在 {EarliestYear} 年至 {currentYear} 年之间");
        if (b.EducationLevel is { } level && !Enum.IsDefined(level)) problems.Add("请从列表中选择学历");
        var codes = b.Industries.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var unknown = codes.Where(c => IndustryCatalog.FindSection(c) is null && IndustryCatalog.FindDivision(c) is null).ToList();
        if (unknown.Count > 0) problems.Add($"行业代码 {string.Join("、", unknown)} 不在 GB/T 4754-2017 中，请从列表中选择");
        var province = string.IsNullOrWhiteSpace(b.ProvinceCode) ? null : b.ProvinceCode.Trim();
        if (province is not null && RegionCatalog.FindProvince(province) is null) problems.Add("请从列表中选择所在省份");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");

        EducationLevel = b.EducationLevel;
        Institution = Clean(b.Institution);
        Major = Clean(b.Major);
        GraduationYear = b.GraduationYear;
        // A 大类 whose 门类 is also chosen adds nothing; keep the list short and ordered as in the standard.
        Industries = codes.Where(c => IndustryCatalog.FindDivision(c) is not { } d || !codes.Contains(d.SectionCode))
            .OrderBy(c => IndustryCatalog.FindDivision(c)?.SectionCode ?? c).ThenBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).ToList();
        ProvinceCode = province;
        SatisfactionProgrammeExperience = b.SatisfactionProgrammeExperience;
        AwardReviewExperience = b.AwardReviewExperience;
        RecordAction("修改学历、行业专长、地区等档案信息");
    }

    public ReviewerTraining AddTraining(TrainingKind kind, DateOnly completedOn, string provider, string? certificateNumber,
        Guid? certificateFileId, DateOnly today)
    {
        EnsureEditable();
        CheckTraining(kind, completedOn, provider, today);
        var training = new ReviewerTraining(Id, kind, completedOn, provider.Trim(), Clean(certificateNumber), certificateFileId);
        Trainings.Add(training);
        return training;
    }

    /// <summary>The rules of a training record, checked before its certificate is stored.</summary>
    public static void CheckTraining(TrainingKind kind, DateOnly completedOn, string? provider, DateOnly today)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(kind)) problems.Add("请选择培训类别");
        if (completedOn > today) problems.Add("培训日期不能晚于今天：尚未参加的培训不能作为资格条件");
        if (completedOn.Year < EarliestYear) problems.Add($"培训日期应在 {EarliestYear} 年以后");
        if (string.IsNullOrWhiteSpace(provider)) problems.Add("请填写培训机构");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
    }

    public void AttachCertificate(Guid trainingId, Guid fileId)
    {
        EnsureEditable();
        Find(Trainings, trainingId, "培训记录").AttachCertificate(fileId);
    }

    public ReviewerTraining RemoveTraining(Guid trainingId)
    {
        EnsureEditable();
        var training = Find(Trainings, trainingId, "培训记录");
        training.MarkRemoved();
        Trainings.Remove(training);
        return training;
    }

    public ReviewerWorkPeriod AddWorkPeriod(string employerName, string? employerUscc, int fromYear, int? toYear,
        string title, WorkField field, int currentYear)
    {
        EnsureEditable();
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(employerName)) problems.Add("请填写工作单位名称");
        string? uscc = null;
        if (!string.IsNullOrWhiteSpace(employerUscc))
        {
            var check = Uscc.Validate(employerUscc);
            if (check.IsValid) uscc = check.Code;
            else problems.Add("工作单位统一社会信用代码有误：" + check.Error!.TrimEnd('。'));
        }
        if (fromYear < EarliestYear || fromYear > currentYear) problems.Add($"起始年份应在 {EarliestYear} 年至 {currentYear} 年之间");
        if (toYear is { } to && (to < fromYear || to > currentYear))
            problems.Add($"截止年份应不早于起始年份、不晚于 {currentYear} 年；仍在该单位工作的请选“至今”");
        if (string.IsNullOrWhiteSpace(title)) problems.Add("请填写职务或职称");
        if (!Enum.IsDefined(field)) problems.Add("请选择工作领域");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        var period = new ReviewerWorkPeriod(Id, employerName.Trim(), uscc, fromYear, toYear, title.Trim(), field);
        WorkPeriods.Add(period);
        return period;
    }

    public void RemoveWorkPeriod(Guid periodId)
    {
        EnsureEditable();
        var period = Find(WorkPeriods, periodId, "工作经历");
        period.MarkRemoved();
        WorkPeriods.Remove(period);
    }

    /// <summary>The office records its judgement of 第十一条第一项 (conduct) or 第五项 (ability), with a note.</summary>
    public void RecordJudgement(EligibilityCondition condition, bool met, string note, string judgedBy, DateTimeOffset now)
    {
        EnsureEditable();
        if (condition is not (EligibilityCondition.Conduct or EligibilityCondition.Ability))
            throw new DomainRuleException("只有第十一条第一项和第五项需要活动办公室判定，其余各项由档案内容自动核对。");
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainRuleException("请填写判定说明（依据什么材料或了解的什么情况作出判定）。");
        var judgement = condition == EligibilityCondition.Conduct ? Conduct : Ability;
        judgement.Met = met;
        judgement.Note = note.Trim();
        judgement.JudgedBy = judgedBy;
        judgement.JudgedAt = now;
        RecordAction($"判定{ReviewerEligibility.Title(condition)}：{(met ? "符合" : "不符合")}");
    }

    /// <summary>Links the account the office invited (or an existing 评审员 account with the same e-mail).</summary>
    public void LinkAccount(string userId)
    {
        if (UserId is not null)
            throw new DomainRuleException("该评审员档案已关联账号，无需再次邀请。");
        UserId = userId;
        RecordAction("关联评审员账号");
    }

    public bool IsEditable => Status != ReviewerStatus.Revoked;

    public void EnsureEditable()
    {
        if (!IsEditable)
            throw new DomainRuleException("该评审员的资格已被撤销，档案仅供查阅，不能再修改。");
    }

    private static T Find<T>(List<T> rows, Guid id, string what) where T : Entity =>
        rows.FirstOrDefault(r => r.Id == id) ?? throw new DomainRuleException($"该{what}不存在或已被删除，请刷新页面。");

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
