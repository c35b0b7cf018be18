using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Biaogan.Web.Features.Audit;

/// <summary>审计日志: every recorded state change, filtered and paged, with before → after per field.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, AuditChainStatus chain) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "actor")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "subject")] public string? SubjectId { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionText { get; set; }

    public AuditFilter Filter => new()
        { From = From, To = To, Actor = Actor, EntityType = EntityType, SubjectId = SubjectId, Action = ActionText };

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    /// <summary>The last check of the hash chain (<see cref="AuditChainStatus"/>).</summary>
    public AuditChainReport? Chain { get; private set; }
    public DateTimeOffset ChainCheckedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Chain, ChainCheckedAt) = await chain.GetAsync(ct);
        EntityTypes = await db.Set<AuditEntry>().AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        if (!ModelState.IsValid) return;
        var query = Filter.Apply(db.Set<AuditEntry>().AsNoTracking());
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>导出 CSV: the same filter, every matching record, through the exporter the CLI uses.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var name = $"审计日志-{clock.Today():yyyyMMdd}.csv";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            { FileName = $"audit-{clock.Today():yyyyMMdd}.csv", FileNameStar = name }.ToString();
        await AuditCsv.WriteAsync(Filter.Apply(db.Set<AuditEntry>()), Response.Body, ct);
        return new EmptyResult();
    }

    public Dictionary<string, string?> Route(int page)
    {
        var values = Filter.ToRouteValues();
        values["p"] = page.ToString();
        return values;
    }
}
