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
/// [<c>from</c>, <c>to</c>]; the page shows them sorted by date, read-only. Registered: <see cref="IncidentPeriodRecords"/>
/// (第二十六条) and <see cref="CommitmentPeriodRecords"/> (第二十三条 goals and yearly reports, read from the lower Commitments
/// feature) and <see cref="SharingPeriodRecords"/> (第二十五条 participation in events and published cases, from Sharing).
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

/// <summary>第二十三条 quality goals and yearly progress reports of the period, from Commitments (filed, late or missing).</summary>
public sealed class CommitmentPeriodRecords(Commitments.CommitmentRecords commitments) : IConfirmationPeriodRecords
{
    public async Task<IReadOnlyList<PeriodRecord>> ForAsync(Award award, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (await commitments.ForAwardAsync(award.Id, from, to, ct) is not { } view) return [];
        var lines = new List<PeriodRecord>();
        if (view.Goals is { } goals)
            lines.Add(new PeriodRecord(DateOnly.FromDateTime(Infrastructure.Time.ChinaTime.ToChina(goals.RecordedAt).DateTime), "质量新目标（第二十三条）",
                goals.Goals.Length > 120 ? goals.Goals[..120] + "……" : goals.Goals, "/Commitments/Mine"));
        foreach (var line in view.Lines.Where(l => l.State is not (Commitments.ReportState.Upcoming or Commitments.ReportState.NotRequired)))
        {
            var text = $"{line.Year} 年度进展报告：{line.StateText}" + (line.DaysLate > 0 ? $"（逾期 {line.DaysLate} 天）" : "");
            lines.Add(new PeriodRecord(line.DueOn, "年度进展报告（第二十三条）", text, Commitments.CommitmentRecords.Link(line.AwardId, line.Year)));
        }
        return lines;
    }
}

/// <summary>第二十五条 participation in experience-sharing events and the cases published in the period, from Sharing.</summary>
public sealed class SharingPeriodRecords(Sharing.SharingRecords sharing) : IConfirmationPeriodRecords
{
    public async Task<IReadOnlyList<PeriodRecord>> ForAsync(Award award, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var record = await sharing.ForAwardAsync(award.Id, from, to, ct);
        var lines = record.Invitations.Select(i => new PeriodRecord(i.StartsOn, "经验交流活动（第二十五条）",
            $"{i.EventKind}“{i.EventTitle}”：答复{i.AnswerText}，{i.AttendanceText}" + (i.WillSpeak ? $"，发言“{i.TalkTitle}”" : ""),
            Sharing.SharingLinks.Event(i.EventId))).ToList();
        lines.AddRange(record.Published.Where(p => p.PublishedOn is not null).Select(p => new PeriodRecord(p.PublishedOn!.Value,
            "经验案例（第二十五条）", $"发布经验案例“{p.Title}”", Sharing.SharingLinks.Review(p.Id))));
        return lines;
    }
}
