using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Search;

/// <summary>
/// 办公室检索: one text across organisations (name, 统一社会信用代码), applications (申报编号, organisation name) and
/// reviewers (name, current employer). Codes match by prefix, which the unique indexes on Uscc and Number serve; names
/// match anywhere in them (LIKE/instr on both SQLite and PostgreSQL) and are capped per kind, so a search stays one
/// short query per kind however large the tables grow (docs/decisions/0049).
/// </summary>
public sealed class OfficeSearch(AppDbContext db)
{
    public const int PerKind = 20;
    public const int MaxLength = 100;

    public sealed record Hit(Guid Id, string Title, string Detail, string Url);

    public sealed record Kind(IReadOnlyList<Hit> Hits, int Total);

    public sealed record Result(string Text, Kind Organizations, Kind Applications, Kind Reviewers)
    {
        public int Total => Organizations.Total + Applications.Total + Reviewers.Total;
    }

    public async Task<Result> FindAsync(string text, CancellationToken ct = default)
    {
        var q = text.Trim();
        var code = q.ToUpperInvariant();

        var orgs = db.Set<Organization>().AsNoTracking().Where(o => o.Uscc.StartsWith(code) || o.Name.Contains(q));
        var orgHits = await orgs.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(PerKind)
            .Select(o => new { o.Id, o.Name, o.Uscc, o.ProvinceCode }).ToListAsync(ct);

        var apps = from a in db.Set<Application>().AsNoTracking()
                   join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                   join c in db.Set<Cycle>() on a.CycleId equals c.Id
                   where (a.Number != null && a.Number.StartsWith(code)) || o.Name.Contains(q) || o.Uscc.StartsWith(code)
                   select new { a.Id, a.Number, a.Status, c.Year, o.Name, a.UpdatedAt };
        var appHits = await apps.OrderByDescending(a => a.Year).ThenBy(a => a.Name).ThenBy(a => a.Id).Take(PerKind).ToListAsync(ct);

        var reviewers = db.Set<ReviewerProfile>().AsNoTracking().IgnoreAutoIncludes()
            .Where(p => p.Name.Contains(q) || p.WorkPeriods.Any(w => w.ToYear == null && w.EmployerName.Contains(q)));
        var reviewerHits = await reviewers.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PerKind)
            .Select(p => new
            {
                p.Id, p.Name, p.Status,
                Employer = p.WorkPeriods.Where(w => w.ToYear == null).OrderByDescending(w => w.FromYear).Select(w => w.EmployerName).FirstOrDefault(),
            }).ToListAsync(ct);

        return new Result(q,
            new Kind(orgHits.Select(o => new Hit(o.Id, o.Name, $"统一社会信用代码 {o.Uscc}　{RegionCatalog.ProvinceName(o.ProvinceCode)}",
                $"/Applications?q={Uri.EscapeDataString(o.Uscc)}")).ToList(), await CountAsync(orgs, orgHits.Count, ct)),
            new Kind(appHits.Select(a => new Hit(a.Id, $"{a.Number ?? "（未提交）"} {a.Name}", $"{a.Year} 年度　{a.Status.Display()}",
                $"/Applications/Details/{a.Id}")).ToList(), await CountAsync(apps, appHits.Count, ct)),
            new Kind(reviewerHits.Select(p => new Hit(p.Id, p.Name, $"{p.Employer ?? "（未填工作单位）"}　{p.Status.Display()}",
                $"/Reviewers/Details/{p.Id}")).ToList(), await CountAsync(reviewers, reviewerHits.Count, ct)));
    }

    /// <summary>The full count only when the capped list is full (one query less for the usual short answer).</summary>
    private static async Task<int> CountAsync<T>(IQueryable<T> query, int fetched, CancellationToken ct) =>
        fetched < PerKind ? fetched : await query.CountAsync(ct);
}
