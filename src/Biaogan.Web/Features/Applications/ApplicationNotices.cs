using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// Who hears about an application's moves, and with which template — for the application's own moves and for
/// those of recommendation and qualification. Nothing is saved here: the notifications join the caller's
/// SaveChanges with the change they report. The e-mail's {{链接}} is the given path made absolute by the Notifier.
/// </summary>
public sealed class ApplicationNotices(AppDbContext db, Notifier notifier)
{
    public static string DetailsPath(Guid id) => $"/Applications/Details/{id}";

    /// <summary>Every user of the application's organisation.</summary>
    public async Task ToOrganizationAsync(Application app, string template, IReadOnlyDictionary<string, string> values, string path, CancellationToken ct = default) =>
        await notifier.NotifyAsync(template, await OrganizationUsersAsync(app.OrganizationId, ct), values, path, ct);

    /// <summary>Every member of the activity office.</summary>
    public async Task ToOfficeAsync(string template, IReadOnlyDictionary<string, string> values, string path, CancellationToken ct = default) =>
        await notifier.NotifyAsync(template, await OfficeUsersAsync(ct), values, path, ct);

    public Task<List<AppUser>> OrganizationUsersAsync(Guid organizationId, CancellationToken ct = default) =>
        db.Users.Where(u => u.OrganizationId == organizationId).ToListAsync(ct);

    public Task<List<AppUser>> BodyUsersAsync(Guid bodyId, CancellationToken ct = default) =>
        db.Users.Where(u => u.RecommendingBodyId == bodyId).ToListAsync(ct);

    public Task<List<AppUser>> OfficeUsersAsync(CancellationToken ct = default) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Office
         select u).Distinct().ToListAsync(ct);

    /// <summary>申报已提交 to the organisation's users; 请出具推荐意见 to the chosen body's users.</summary>
    public async Task SubmittedAsync(Application app, Cycle cycle, CancellationToken ct = default)
    {
        var org = await db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == app.OrganizationId, ct);
        var body = await db.Set<RecommendingBody>().AsNoTracking().FirstAsync(b => b.Id == app.RecommendingBodyId, ct);
        var values = new Dictionary<string, string>
        {
            ["组织名称"] = org.Name, ["年度"] = cycle.Year.ToString(), ["申报编号"] = app.Number ?? "",
            ["推荐单位"] = body.Name, ["类别"] = app.Category is { } c ? Cycle.CategoryDisplay(c) : "",
        };
        await ToOrganizationAsync(app, DefaultTemplates.ApplicationSubmitted, values, DetailsPath(app.Id), ct);
        await notifier.NotifyAsync(DefaultTemplates.RecommendationRequested, await BodyUsersAsync(body.Id, ct), values, DetailsPath(app.Id), ct);
    }

    /// <summary>补正材料已提交 to the office.</summary>
    public async Task SupplementResubmittedAsync(Application app, Cycle cycle, CancellationToken ct = default)
    {
        var org = await db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == app.OrganizationId, ct);
        var values = new Dictionary<string, string>
        {
            ["组织名称"] = org.Name, ["轮次"] = app.SupplementRound.ToString(), ["申报编号"] = app.Number ?? "",
        };
        // The office reviews the supplement on the qualification review page.
        await ToOfficeAsync(DefaultTemplates.SupplementResubmitted, values, $"/Qualification/Review/{app.Id}", ct);
    }

    /// <summary>申报已撤回 to the recommending body (once it was asked) and the office (once it reached qualification).</summary>
    public async Task WithdrawnAsync(Application app, Cycle cycle, bool reachedBody, bool reachedOffice, CancellationToken ct = default)
    {
        var recipients = new List<AppUser>();
        if (reachedBody && app.RecommendingBodyId is { } bodyId) recipients.AddRange(await BodyUsersAsync(bodyId, ct));
        if (reachedOffice) recipients.AddRange(await OfficeUsersAsync(ct));
        if (recipients.Count == 0) return;
        var org = await db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == app.OrganizationId, ct);
        var values = new Dictionary<string, string>
        {
            ["组织名称"] = org.Name, ["年度"] = cycle.Year.ToString(), ["申报编号"] = app.Number ?? "未编号", ["理由"] = app.WithdrawalReason ?? "",
        };
        await notifier.NotifyAsync(DefaultTemplates.ApplicationWithdrawn, recipients, values, DetailsPath(app.Id), ct);
    }
}
