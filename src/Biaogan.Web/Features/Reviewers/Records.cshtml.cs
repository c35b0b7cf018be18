using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 培训与工作经历: training records with certificates (stored through <see cref="FileStore"/>, OwnerType
/// "ReviewerProfile") and work periods. The office edits any profile, a reviewer their own.
/// </summary>
[Authorize(Policy = Policies.ReviewerProfileEditor)]
public sealed class RecordsModel(AppDbContext db, ReviewerAccounts accounts, ReviewerWorkflow reviewers, FileStore store, TimeProvider clock)
    : ProfilePageModel(db)
{
    private static readonly string[] CertificateKinds = ["pdf", "jpg", "png"];
    private const long MaxCertificateBytes = 10L * 1024 * 1024;

    [BindProperty] public TrainingInput Training { get; set; } = new();
    [BindProperty] public WorkInput Work { get; set; } = new();
    /// <summary>Which form was posted (“training”, “work”), so a refused form keeps its input and the other stays empty.</summary>
    public string? Posted { get; private set; }

    public ReviewerCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAddTrainingAsync(Guid? id, IFormFile? certificate, CancellationToken ct)
    {
        if (await Start(id, "training", nameof(Training), ct) is { } refused) return refused;
        // A form without any Training field binds nothing, so nothing was validated: validate the whole input here.
        if (!TryValidateModel(Training, nameof(Training))) return await ShowAsync(ct);
        var (kind, on) = (Training.Kind!.Value, Training.CompletedOn!.Value);
        ReviewerProfile.CheckTraining(kind, on, Training.Provider, clock.Today());
        var fileId = certificate is { Length: > 0 } ? (await SaveCertificateAsync(certificate, ct)).Id : (Guid?)null;
        var t = await reviewers.ChangeAsync(Profile, null, p => p.AddTraining(kind, on, Training.Provider!, Training.CertificateNumber, fileId, clock.Today()), ct);
        Flash = $"已添加培训记录：{t.Describe()}。";
        return RedirectToSelf();
    }

    public async Task<IActionResult> OnPostCertificateAsync(Guid? id, Guid trainingId, IFormFile? certificate, CancellationToken ct)
    {
        if (await Start(id, null, null, ct) is { } refused) return refused;
        if (certificate is not { Length: > 0 }) throw new DomainRuleException("请选择要上传的证书文件。");
        var training = Profile.Trainings.FirstOrDefault(t => t.Id == trainingId)
            ?? throw new DomainRuleException("该培训记录不存在或已被删除，请刷新页面。");
        var replaced = training.CertificateFileId;
        var file = await SaveCertificateAsync(certificate, ct);
        await reviewers.ChangeWithAsync(Profile, null, async p =>
        {
            p.AttachCertificate(trainingId, file.Id);
            await reviewers.RemoveFileAsync(p, replaced, ct);
            return file;
        }, ct);
        Flash = "证书已上传。";
        return RedirectToSelf();
    }

    public async Task<IActionResult> OnPostRemoveTrainingAsync(Guid? id, Guid trainingId, CancellationToken ct)
    {
        if (await Start(id, null, null, ct) is { } refused) return refused;
        var removed = await reviewers.RemoveTrainingAsync(Profile, trainingId, ct);
        Flash = $"已删除培训记录：{removed.Describe()}。";
        return RedirectToSelf();
    }

    public async Task<IActionResult> OnPostAddWorkAsync(Guid? id, CancellationToken ct)
    {
        if (await Start(id, "work", nameof(Work), ct) is { } refused) return refused;
        if (!TryValidateModel(Work, nameof(Work))) return await ShowAsync(ct);
        var w = await reviewers.ChangeAsync(Profile, null,
            p => p.AddWorkPeriod(Work.EmployerName!, Work.EmployerUscc, Work.FromYear!.Value, Work.ToYear, Work.Title!, Work.Field!.Value, clock.Today().Year), ct);
        Flash = $"已添加工作经历：{w.Describe()}。";
        return RedirectToSelf();
    }

    public async Task<IActionResult> OnPostRemoveWorkAsync(Guid? id, Guid periodId, CancellationToken ct)
    {
        if (await Start(id, null, null, ct) is { } refused) return refused;
        await reviewers.ChangeAsync(Profile, null, p => p.RemoveWorkPeriod(periodId), ct);
        Flash = "已删除该段工作经历。";
        return RedirectToSelf();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var ct = HttpContext.RequestAborted;
        Db.ChangeTracker.Clear();
        if (await LoadAsync(RouteId, ct) is { } refused) return refused;
        return await ShowAsync(ct);
    }

    /// <summary>Loads the profile and keeps only the posted form's validation (the other form was not filled in).</summary>
    private async Task<IActionResult?> Start(Guid? id, string? posted, string? prefix, CancellationToken ct)
    {
        Posted = posted;
        foreach (var key in ModelState.Keys.Where(k => prefix is null || !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Profile.EnsureEditable();
        return null;
    }

    private async Task<StoredFile> SaveCertificateAsync(IFormFile certificate, CancellationToken ct)
    {
        await using var stream = certificate.OpenReadStream();
        return await store.SaveAsync(stream, certificate.FileName,
            new UploadRequest(ReviewerCard.FileOwnerType, Profile.Id, ReviewerCard.CertificatePurpose, "培训证书", CertificateKinds, MaxCertificateBytes), ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Card = await ReviewerCard.LoadAsync(Db, accounts, Profile, clock, ct);
        return Page();
    }

    private IActionResult RedirectToSelf() => Redirect(IsOwnView ? "/Reviewers/Records" : $"/Reviewers/Records/{Profile.Id}");
}
