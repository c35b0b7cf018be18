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

namespace Biaogan.Web.Features.Sharing;

/// <summary>What the office types about an event.</summary>
public sealed record EventForm(SharingEventKind Kind, string? Title, string? Topic, DateOnly? StartsOn, DateOnly? EndsOn, string? Place, string? Description);

/// <summary>An uploaded file as it arrives.</summary>
public sealed record Upload(Stream Content, string FileName);

/// <summary>The organisation's answer to an invitation.</summary>
public sealed record AnswerForm(InvitationAnswer Answer, string? Attendees, bool WillSpeak, string? TalkTitle, string? Note);

/// <summary>
/// 第二十五、三十一条, the events: the office plans an event, invites benchmarks (mail and 站内信 to the winner's users, a reminder
/// to answer before the event as scheduled work), the organisations answer with their materials, and the office records who came.
/// Every method saves (docs/decisions/0028); an event, invitation or award the caller may not touch is null (→ 404).
/// </summary>
public sealed class SharingWorkflow(AppDbContext db, TimeProvider clock, CurrentActor actor, Notifier notifier, WorkScheduler scheduler,
    FileStore files, IOptions<SharingOptions> options)
{
    public async Task<SharingEvent> CreateAsync(EventForm form, CancellationToken ct)
    {
        var ev = new SharingEvent(form.Kind, form.Title, form.Topic, form.StartsOn, form.EndsOn, form.Place, form.Description, clock.Today(),
            actor.Name, clock.GetUtcNow());
        db.Add(ev);
        await db.SaveChangesAsync(ct);
        return ev;
    }

    public async Task<SharingEvent?> ReviseAsync(Guid id, int? version, EventForm form, CancellationToken ct)
    {
        var ev = await db.Set<SharingEvent>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null) return null;
        await db.SaveWithVersionAsync(ev, version, e => e.Revise(form.Kind, form.Title, form.Topic, form.StartsOn, form.EndsOn, form.Place,
            form.Description, clock.Today()), ct);
        // A new date plans new reminders (the old rows find the date changed and send nothing).
        await PlanRemindersAsync(ev, ct);
        return ev;
    }

    public async Task<SharingEvent?> CancelAsync(Guid id, int? version, string? reason, CancellationToken ct)
    {
        var ev = await db.Set<SharingEvent>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null) return null;
        await db.SaveWithVersionAsync(ev, version, e => e.Cancel(reason), ct);
        return ev;
    }

    /// <summary>Invites the chosen valid benchmarks (those already invited are skipped); returns how many were newly invited.</summary>
    public async Task<int?> InviteAsync(Guid id, IReadOnlyCollection<Guid> awardIds, CancellationToken ct)
    {
        var ev = await db.Set<SharingEvent>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null) return null;
        if (awardIds.Count == 0) throw new DomainRuleException("请至少选择一个要邀请的标杆。");
        var already = await db.Set<SharingInvitation>().Where(i => i.EventId == id).Select(i => i.AwardId).ToListAsync(ct);
        var awards = await db.Set<Award>().AsNoTracking().Where(a => awardIds.Contains(a.Id) && !already.Contains(a.Id)).ToListAsync(ct);
        if (awards.Count == 0) throw new DomainRuleException("所选标杆都已邀请过，或不存在。");
        var now = clock.GetUtcNow();
        var invitations = awards.Select(a => new SharingInvitation(ev, a, now)).ToList();
        ev.Invited(invitations.Count, clock.Today());
        db.AddRange(invitations);
        foreach (var (invitation, award) in invitations.Zip(awards))
            await notifier.NotifyAsync(DefaultTemplates.SharingInvitation, await OrganizationUsersAsync(award.OrganizationId, ct),
                Values(ev, invitation), SharingLinks.Answer(invitation.Id), ct);
        await db.SaveChangesAsync(ct);
        await PlanRemindersAsync(ev, ct);
        return invitations.Count;
    }

    /// <summary>Records who came; <paramref name="attendance"/> maps invitation ids of this event to 出席 / 缺席.</summary>
    public async Task<SharingEvent?> RecordAttendanceAsync(Guid id, int? version, IReadOnlyDictionary<Guid, Attendance> attendance, CancellationToken ct)
    {
        var ev = await db.Set<SharingEvent>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null) return null;
        if (attendance.Count == 0) throw new DomainRuleException("请为受邀标杆选择“出席”或“缺席”。");
        var invitations = await db.Set<SharingInvitation>().Where(i => i.EventId == id).ToListAsync(ct);
        var unknown = attendance.Keys.Except(invitations.Select(i => i.Id)).ToList();
        if (unknown.Count > 0) throw new DomainRuleException("所选的标杆不在本次活动的邀请名单中，请刷新页面后重试。");
        var now = clock.GetUtcNow();
        foreach (var i in invitations.Where(i => attendance.ContainsKey(i.Id)))
            i.RecordAttendance(ev, attendance[i.Id], clock.Today(), actor.Name, now);
        await db.SaveWithVersionAsync(ev, version, ct);
        return ev;
    }

    /// <summary>The organisation answers (or changes its answer) and may attach materials; null when the invitation is not its own.</summary>
    public async Task<SharingInvitation?> AnswerAsync(ClaimsPrincipal user, Guid invitationId, int? version, AnswerForm form,
        IReadOnlyList<Upload> uploads, CancellationToken ct)
    {
        var (invitation, ev) = await OwnAsync(user, invitationId, ct);
        if (invitation is null || ev is null) return null;
        invitation.Respond(ev, form.Answer, form.Attendees, form.WillSpeak, form.TalkTitle, form.Note, clock.Today(), actor.Name, clock.GetUtcNow());
        await AttachAsync(invitation.Id, SharingInvitation.FileOwner, "经验交流材料", uploads, ct);
        await db.SaveWithVersionAsync(invitation, version, ct);
        return invitation;
    }

    /// <summary>One more material file to the organisation's own invitation (until the event begins).</summary>
    public async Task<StoredFile?> AddMaterialAsync(ClaimsPrincipal user, Guid invitationId, Upload upload, CancellationToken ct)
    {
        var (invitation, ev) = await OwnAsync(user, invitationId, ct);
        if (invitation is null || ev is null) return null;
        ev.EnsureOpenForAnswers(clock.Today());
        var stored = await AttachAsync(invitation.Id, SharingInvitation.FileOwner, "经验交流材料", [upload], ct);
        await db.SaveChangesAsync(ct);
        return stored.Single();
    }

    internal async Task<List<StoredFile>> AttachAsync(Guid ownerId, string owner, string purpose, IReadOnlyList<Upload> uploads, CancellationToken ct)
    {
        var o = options.Value;
        var existing = await db.Set<StoredFile>().CountAsync(f => f.OwnerType == owner && f.OwnerId == ownerId && f.RemovedAt == null, ct);
        if (existing + uploads.Count > o.MaxFiles) throw new DomainRuleException($"材料最多 {o.MaxFiles} 个文件，请合并后再上传。");
        var stored = new List<StoredFile>();
        foreach (var u in uploads)
            stored.Add(await files.SaveAsync(u.Content, u.FileName,
                new UploadRequest(owner, ownerId, purpose, "", SharingLinks.FileKinds, o.MaxFileMb * 1024L * 1024L), ct));
        return stored;
    }

    private async Task<(SharingInvitation?, SharingEvent?)> OwnAsync(ClaimsPrincipal user, Guid invitationId, CancellationToken ct)
    {
        var org = SharingRecords.OwnOrganization(user);
        var invitation = await db.Set<SharingInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (org is null || invitation is null || invitation.OrganizationId != org) return (null, null);
        return (invitation, await db.Set<SharingEvent>().FirstAsync(e => e.Id == invitation.EventId, ct));
    }

    /// <summary>A reminder at 09:00 some days before the event to every invited benchmark that has not answered (idempotent by key).</summary>
    public async Task PlanRemindersAsync(SharingEvent ev, CancellationToken ct)
    {
        if (ev.Status is SharingEventStatus.Cancelled or SharingEventStatus.Held) return;
        var at = ChinaTime.At(ev.StartsOn.AddDays(-Math.Max(1, options.Value.ReminderDaysBefore)), new TimeOnly(9, 0));
        if (at <= clock.GetUtcNow()) return;
        var pending = await db.Set<SharingInvitation>().Where(i => i.EventId == ev.Id && i.Answer == InvitationAnswer.Pending).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in pending)
            await scheduler.ScheduleAsync(SharingReminderWork.WorkKind, SharingReminderWork.Key(id, ev.StartsOn), at,
                new SharingReminderWork.Payload(id, ev.StartsOn), ct: ct);
    }

    internal Task<List<AppUser>> OrganizationUsersAsync(Guid organizationId, CancellationToken ct) =>
        db.Users.Where(u => u.OrganizationId == organizationId).ToListAsync(ct);

    public static Dictionary<string, string> Values(SharingEvent ev, SharingInvitation i) => new()
    {
        ["组织名称"] = i.OrganizationName, ["活动类型"] = SharingEvent.KindDisplay(ev.Kind), ["活动名称"] = ev.Title, ["活动主题"] = ev.Topic,
        ["活动日期"] = ev.DatesText, ["活动地点"] = ev.Place,
    };
}

/// <summary>Links and shared constants of the sharing pages.</summary>
public static class SharingLinks
{
    public static readonly string[] FileKinds = ["pdf", "jpg", "png", "docx", "doc", "xlsx", "xls"];
    public static string Answer(Guid invitationId) => $"/Sharing/Answer/{invitationId}";
    public static string Event(Guid eventId) => $"/Sharing/Event/{eventId}";
    public static string Practice(Guid id) => $"/Sharing/Practice/{id}";
    public static string Review(Guid id) => $"/Sharing/Review/{id}";
}
