using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// Tells an application's organisation of an outcome (入围, 公示, 审定 …) once per outcome (<see cref="NoticeLedger"/>),
/// with the application's own facts filled in: 组织名称, 年度, 申报编号, 类别. The stage that makes the outcome calls this
/// from its workflow method; nothing is saved here (docs/decisions/0032).
/// </summary>
public sealed class OutcomeNotices(AppDbContext db, NoticeLedger ledger)
{
    /// <param name="outcome">The result in words (e.g. “入围”); the occasion is the application and this outcome.</param>
    /// <param name="path">Local link; the e-mail gets it absolute from App:PublicBaseUrl. Defaults to the application's page.</param>
    public async Task<bool> ToOrganizationAsync(Guid applicationId, string outcome, string templateKey,
        IReadOnlyDictionary<string, string>? extra, CancellationToken ct, string? path = null, MailAttachment? attachment = null)
    {
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null) return false;
        var users = await db.Users.Where(u => u.OrganizationId == app.OrganizationId).ToListAsync(ct);
        var values = await FactsAsync(app, ct);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) values[k] = v;
        return await ledger.NotifyOnceAsync($"{outcome}:{applicationId}", templateKey, users, values,
            path ?? ApplicationNotices.DetailsPath(applicationId), ct, attachment);
    }

    private async Task<Dictionary<string, string>> FactsAsync(Application app, CancellationToken ct)
    {
        var org = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == app.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var year = await db.Set<Cycle>().AsNoTracking().Where(c => c.Id == app.CycleId).Select(c => c.Year).FirstOrDefaultAsync(ct);
        return new Dictionary<string, string>
        {
            ["组织名称"] = org ?? "", ["年度"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["申报编号"] = app.Number ?? "",
            ["类别"] = app.Category is { } c ? Cycle.CategoryDisplay(c) : "",
        };
    }
}
