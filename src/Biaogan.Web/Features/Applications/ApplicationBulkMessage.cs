using System.Security.Claims;
using System.Text.Json;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// 批量发送通知: a message (站内信 and e-mail through <see cref="Notifier"/>) from the office to the users of the
/// organisations of a filtered application list. The preview names every person who will receive it; the confirmation
/// carries the previewed applications, and exactly those are written to — a list that changed in between does not
/// silently widen the audience. Each sending is audited with its filter and count.
/// </summary>
public sealed class ApplicationBulkMessage(AppDbContext db, ApplicationAccess access, Notifier notifier, ActionAudit audit)
{
    public const int MaxApplications = 5000;

    public sealed record Recipient(Guid ApplicationId, string? Number, string Organization, string UserId, string Name, string Email);

    public async Task<List<Recipient>> PreviewAsync(ClaimsPrincipal user, ApplicationFilter filter, CancellationToken ct = default)
    {
        var caller = await access.CallerAsync(user, ct);
        var apps = ApplicationList.Query(db, caller, filter);
        return await RecipientsAsync(apps, ct);
    }

    /// <summary>Sends to the users of exactly <paramref name="applicationIds"/>' organisations; returns how many people received it.</summary>
    public async Task<int> SendAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> applicationIds, string subject, string body,
        string filterText, CancellationToken ct = default)
    {
        if (applicationIds.Count == 0) throw new DomainRuleException("没有选中任何申报，请先筛选出要通知的申报并预览收件人。");
        if (applicationIds.Count > MaxApplications) throw new DomainRuleException($"一次最多通知 {MaxApplications} 份申报，请缩小筛选范围后分批发送。");
        var caller = await access.CallerAsync(user, ct);
        var ids = applicationIds.Distinct().ToList();
        var apps = ApplicationList.Query(db, caller, new ApplicationFilter()).Where(r => ids.Contains(r.Id));
        var recipients = await RecipientsAsync(apps, ct);
        var users = await db.Users.Where(u => recipients.Select(r => r.UserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        foreach (var perApplication in recipients.GroupBy(r => r.ApplicationId))
        {
            var first = perApplication.First();
            var values = new Dictionary<string, string> { ["标题"] = subject, ["正文"] = body, ["组织名称"] = first.Organization };
            await notifier.NotifyAsync(DefaultTemplates.OfficeMessage, perApplication.Select(r => users[r.UserId]), values,
                $"/Applications/Details/{first.ApplicationId}", ct);
        }
        await audit.RecordDetailsAsync(ActionAudit.BulkAction, "applications", $"批量发送通知“{subject}”（{recipients.Select(r => r.ApplicationId).Distinct().Count()} 份申报，{recipients.Count} 人）",
            new { 筛选条件 = filterText, 申报 = recipients.Select(r => r.Number ?? r.ApplicationId.ToString()).Distinct(), 收件人 = recipients.Select(r => r.Email) }, ct);
        return recipients.Count;
    }

    private Task<List<Recipient>> RecipientsAsync(IQueryable<ApplicationListRow> apps, CancellationToken ct) => RecipientsOfAsync(db, apps, ct);

    /// <summary>The applicant users of each application's organisation (disabled accounts receive nothing); other
    /// features' bulk actions (资格审查 reminders) write to the same people.</summary>
    public static async Task<List<Recipient>> RecipientsOfAsync(AppDbContext db, IQueryable<ApplicationListRow> apps, CancellationToken ct)
    {
        var applicantRole = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var rows = await (from a in apps
                          join u in db.Users on a.OrganizationId equals u.OrganizationId
                          where db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == applicantRole)
                                && u.LockoutEnd != AccountStatus.DisabledUntil
                          orderby a.Organization, a.Id, u.DisplayName
                          select new Recipient(a.Id, a.Number, a.Organization, u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);
        return rows;
    }
}

/// <summary>批量发送通知 in the API: GET the recipients of a filter, then POST the message to the previewed applications.</summary>
public static class ApplicationBulkMessageApi
{
    public sealed record RecipientsPage(string Filter, int Applications, IReadOnlyList<ApplicationBulkMessage.Recipient> Recipients);

    public sealed record MessageRequest(IReadOnlyList<Guid>? ApplicationIds, string? Subject, string? Body, string? Filter);

    public sealed record MessageSent(int Applications, int Recipients, string Message);

    public static void MapBulkMessageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/message-recipients", PreviewAsync).RequireAuthorization(Policies.Office)
            .WithSummary("批量发送通知前预览收件人：筛选参数同申报列表，返回每份申报的组织用户（活动办公室）");
        api.MapPost("/messages", SendAsync).RequireAuthorization(Policies.Office)
            .WithSummary("向预览过的申报（applicationIds）的组织用户发送站内信和电子邮件（subject ≤100字，body ≤4000字；记入审计日志；活动办公室）");
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<RecipientsPage>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>>
        PreviewAsync([Microsoft.AspNetCore.Http.AsParameters] ApplicationFilter filter, ApplicationBulkMessage messages, ClaimsPrincipal user, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return Infrastructure.Web.ApiValidation.Problem(errors);
        var recipients = await messages.PreviewAsync(user, filter, ct);
        return TypedResults.Ok(new RecipientsPage(filter.Describe(), recipients.Select(r => r.ApplicationId).Distinct().Count(), recipients));
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<MessageSent>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>>
        SendAsync(MessageRequest request, ApplicationBulkMessage messages, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var subject = request.Subject?.Trim() ?? "";
        var body = request.Body?.Trim() ?? "";
        if (subject.Length == 0) errors["subject"] = ["请填写通知标题。"];
        else if (subject.Length > 100) errors["subject"] = ["通知标题不能超过100个字。"];
        if (body.Length == 0) errors["body"] = ["请填写通知正文。"];
        else if (body.Length > 4000) errors["body"] = ["通知正文不能超过4000个字，请精简后再发送。"];
        if (request.ApplicationIds is not { Count: > 0 }) errors["applicationIds"] = ["请填写 applicationIds：先用 GET /api/applications/message-recipients 预览，再把其中的申报编号（id）传来。"];
        if ((request.Filter?.Length ?? 0) > 500) errors["filter"] = ["筛选条件说明不能超过500个字。"];
        if (errors.Count > 0) return Infrastructure.Web.ApiValidation.Problem(errors);
        var sent = await messages.SendAsync(user, request.ApplicationIds!, subject, body, request.Filter ?? "", ct);
        var apps = request.ApplicationIds!.Distinct().Count();
        return TypedResults.Ok(new MessageSent(apps, sent, $"已向 {apps} 份申报的 {sent} 位组织用户发送通知（站内信和电子邮件）。"));
    }
}
