using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Sharing;

/// <summary>
/// 经验案例: the organisation drafts, revises and submits what it chooses to publish (only its own awards, never a revoked one);
/// the office approves — the public page shows it at once on every node (<see cref="PublicVersion"/>) — returns it with a reason,
/// or withdraws a published one. The office hears of each submission, the organisation of each decision (mail and 站内信).
/// </summary>
public sealed class PracticeWorkflow(AppDbContext db, TimeProvider clock, CurrentActor actor, Notifier notifier, SharingWorkflow sharing,
    UserManager<AppUser> users, IOutputCacheStore cache)
{
    /// <summary>A new case on one of the organisation's awards; null when the award is not its own.</summary>
    public async Task<BenchmarkPractice?> CreateAsync(ClaimsPrincipal user, Guid awardId, string? title, string? summary, IReadOnlyList<Upload> uploads,
        bool submit, CancellationToken ct)
    {
        var org = SharingRecords.OwnOrganization(user);
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, ct);
        if (org is null || award is null || award.OrganizationId != org) return null;
        var practice = new BenchmarkPractice(award, title, summary, actor.Name, clock.GetUtcNow());
        db.Add(practice);
        await sharing.AttachAsync(practice.Id, BenchmarkPractice.FileOwner, "经验案例材料", uploads, ct);
        if (submit) await SubmitAsync(practice, award, ct);
        await db.SaveChangesAsync(ct);
        return practice;
    }

    /// <summary>Revises (and optionally submits) the organisation's own case; null when it is not its own.</summary>
    public async Task<BenchmarkPractice?> SaveAsync(ClaimsPrincipal user, Guid id, int? version, string? title, string? summary,
        IReadOnlyList<Upload> uploads, bool submit, CancellationToken ct)
    {
        var (practice, award) = await OwnAsync(user, id, ct);
        if (practice is null || award is null) return null;
        // A stale form is told so before anything else (someone else submitted or changed it meanwhile).
        if (version is { } v && practice.Version != v) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        practice.Edit(award, title, summary, actor.Name, clock.GetUtcNow());
        await sharing.AttachAsync(practice.Id, BenchmarkPractice.FileOwner, "经验案例材料", uploads, ct);
        if (submit) await SubmitAsync(practice, award, ct);
        await db.SaveWithVersionAsync(practice, version, ct);
        return practice;
    }

    /// <summary>Submits the organisation's own case as it stands.</summary>
    public async Task<BenchmarkPractice?> SubmitAsync(ClaimsPrincipal user, Guid id, int? version, CancellationToken ct)
    {
        var (practice, award) = await OwnAsync(user, id, ct);
        if (practice is null || award is null) return null;
        if (version is { } v && practice.Version != v) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        await SubmitAsync(practice, award, ct);
        await db.SaveWithVersionAsync(practice, version, ct);
        return practice;
    }

    public async Task<StoredFile?> AddFileAsync(ClaimsPrincipal user, Guid id, Upload upload, CancellationToken ct)
    {
        var (practice, award) = await OwnAsync(user, id, ct);
        if (practice is null || award is null) return null;
        if (!practice.Editable) throw new DomainRuleException("该经验案例已提交或已发布，不能再添加材料。");
        var stored = await sharing.AttachAsync(practice.Id, BenchmarkPractice.FileOwner, "经验案例材料", [upload], ct);
        await db.SaveChangesAsync(ct);
        return stored.Single();
    }

    public Task<BenchmarkPractice?> ApproveAsync(Guid id, int? version, CancellationToken ct) =>
        DecideAsync(id, version, (p, a) => p.Approve(a, clock.Today(), actor.Name), DefaultTemplates.SharingPracticeApproved, ct);

    public Task<BenchmarkPractice?> ReturnAsync(Guid id, int? version, string? reason, CancellationToken ct) =>
        DecideAsync(id, version, (p, _) => p.Return(reason, actor.Name), DefaultTemplates.SharingPracticeReturned, ct);

    public Task<BenchmarkPractice?> WithdrawAsync(Guid id, int? version, string? reason, CancellationToken ct) =>
        DecideAsync(id, version, (p, _) => p.Withdraw(reason, actor.Name), DefaultTemplates.SharingPracticeReturned, ct);

    private async Task<BenchmarkPractice?> DecideAsync(Guid id, int? version, Action<BenchmarkPractice, Award> decide, string template, CancellationToken ct)
    {
        var practice = await db.Set<BenchmarkPractice>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (practice is null) return null;
        if (version is { } v && practice.Version != v) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        var award = await db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == practice.AwardId, ct);
        var wasPublic = practice.Status == PracticeStatus.Published;
        decide(practice, award);
        await notifier.NotifyAsync(template, await sharing.OrganizationUsersAsync(practice.OrganizationId, ct), Values(practice),
            SharingLinks.Practice(practice.Id), ct);
        await db.SaveWithVersionAsync(practice, version, ct);
        // The public page of cases is output-cached: a case published or withdrawn shows (or disappears) at once on every node.
        if (wasPublic || practice.Status == PracticeStatus.Published) await PublicVersion.ChangedAsync(db, cache, ct);
        return practice;
    }

    private async Task SubmitAsync(BenchmarkPractice practice, Award award, CancellationToken ct)
    {
        practice.Submit(award, actor.Name, clock.GetUtcNow());
        await notifier.NotifyAsync(DefaultTemplates.SharingPracticeSubmitted, await users.GetUsersInRoleAsync(Roles.Office), Values(practice),
            SharingLinks.Review(practice.Id), ct);
    }

    private async Task<(BenchmarkPractice?, Award?)> OwnAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var org = SharingRecords.OwnOrganization(user);
        var practice = await db.Set<BenchmarkPractice>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (org is null || practice is null || practice.OrganizationId != org) return (null, null);
        return (practice, await db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == practice.AwardId, ct));
    }

    private static Dictionary<string, string> Values(BenchmarkPractice p) => new()
    {
        ["组织名称"] = p.OrganizationName, ["案例标题"] = p.Title, ["状态"] = BenchmarkPractice.StatusDisplay(p.Status),
        ["原因"] = p.ReturnReason ?? "", ["发布日期"] = p.PublishedOn is { } d ? ChinaTime.Format(d) : "",
    };
}
