using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// Changes to the reviewer pool: a new candidate profile, any change to a profile made by one of its intention-revealing
/// methods (check the version the form showed, apply, save), and the pool's settings. The rules stay in
/// <see cref="ReviewerProfile"/>; this class is where they are saved (docs/decisions/0028).
/// </summary>
public sealed class ReviewerWorkflow(AppDbContext db, TimeProvider clock, IEnumerable<IReviewerStandDown> standDowns)
{
    /// <summary>新建候选档案. The caller has checked that the e-mail is not on another profile (a field error on its form).</summary>
    public async Task<ReviewerProfile> CreateAsync(string name, string email, string phone, CancellationToken ct)
    {
        var profile = new ReviewerProfile(name, email, phone, clock.GetUtcNow());
        db.Add(profile);
        await db.SaveChangesAsync(ct);
        return profile;
    }

    /// <summary>Whether <paramref name="email"/> (normalised) is already on a profile other than <paramref name="except"/>.</summary>
    public Task<bool> EmailInUseAsync(string email, Guid? except, CancellationToken ct)
    {
        var normalised = ReviewerProfile.NormalizeEmail(email);
        return db.Set<ReviewerProfile>().AnyAsync(p => p.Email == normalised && p.Id != except, ct);
    }

    /// <summary>删除培训记录: its certificate is marked removed (bytes and row stay as history), in the same save.</summary>
    public Task<ReviewerTraining> RemoveTrainingAsync(ReviewerProfile profile, Guid trainingId, CancellationToken ct) =>
        ChangeWithAsync(profile, null, async p =>
        {
            var t = p.RemoveTraining(trainingId);
            await RemoveFileAsync(p, t.CertificateFileId, ct);
            return t;
        }, ct);

    /// <summary>A certificate no longer used is marked removed; its bytes and row stay as history.</summary>
    public async Task RemoveFileAsync(ReviewerProfile profile, Guid? fileId, CancellationToken ct)
    {
        if (fileId is not { } id) return;
        var file = await db.Set<Infrastructure.Files.StoredFile>().FirstOrDefaultAsync(f => f.Id == id && f.OwnerId == profile.Id, ct);
        file?.Remove(clock.GetUtcNow());
    }

    /// <summary>Applies <paramref name="change"/> if the profile still has <paramref name="postedVersion"/> (null: no check), then saves.</summary>
    public Task ChangeAsync(ReviewerProfile profile, int? postedVersion, Action<ReviewerProfile> change, CancellationToken ct) =>
        db.SaveWithVersionAsync(profile, postedVersion, change, ct);

    /// <summary>As <see cref="ChangeAsync(ReviewerProfile, int?, Action{ReviewerProfile}, CancellationToken)"/>, returning what the change made.</summary>
    public async Task<T> ChangeAsync<T>(ReviewerProfile profile, int? postedVersion, Func<ReviewerProfile, T> change, CancellationToken ct)
    {
        T result = default!;
        await db.SaveWithVersionAsync(profile, postedVersion, p => result = change(p), ct);
        return result;
    }

    /// <summary>A change that needs the database or the file store on the way (an invitation, a certificate), then one save.</summary>
    public async Task<T> ChangeWithAsync<T>(ReviewerProfile profile, int? postedVersion, Func<ReviewerProfile, Task<T>> change, CancellationToken ct)
    {
        if (postedVersion is { } v && profile.Version != v)
            throw new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException(Infrastructure.Errors.DomainRuleFilter.ConcurrencyMessage);
        var result = await change(profile);
        await db.SaveWithVersionAsync(profile, postedVersion, ct);
        return result;
    }

    /// <summary>暂停: the reviewer's open seats end through <see cref="IReviewerStandDown"/>, in the same save.</summary>
    public Task SuspendAsync(ReviewerProfile profile, int? postedVersion, string? reason, CancellationToken ct) =>
        ChangeWithAsync(profile, postedVersion, async p =>
        {
            var now = clock.GetUtcNow();
            p.Suspend(reason ?? "", now);
            foreach (var h in standDowns) await h.StoodDownAsync(p, "暂停", p.SuspensionReason ?? "", now, ct);
            return true;
        }, ct);

    /// <summary>处分 (批评、警告、撤销评审员资格); a revocation ends the open seats through <see cref="IReviewerStandDown"/>.</summary>
    public Task<ReviewerSanction> SanctionAsync(ReviewerProfile profile, int? postedVersion, SanctionKind kind, DateOnly decidedOn, string? reason,
        string by, CancellationToken ct) =>
        ChangeWithAsync(profile, postedVersion, async p =>
        {
            var now = clock.GetUtcNow();
            var s = p.Sanction(kind, decidedOn, reason ?? "", by, clock.Today(), now);
            if (kind == SanctionKind.Revocation)
                foreach (var h in standDowns) await h.StoodDownAsync(p, "撤销", s.Reason, now, ct);
            return s;
        }, ct);

    /// <summary>评审员库设置: saved settings are checked against the version the form showed; the first save adds the row.</summary>
    public async Task SaveSettingsAsync(int minimumExperienceYears, int defaultTermYears, int postedVersion, CancellationToken ct)
    {
        var s = await ReviewerPool.SettingsAsync(db, ct);
        var first = db.Entry(s).State == Microsoft.EntityFrameworkCore.EntityState.Detached;
        if (first)
        {
            // Until the first save the form shows the built-in defaults at version 0; the saved row starts at 1, so a
            // second form still showing those defaults is refused instead of overwriting the first save.
            if (postedVersion != s.Version) throw new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException(Infrastructure.Errors.DomainRuleFilter.ConcurrencyMessage);
            s.Version = 1;
            db.Add(s);
        }
        s.Change(minimumExperienceYears, defaultTermYears);
        if (first) await db.SaveChangesAsync(ct);
        else await db.SaveWithVersionAsync(s, postedVersion, ct);
    }
}
