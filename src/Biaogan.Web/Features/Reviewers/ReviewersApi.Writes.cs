using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// The pool's page actions in the JSON API: a candidate's profile (/Reviewers/Create, /Reviewers/Edit), its records
/// (/Reviewers/Records), the office's judgements, invitation and nomination (/Reviewers/Details), the leading group's
/// appointment decisions (/Reviewers/Decisions) and the pool's settings (/Reviewers/Settings) — the same rules and the
/// same workflow as the pages. Enumerations are given by name (e.g. educationLevel "Bachelor").
/// </summary>
public static partial class ReviewersApi
{
    public sealed record ProfileRequest(string? Name, string? Email, string? Phone);

    /// <summary>Contact (office only; a reviewer's own edit leaves it out) and background, with the profile's version.</summary>
    public sealed record EditRequest(string? Name, string? Email, string? Phone, string? EducationLevel, string? Institution,
        string? Major, int? GraduationYear, List<string>? Industries, string? ProvinceCode,
        bool SatisfactionProgrammeExperience, bool AwardReviewExperience, int Version);

    public sealed record JudgementRequest(string? Condition, bool? Met, string? Note, int Version);

    public sealed record NoteRequest(string? Note, int Version);

    public sealed record TermRequest(DateOnly? AppointedOn, DateOnly? TermEndsOn, string? Note, int Version);

    public sealed record DeclineRequest(string? Reason, int Version);

    public sealed record SettingsRequest(int? MinimumExperienceYears, int? DefaultTermYears, int Version);

    public sealed record SettingsDto(int MinimumExperienceYears, int DefaultTermYears, int Version);

    public sealed record TrainingRequest(string? Kind, DateOnly? CompletedOn, string? Provider, string? CertificateNumber);

    public sealed record WorkRequest(string? EmployerName, string? EmployerUscc, int? FromYear, int? ToYear, string? Title, string? Field);

