using System.Text.Json;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// 催办补正: a reminder (template <see cref="DefaultTemplates.SupplementReminder"/>, editable by the office) to the
/// users of the organisations whose applications in the filtered queue still owe a 补正. The preview names every
/// person; the confirmation carries the previewed applications and exactly those still owing a 补正 are reminded —
/// one that was resubmitted in between is left out, one that started to match the filter is not added. Audited as a
/// bulk action with the filter, the applications and the recipients.
/// </summary>
public sealed class QualificationReminders(AppDbContext db, TimeProvider clock, Notifier notifier, ActionAudit audit)
{
    public const int MaxApplications = ApplicationBulkMessage.MaxApplications;

    public sealed record Recipient(Guid ApplicationId, string? Number, string Organization, DateOnly? Deadline, bool Overdue,
        string UserId, string Name, string Email);

    public async Task<List<Recipient>> PreviewAsync(QualificationFilter filter, CancellationToken ct = default) =>
        await RecipientsAsync(Owing(filter), ct);

    /// <summary>Reminds the users of exactly those of <paramref name="applicationIds"/> still owing a 补正; returns (applications, people).</summary>
    public async Task<(int Applications, int People)> SendAsync(IReadOnlyCollection<Guid> applicationIds, string? note, string filterText,
        CancellationToken ct = default)
    {
        if (applicationIds.Count == 0) throw new DomainRuleException("没有选中任何申报，请先在资格审查队列中筛选，再预览催办对象。");
        if (applicationIds.Count > MaxApplications) throw new DomainRuleException($"一次最多催办 {MaxApplications} 份申报，请缩小筛选范围后分批发送。");
        var ids = applicationIds.Distinct().ToList();
        var recipients = await RecipientsAsync(Owing(new QualificationFilter(), ids), ct);
        var users = await db.Users.Where(u => recipients.Select(r => r.UserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        foreach (var perApplication in recipients.GroupBy(r => r.ApplicationId))
        {
            var first = perApplication.First();
            var values = new Dictionary<string, string>
            {
                ["组织名称"] = first.Organization, ["申报编号"] = first.Number ?? "",
                ["截止日期"] = first.Deadline is { } d ? ChinaTime.FormatWithWeekday(d) : "（见资格审查意见）",
                ["附言"] = string.IsNullOrWhiteSpace(note) ? "" : $"活动办公室附言：{note.Trim()}\n",
            };
            await notifier.NotifyAsync(DefaultTemplates.SupplementReminder, perApplication.Select(r => users[r.UserId]), values,
                $"/Qualification/Supplement/{first.ApplicationId}", ct);
        }
        var applications = recipients.Select(r => r.ApplicationId).Distinct().Count();
        await audit.RecordDetailsAsync(ActionAudit.BulkAction, "qualification", $"催办补正（{applications} 份申报，{recipients.Count} 人）",
            new
            {
                筛选条件 = filterText, 附言 = note?.Trim() ?? "", 申报 = recipients.Select(r => r.Number ?? r.ApplicationId.ToString()).Distinct(),
                收件人 = recipients.Select(r => r.Email),
            }, ct);
        return (applications, recipients.Count);
    }

    private IQueryable<QueueRow> Owing(QualificationFilter filter, IReadOnlyCollection<Guid>? only = null) =>
        QualificationQueue.Query(db, filter, clock.Today(), only).Where(r => r.Status == ApplicationStatus.SupplementRequested);

    private async Task<List<Recipient>> RecipientsAsync(IQueryable<QueueRow> rows, CancellationToken ct)
    {
        var deadlines = await rows.Select(r => new { r.Id, r.SupplementDeadline }).ToDictionaryAsync(r => r.Id, r => r.SupplementDeadline, ct);
        var apps = rows.Select(r => new ApplicationListRow { Id = r.Id, Number = r.Number, OrganizationId = r.OrganizationId, Organization = r.OrganizationName });
        var people = await ApplicationBulkMessage.RecipientsOfAsync(db, apps, ct);
        var today = clock.Today();
        return people.Select(p => new Recipient(p.ApplicationId, p.Number, p.Organization, deadlines[p.ApplicationId],
            deadlines[p.ApplicationId] < today, p.UserId, p.Name, p.Email)).ToList();
    }
}
