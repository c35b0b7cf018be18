using System.Security.Claims;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Recommendations;

/// <summary>
/// 推荐意见 (第十五条): the one path by which a recommending body recommends an application, with its signed
/// and stamped letter, or declines to — used by the review page and the API alike.
/// </summary>
public sealed class RecommendationWorkflow(AppDbContext db, ApplicationAccess access, FileStore files, ApplicationNotices notices, TimeProvider clock)
{
    /// <summary>Letter types: scans or PDFs, within the cycle's allowed types.</summary>
    private static readonly string[] LetterKinds = ["pdf", "jpg", "png"];

    /// <summary>The caller's recommending body, or null when the account is not linked to one.</summary>
    public Task<RecommendingBody?> BodyAsync(ApplicationAccess.Caller caller, CancellationToken ct = default) =>
        caller.RecommendingBodyId is { } id
            ? db.Set<RecommendingBody>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct)
            : Task.FromResult<RecommendingBody?>(null);

    /// <summary>
    /// The application if the caller's body may see it and was chosen to recommend it; otherwise nothing (the
    /// page answers 404 and the API 404, not 403: its existence is not revealed).
    /// </summary>
    public async Task<(Application? App, ApplicationAccess.Caller Caller)> FindAsync(Guid id, ClaimsPrincipal user, bool tracked,
        CancellationToken ct = default)
    {
        var caller = await access.CallerAsync(user, ct);
        var q = tracked ? db.Set<Application>() : db.Set<Application>().AsNoTracking();
        var app = await q.FirstOrDefaultAsync(a => a.Id == id, ct);
        return (app is not null && ApplicationAccess.CanView(caller, app) && ApplicationAccess.CanRecommend(caller, app) ? app : null, caller);
    }

    /// <summary>Why the body cannot act now, or null when it can.</summary>
    public static string? Blocked(RecommendingBody? body) => body?.Status switch
    {
        null => "您的账号尚未关联推荐单位，不能出具推荐意见。请联系活动办公室。",
        RecommendingBodyStatus.Pending => $"{body.Name} 的注册正在等待活动办公室审核，审核通过后才能出具推荐意见。",
        RecommendingBodyStatus.Rejected => $"{body.Name} 的注册未通过活动办公室审核（{body.RejectionReason}），不能出具推荐意见。如有疑问，请联系活动办公室。",
        _ => null,
    };

    public static IReadOnlyList<string> AllowedLetterKinds(Cycle cycle)
    {
        var allowed = LetterKinds.Intersect(cycle.Settings.AllowedFileTypeList).ToList();
        return allowed.Count > 0 ? allowed : ["pdf"];
    }

    /// <summary>Recommends a tracked application whose page showed <paramref name="version"/>, storing the letter, and saves.</summary>
    public async Task RecommendAsync(Application app, int version, string? opinion, Stream? letter, string? letterName,
        ApplicationAccess.Caller caller, CancellationToken ct = default)
    {
        var body = await EnsureMayActAsync(app, caller, ct);
        app.EnsureAllowed(ApplicationAction.Recommend);
        if (string.IsNullOrWhiteSpace(opinion)) throw new DomainRuleException("请填写推荐意见。");
        if (letter is null || string.IsNullOrWhiteSpace(letterName))
            throw new DomainRuleException("请上传签字盖章的推荐函（PDF 文件或 JPG、PNG 扫描件）。");
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
        var stored = await files.SaveAsync(letter, letterName, new UploadRequest(ApplicationFiles.OwnerType, app.Id,
            FilePurpose.RecommendationLetter, "推荐函", AllowedLetterKinds(cycle), cycle.Settings.MaxFileSizeMb * 1024L * 1024L), ct);

        db.Entry(app).Property(a => a.Version).OriginalValue = version;
        app.Recommend(opinion, stored.LogicalId, caller.UserId, clock.GetUtcNow());

        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == app.OrganizationId, ct);
        await notices.ToOrganizationAsync(app, DefaultTemplates.Recommended, new Dictionary<string, string>
        {
            ["推荐单位"] = body.Name, ["申报编号"] = app.Number ?? "",
        }, $"/Qualification/Supplement/{app.Id}", ct);
        await notices.ToOfficeAsync(DefaultTemplates.QualificationQueued, new Dictionary<string, string>
        {
            ["推荐单位"] = body.Name, ["组织名称"] = organization?.Name ?? "", ["申报编号"] = app.Number ?? "",
            ["类别"] = app.Category is { } c ? Cycle.CategoryDisplay(c) : "",
        }, $"/Qualification/Review/{app.Id}", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Declines to recommend a tracked application (reason required) and saves.</summary>
    public async Task DeclineAsync(Application app, int version, string? reason, ApplicationAccess.Caller caller, CancellationToken ct = default)
    {
        var body = await EnsureMayActAsync(app, caller, ct);
        db.Entry(app).Property(a => a.Version).OriginalValue = version;
        app.DeclineRecommendation(reason ?? "", caller.UserId, clock.GetUtcNow());
        await notices.ToOrganizationAsync(app, DefaultTemplates.RecommendationDeclined, new Dictionary<string, string>
        {
            ["推荐单位"] = body.Name, ["申报编号"] = app.Number ?? "", ["理由"] = app.DeclineReason ?? "",
        }, $"/Applications/Edit/{app.Id}", ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<RecommendingBody> EnsureMayActAsync(Application app, ApplicationAccess.Caller caller, CancellationToken ct)
    {
        if (!ApplicationAccess.CanRecommend(caller, app))
            throw new DomainRuleException("只有申报组织选择的推荐单位可以出具推荐意见。");
        var body = await BodyAsync(caller, ct);
        if (Blocked(body) is { } message) throw new DomainRuleException(message);
        return body!;
    }
}