    private static void MapProfileWrites(RouteGroupBuilder api)
    {
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.Office)
            .WithSummary("新增候选人档案：姓名、电子邮箱、联系电话（活动办公室）");
        api.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Policies.ReviewerProfileEditor)
            .WithSummary("编辑档案：活动办公室可改联系方式和背景，评审员只能改本人的学历、专业、行业和地区");
        api.MapPost("/{id:guid}/trainings", AddTrainingAsync).RequireAuthorization(Policies.ReviewerProfileEditor)
            .WithSummary("添加培训记录（kind: EvaluationStandard 准则培训 / ReviewMethod 评审方法培训）；证书文件请在培训与工作经历页面上传");
        api.MapDelete("/{id:guid}/trainings/{trainingId:guid}", RemoveTrainingAsync).RequireAuthorization(Policies.ReviewerProfileEditor)
            .WithSummary("删除培训记录（其证书文件标记为已删除，历史保留）");
        api.MapPost("/{id:guid}/work", AddWorkAsync).RequireAuthorization(Policies.ReviewerProfileEditor)
            .WithSummary("添加工作经历（field: Management 经营、Sales 销售、CustomerRelations 顾客关系管理、QualityManagement 质量管理、Technology 技术、Other 其他）");
        api.MapDelete("/{id:guid}/work/{periodId:guid}", RemoveWorkAsync).RequireAuthorization(Policies.ReviewerProfileEditor)
            .WithSummary("删除一段工作经历");
        api.MapPost("/{id:guid}/judgements", JudgeAsync).RequireAuthorization(Policies.Office)
            .WithSummary("记录对第十一条第一项（condition: Conduct）或第五项（Ability）的判定及说明（活动办公室）");
        api.MapPost("/{id:guid}/invite", InviteAsync).RequireAuthorization(Policies.Office)
            .WithSummary("向候选人发送评审员账号邀请，或关联其现有账号（活动办公室）");
        api.MapPost("/{id:guid}/nominate", NominateAsync).RequireAuthorization(Policies.Office)
            .WithSummary("提请领导小组审议聘用（活动办公室）");
        api.MapPost("/{id:guid}/appoint", AppointAsync).RequireAuthorization(Policies.ReviewerAppointment)
            .WithSummary("聘用为评审员并确定任期（第十二条，领导小组）");
        api.MapPost("/{id:guid}/decline", DeclineAsync).RequireAuthorization(Policies.ReviewerAppointment)
            .WithSummary("暂不聘用并说明理由（领导小组）");
        api.MapPost("/{id:guid}/renew", RenewAsync).RequireAuthorization(Policies.ReviewerAppointment)
            .WithSummary("续聘并确定新任期（领导小组）");
        api.MapGet("/settings", SettingsAsync).RequireAuthorization(Policies.ReviewerPoolStaff)
            .WithSummary("评审员库设置：第十一条第四项要求的工作经历年限和默认聘期");
        api.MapPut("/settings", SaveSettingsAsync).RequireAuthorization(Policies.Office)
            .WithSummary("修改评审员库设置（活动办公室）");
    }

    private static async Task<Results<Created<ReviewerDto>, ValidationProblem, RuleProblem>> CreateAsync(ProfileRequest body,
        ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var input = new ContactInput { Name = body.Name ?? "", Email = body.Email ?? "", Phone = body.Phone };
        if (ApiValidation.Errors(input) is { } errors) return ApiValidation.Problem(errors);
        if (await reviewers.EmailInUseAsync(input.Email, null, ct))
            return new RuleProblem("电子邮箱已有档案", $"电子邮箱 {ReviewerProfile.NormalizeEmail(input.Email)} 已有评审员档案，请在评审员库中查找，不要重复建档。");
        var profile = await reviewers.CreateAsync(input.Name, input.Email, input.Phone ?? "", ct);
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        return TypedResults.Created($"/api/reviewers/{profile.Id}", Dto(profile, settings.For(clock.Today())));
    }

    private static async Task<Results<Ok<ReviewerDto>, ValidationProblem, NotFoundProblem, ForbiddenProblem, RuleProblem>> EditAsync(
        Guid id, EditRequest body, ClaimsPrincipal user, ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await EditableAsync(id, user, db, ct) is not { } profile) return ProfileNotFound();
        profile.EnsureEditable();
        // The office edits the contact of any profile; a reviewer never changes their own e-mail or name here.
        var editsContact = user.IsOffice() && !ReviewerProfileAccess.IsOwn(user, profile);
        var contact = new ContactInput { Name = body.Name ?? "", Email = body.Email ?? "", Phone = body.Phone };
        if (!EnumByName<EducationLevel>(body.EducationLevel, out var education))
            return new RuleProblem("学历不正确", "educationLevel 请填写 CollegeOrBelow、Bachelor、Master 或 Doctorate，或留空。");
        var background = new BackgroundInput
        {
            EducationLevel = education, Institution = body.Institution, Major = body.Major, GraduationYear = body.GraduationYear,
            Industries = body.Industries ?? [], ProvinceCode = body.ProvinceCode,
            SatisfactionProgrammeExperience = body.SatisfactionProgrammeExperience, AwardReviewExperience = body.AwardReviewExperience,
        };
        var errors = ApiValidation.Errors(background) ?? [];
        if (editsContact && ApiValidation.Errors(contact) is { } contactErrors) foreach (var e in contactErrors) errors[e.Key] = e.Value;
        if (errors.Count > 0) return ApiValidation.Problem(errors);
        if (editsContact)
        {
            if (await reviewers.EmailInUseAsync(contact.Email, profile.Id, ct))
                return new RuleProblem("电子邮箱已被使用", $"电子邮箱 {ReviewerProfile.NormalizeEmail(contact.Email)} 已用于另一份评审员档案，请核对。");
        }
        await reviewers.ChangeAsync(profile, body.Version, p =>
        {
            if (editsContact) p.UpdateContact(contact.Name, contact.Email, contact.Phone ?? "");
            p.UpdateBackground(background.ToBackground(), clock.Today().Year);
        }, ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, ValidationProblem, NotFoundProblem, ForbiddenProblem, RuleProblem>> AddTrainingAsync(
        Guid id, TrainingRequest body, ClaimsPrincipal user, ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await EditableAsync(id, user, db, ct) is not { } profile) return ProfileNotFound();
        profile.EnsureEditable();
        if (!EnumByName<TrainingKind>(body.Kind, out var kind) || kind is null)
            return new RuleProblem("培训类别不正确", "kind 请填写 EvaluationStandard（准则培训）或 ReviewMethod（评审方法培训）。");
        var input = new TrainingInput { Kind = kind, CompletedOn = body.CompletedOn, Provider = body.Provider, CertificateNumber = body.CertificateNumber };
        if (ApiValidation.Errors(input) is { } errors) return ApiValidation.Problem(errors);
        ReviewerProfile.CheckTraining(kind.Value, input.CompletedOn!.Value, input.Provider, clock.Today());
        await reviewers.ChangeAsync(profile, null,
            p => p.AddTraining(kind.Value, input.CompletedOn!.Value, input.Provider!, input.CertificateNumber, null, clock.Today()), ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> RemoveTrainingAsync(
        Guid id, Guid trainingId, ClaimsPrincipal user, ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await EditableAsync(id, user, db, ct) is not { } profile) return ProfileNotFound();
        profile.EnsureEditable();
        await reviewers.RemoveTrainingAsync(profile, trainingId, ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, ValidationProblem, NotFoundProblem, RuleProblem>> AddWorkAsync(
        Guid id, WorkRequest body, ClaimsPrincipal user, ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await EditableAsync(id, user, db, ct) is not { } profile) return ProfileNotFound();
        profile.EnsureEditable();
        if (!EnumByName<WorkField>(body.Field, out var field) || field is null)
            return new RuleProblem("工作领域不正确", "field 请填写工作领域的名称，例如 Management、Sales、CustomerRelations 或 QualityManagement。");
        var input = new WorkInput
        {
            EmployerName = body.EmployerName, EmployerUscc = body.EmployerUscc, FromYear = body.FromYear, ToYear = body.ToYear,
            Title = body.Title, Field = field,
        };
        if (ApiValidation.Errors(input) is { } errors) return ApiValidation.Problem(errors);
        await reviewers.ChangeAsync(profile, null, p => p.AddWorkPeriod(input.EmployerName!, input.EmployerUscc, input.FromYear!.Value,
            input.ToYear, input.Title!, input.Field!.Value, clock.Today().Year), ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> RemoveWorkAsync(
        Guid id, Guid periodId, ClaimsPrincipal user, ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await EditableAsync(id, user, db, ct) is not { } profile) return ProfileNotFound();
        profile.EnsureEditable();
        await reviewers.ChangeAsync(profile, null, p => p.RemoveWorkPeriod(periodId), ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, ValidationProblem, NotFoundProblem, RuleProblem>> JudgeAsync(Guid id, JudgementRequest body,
        ReviewerWorkflow reviewers, CurrentActor actor, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        if (!EnumByName<EligibilityCondition>(body.Condition, out var condition) || condition is null)
            return new RuleProblem("条件不正确", "condition 请填写第十一条中需要人工判定的条件名称，Conduct（第一项）或 Ability（第五项）。");
        var input = new DetailsModel.JudgementInput { Condition = condition.Value, Met = body.Met, Note = body.Note };
        if (ApiValidation.Errors(input) is { } errors) return ApiValidation.Problem(errors);
        await reviewers.ChangeAsync(profile, body.Version,
            p => p.RecordJudgement(input.Condition, input.Met!.Value, input.Note ?? "", actor.Name, clock.GetUtcNow()), ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> InviteAsync(Guid id, VersionRequest body,
        ReviewerWorkflow reviewers, ReviewerAccounts accounts, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        await reviewers.ChangeWithAsync(profile, body.Version, p => accounts.InviteOrLinkAsync(p, ct), ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> NominateAsync(Guid id, NoteRequest body,
        ReviewerWorkflow reviewers, CurrentActor actor, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        await reviewers.ChangeAsync(profile, body.Version, p => p.Nominate(settings.For(clock.Today()), actor.Name, body.Note, clock.GetUtcNow()), ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> AppointAsync(Guid id, TermRequest body,
        ReviewerWorkflow reviewers, CurrentActor actor, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TermAsync(id, body, db, clock, ct, (p, s, on, end) =>
            reviewers.ChangeAsync(p, body.Version, x => x.Appoint(s, on, end, actor.Name, body.Note, clock.GetUtcNow()), ct));

    private static Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> RenewAsync(Guid id, TermRequest body,
        ReviewerWorkflow reviewers, CurrentActor actor, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TermAsync(id, body, db, clock, ct, (p, s, on, end) =>
            reviewers.ChangeAsync(p, body.Version, x => x.Renew(s, on, end, actor.Name, body.Note, clock.GetUtcNow()), ct));

    /// <summary>聘用 or 续聘: both need the first day and the last day of the term.</summary>
    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> TermAsync(Guid id, TermRequest body, AppDbContext db,
        TimeProvider clock, CancellationToken ct, Func<ReviewerProfile, EligibilitySettings, DateOnly, DateOnly, Task> decide)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        if (body.AppointedOn is not { } on || body.TermEndsOn is not { } end)
            return new RuleProblem("缺少任期", "请填写 appointedOn（聘用或续聘起始日期）和 termEndsOn（任期届满日期），格式 yyyy-MM-dd。");
        if (body.Note is { Length: > 1000 }) return new RuleProblem("说明过长", "说明不能超过1000个字。");
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        await decide(profile, settings.For(clock.Today()), on, end);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> DeclineAsync(Guid id, DeclineRequest body,
        ReviewerWorkflow reviewers, CurrentActor actor, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        if (body.Reason is { Length: > 1000 }) return new RuleProblem("理由过长", "理由不能超过1000个字。");
        await reviewers.ChangeAsync(profile, body.Version, p => p.Decline(body.Reason ?? "", actor.Name, clock.GetUtcNow()), ct);
        return TypedResults.Ok(await ProfileDtoAsync(db, profile, clock, ct));
    }

    private static async Task<Ok<SettingsDto>> SettingsAsync(AppDbContext db, CancellationToken ct)
    {
        var s = await ReviewerPool.SettingsAsync(db, ct);
        return TypedResults.Ok(new SettingsDto(s.MinimumExperienceYears, s.DefaultTermYears, s.Version));
    }

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem>> SaveSettingsAsync(SettingsRequest body, ReviewerWorkflow reviewers,
        AppDbContext db, CancellationToken ct)
    {
        var input = new SettingsModel.SettingsInput
        {
            MinimumExperienceYears = body.MinimumExperienceYears, DefaultTermYears = body.DefaultTermYears, Version = body.Version,
        };
        if (ApiValidation.Errors(input) is { } errors) return ApiValidation.Problem(errors);
        await reviewers.SaveSettingsAsync(input.MinimumExperienceYears!.Value, input.DefaultTermYears!.Value, input.Version, ct);
        return await SettingsAsync(db, ct);
    }

    /// <summary>The profile as saved (the tracked entity carries the change and its new version).</summary>
    private static async Task<ReviewerDto> ProfileDtoAsync(AppDbContext db, ReviewerProfile saved, TimeProvider clock, CancellationToken ct) =>
        Dto(saved, (await ReviewerPool.SettingsAsync(db, ct)).For(clock.Today()));

    /// <summary>The profile if the caller may change it (the office any, a reviewer their own); null answers 404.</summary>
    private static async Task<ReviewerProfile?> EditableAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        await ReviewerPool.FindAsync(db, id, ct) is { } p && ReviewerProfileAccess.CanEdit(user, p) ? p : null;

    /// <summary>An enumeration given by its name; empty is null; a number or an unknown name is refused.</summary>
    private static bool EnumByName<T>(string? name, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(name)) return true;
        if (int.TryParse(name, out _) || !Enum.TryParse<T>(name.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        value = parsed;
        return true;
    }
}
