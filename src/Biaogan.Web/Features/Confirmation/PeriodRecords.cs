using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>One pre-filled line of a benchmark's confirmation period: what happened on which day, and where to read it.</summary>
public sealed record PeriodRecord(DateOnly On, string Kind, string Text, string? Link);

/// <summary>
/// The hook that pre-fills “progress reports, incidents and participation of the period” on a confirmation submission
/// (第二十四条). Every registered implementation contributes lines for the award and the China-local period
/// [<c>from</c>, <c>to</c>]; the page shows them sorted by date, read-only. Today only <see cref="IncidentPeriodRecords"/>
/// is registered; the winners' commitments (yearly progress reports, 第二十三条) and experience sharing (participation,
/// 第二十五条) add their own implementation with <c>services.AddScoped&lt;IConfirmationPeriodRecords, …&gt;()</c> in their
/// module — they sit in a layer above Confirmation or reach it through this interface only, so no change here is needed.
/// </summary>
public interface IConfirmationPeriodRecords
{
    Task<IReadOnlyList<PeriodRecord>> ForAsync(Award award, DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>第二十六条 incidents of the period, from Supervision.</summary>
public sealed class IncidentPeriodRecords(AppDbContext db) : IConfirmationPeriodRecords
{
    public async Task<IReadOnlyList<PeriodRecord>> ForAsync(Award award, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var incidents = await db.Set<Incident>().AsNoTracking()
            .Where(i => i.AwardId == award.Id && i.OccurredOn >= from && i.OccurredOn <= to).OrderBy(i => i.OccurredOn).ToListAsync(ct);
        return incidents.Select(i => new PeriodRecord(i.OccurredOn, "事件报告（第二十六条）",
            $"{Incident.CategoryDisplay(i.Category)}，来源：{Incident.SourceDisplay(i.Source)}；" +
            (i.ReportedAt is null ? "书面报告尚未提交" : "已书面报告"), $"/Supervision/Case/{i.CaseId}")).ToList();
    }
}
