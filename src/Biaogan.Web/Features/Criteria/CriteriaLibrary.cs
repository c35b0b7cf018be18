using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// The office's operations on 评价准则 versions (pages and tests call these): import as a draft, copy as a
/// new draft, save a draft, publish, retire, reinstate, delete a draft. Each save that changes what cycles
/// may pin updates <see cref="CriteriaCatalog"/> at once on this node.
/// </summary>
public sealed class CriteriaLibrary(AppDbContext db, TimeProvider clock)
{
    /// <summary>All versions, grouped by standard (programme default first), newest version first.</summary>
    public async Task<IReadOnlyList<CriteriaVersion>> ListAsync(CancellationToken ct)
    {
        var all = await db.Set<CriteriaVersion>().AsNoTracking().ToListAsync(ct);
        return all.OrderBy(v => v.Code == CriteriaCatalog.DefaultKey ? 0 : 1).ThenBy(v => v.Code, StringComparer.Ordinal)
            .ThenByDescending(v => v.VersionNo).ToList();
    }

    public Task<CriteriaVersion?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<CriteriaVersion>().FirstOrDefaultAsync(v => v.Id == id, ct);

    /// <summary>Imports a file's document as a new draft (the next version of its code, or version 1 of a new code).</summary>
    public async Task<CriteriaVersion> ImportAsync(CriteriaDocument doc, string source, CancellationToken ct)
    {
        doc = CriteriaNormalizer.Normalize(doc);
        var draft = CriteriaVersion.NewDraft(doc, await NextVersionNoAsync(doc.Code, ct), null, clock.GetUtcNow(), $"导入{source}为草稿");
        await AddAsync(draft, ct);
        return draft;
    }

    /// <summary>复制为新草稿: editing a published version always goes through a new draft.</summary>
    public async Task<CriteriaVersion> CopyAsDraftAsync(CriteriaVersion source, CancellationToken ct)
    {
        var draft = CriteriaVersion.NewDraft(source.Document, await NextVersionNoAsync(source.Code, ct), source.Id,
            clock.GetUtcNow(), $"由“{source.Key}”复制为新草稿");
        await AddAsync(draft, ct);
        return draft;
    }

    public async Task SaveDraftAsync(CriteriaVersion draft, CriteriaDocument doc, int postedVersion, CancellationToken ct)
    {
        Guard(draft, postedVersion);
        draft.ReviseDraft(doc, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(CriteriaVersion draft, int postedVersion, CancellationToken ct)
    {
        Guard(draft, postedVersion);
        draft.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        CriteriaCatalog.Remember([draft]);
    }

    public async Task RetireAsync(CriteriaVersion version, int postedVersion, CancellationToken ct)
    {
        Guard(version, postedVersion);
        var othersPublished = await db.Set<CriteriaVersion>()
            .AnyAsync(v => v.Id != version.Id && v.Status == CriteriaStatus.Published, ct);
        if (!othersPublished && version.Status == CriteriaStatus.Published)
            throw new DomainRuleException($"“{version.Key}”是唯一已发布的评价准则版本，停用后年度活动将无标准可选。请先发布另一个版本，再停用它。");
        version.Retire(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        CriteriaCatalog.Remember([version]);
    }

    public async Task ReinstateAsync(CriteriaVersion version, int postedVersion, CancellationToken ct)
    {
        Guard(version, postedVersion);
        version.Reinstate(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        CriteriaCatalog.Remember([version]);
    }

    public async Task DeleteDraftAsync(CriteriaVersion draft, int postedVersion, CancellationToken ct)
    {
        Guard(draft, postedVersion);
        draft.EnsureDeletable();
        db.Remove(draft);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Loads every published and retired version into <see cref="CriteriaCatalog"/>.</summary>
    public async Task RefreshCatalogAsync(CancellationToken ct)
    {
        var versions = await db.Set<CriteriaVersion>().AsNoTracking()
            .Where(v => v.Status != CriteriaStatus.Draft).ToListAsync(ct);
        CriteriaCatalog.Remember(versions);
    }

    private async Task<int> NextVersionNoAsync(string code, CancellationToken ct)
    {
        code = code.Trim();
        var numbers = await db.Set<CriteriaVersion>().Where(v => v.Code == code).Select(v => v.VersionNo).ToListAsync(ct);
        return numbers.Count == 0 ? 1 : numbers.Max() + 1;
    }

    private async Task AddAsync(CriteriaVersion draft, CancellationToken ct)
    {
        db.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique key caught a second draft numbered at the same moment.
            db.ChangeTracker.Clear();
            throw new DomainRuleException($"另一位同事刚刚也创建了“{draft.Code}”的新版本，版本号冲突。请刷新版本列表后重试。");
        }
    }

    /// <summary>Makes the save fail if someone changed the version since the form was shown.</summary>
    private void Guard(CriteriaVersion version, int postedVersion) =>
        db.Entry(version).Property(v => v.Version).OriginalValue = postedVersion;
}
