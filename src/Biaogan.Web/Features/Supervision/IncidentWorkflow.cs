using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Supervision;

/// <summary>One uploaded attachment of a written report.</summary>
public sealed record Attachment(Stream Content, string FileName);

/// <summary>
/// 第二十六条: the organisation's written report, the office's registration of an incident learned elsewhere and its request
/// for the written report by a deadline (reminder before and overdue notice after, as scheduled work). Every incident opens
/// its case in the same save.
/// </summary>
public sealed class IncidentWorkflow(AppDbContext db, TimeProvider clock, CurrentActor actor, CaseWorkflow cases, FileStore files,
    WorkScheduler scheduler, Notifier notifier, IOptions<SupervisionOptions> options)
{
    public const string FileOwner = "Incident";
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public static readonly string[] FileKinds = ["pdf", "jpg", "png", "docx", "doc", "xlsx", "xls"];

    /// <summary>The organisation files its written report on one of its own benchmarks; null when the award is not its own.</summary>
    public async Task<Incident?> FileAsync(ClaimsPrincipal user, Guid awardId, IncidentCategory category, DateOnly? occurredOn,
        string? whatHappened, string? measures, IReadOnlyList<Attachment> attachments, CancellationToken ct)
    {
        if (awardId == Guid.Empty) throw new DomainRuleException("请选择发生事件的标杆称号。");
        var org = user.OrganizationId();
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, ct);
        if (org is null || award is null || award.OrganizationId != org) return null;
        if (occurredOn is not { } on) throw new DomainRuleException("请填写事件发生日期。");
        var c = await cases.NewAsync(CaseKind.Incident, awardId, Title(category, on), ct);
        var incident = Incident.Reported(c.Id, awardId, award.OrganizationId, category, on, whatHappened, measures, actor.Name, clock.GetUtcNow());
        db.Add(incident);
        await AttachAsync(incident, attachments, ct);
        await db.SaveChangesAsync(ct);
        return incident;
    }

    /// <summary>The office registers an incident it learned of elsewhere, and may at once ask for the written report.</summary>
    public async Task<Incident> RegisterAsync(Guid awardId, IncidentCategory category, IncidentSource source, DateOnly? occurredOn,
        string? account, DateOnly? reportBy, CancellationToken ct)
    {
        if (occurredOn is not { } on) throw new DomainRuleException("请填写事件发生日期（不确定时填写最早知道的日期）。");
        var c = await cases.NewAsync(CaseKind.Incident, awardId, Title(category, on), ct);
        var incident = Incident.Registered(c.Id, awardId, c.OrganizationId, category, source, on, account, clock.GetUtcNow());
        db.Add(incident);
        if (reportBy is { } by) await RequestAsync(incident, c.OrganizationName, by, ct);
        await db.SaveChangesAsync(ct);
        if (reportBy is { } due) await ScheduleRemindersAsync(incident, due, ct);
        return incident;
    }

    public async Task<Incident?> RequestReportAsync(Guid id, int? version, DateOnly? deadline, CancellationToken ct)
    {
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return null;
        if (deadline is not { } by) throw new DomainRuleException("请填写书面报告的截止日期。");
        var name = await db.Set<SupervisionCase>().Where(c => c.Id == incident.CaseId).Select(c => c.OrganizationName).FirstAsync(ct);
        await RequestAsync(incident, name, by, ct);
        await db.SaveWithVersionAsync(incident, version, ct);
        await ScheduleRemindersAsync(incident, by, ct);
        return incident;
    }

    /// <summary>The organisation's written report on an incident the office registered; null when not its own.</summary>
    public async Task<Incident?> ReportAsync(ClaimsPrincipal user, Guid id, int? version, string? whatHappened, string? measures,
        IReadOnlyList<Attachment> attachments, CancellationToken ct)
    {
        var org = user.OrganizationId();
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || org is null || incident.OrganizationId != org) return null;
        incident.FileReport(whatHappened, measures, actor.Name, clock.GetUtcNow());
        await AttachAsync(incident, attachments, ct);
        await db.SaveWithVersionAsync(incident, version, ct);
        return incident;
    }

    /// <summary>One more file to the organisation's report (own incidents only; null otherwise).</summary>
    public async Task<StoredFile?> AddFileAsync(ClaimsPrincipal user, Guid id, Attachment file, CancellationToken ct)
    {
        var org = user.OrganizationId();
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || org is null || incident.OrganizationId != org) return null;
        var stored = await files.SaveAsync(file.Content, file.FileName,
            new UploadRequest(FileOwner, incident.Id, "事件书面报告", "", FileKinds, MaxFileBytes), ct);
        await db.SaveChangesAsync(ct);
        return stored;
    }

    public IQueryable<StoredFile> Files(Guid incidentId) =>
        db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == FileOwner && f.OwnerId == incidentId);

    private async Task RequestAsync(Incident incident, string organizationName, DateOnly by, CancellationToken ct)
    {
        incident.RequestReport(by, clock.Today(), clock.GetUtcNow());
        await notifier.NotifyAsync(DefaultTemplates.IncidentReportRequested, await cases.OrganizationUsersAsync(incident.OrganizationId, ct),
            Values(incident, organizationName), $"/Supervision/Report/{incident.Id}", ct);
    }

    /// <summary>A reminder some days before the deadline and an overdue notice the morning after (keys carry the deadline).</summary>
    private async Task ScheduleRemindersAsync(Incident incident, DateOnly by, CancellationToken ct)
    {
        var payload = new IncidentReminderWork.Payload(incident.Id, by);
        var remindOn = by.AddDays(-Math.Max(1, options.Value.ReminderDaysBefore));
        var remindAt = ChinaTime.At(remindOn, new TimeOnly(9, 0));
        if (remindAt > clock.GetUtcNow())
            await scheduler.ScheduleAsync(IncidentReminderWork.WorkKind, $"{incident.Id}:{by:yyyy-MM-dd}:reminder", remindAt, payload, ct: ct);
        await scheduler.ScheduleAsync(IncidentReminderWork.WorkKind, $"{incident.Id}:{by:yyyy-MM-dd}:overdue",
            ChinaTime.At(by.AddDays(1), new TimeOnly(9, 0)), payload, ct: ct);
    }

    private async Task AttachAsync(Incident incident, IReadOnlyList<Attachment> attachments, CancellationToken ct)
    {
        foreach (var a in attachments)
            await files.SaveAsync(a.Content, a.FileName, new UploadRequest(FileOwner, incident.Id, "事件书面报告", "", FileKinds, MaxFileBytes), ct);
    }

    public static Dictionary<string, string> Values(Incident i, string organizationName) => new()
    {
        ["组织名称"] = organizationName, ["事件类别"] = Incident.CategoryDisplay(i.Category), ["发生日期"] = ChinaTime.Format(i.OccurredOn),
        ["来源"] = Incident.SourceDisplay(i.Source), ["截止日期"] = ChinaTime.Format(i.DueOn),
    };

    private static string Title(IncidentCategory category, DateOnly on) => $"{Incident.CategoryDisplay(category)}（{ChinaTime.Format(on)}）";
}
