using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// Sends the notifications of recommendation and qualification to the organisation's users or to the
/// activity office, with an absolute link for the e-mail and a local one for the inbox. Saved by the
/// caller's SaveChanges together with the change they report.
/// </summary>
public sealed class QualificationNotices(AppDbContext db, UserManager<AppUser> users, Notifier notifier,
    IConfiguration config, IHttpContextAccessor http)
{
    public async Task ToOrganizationAsync(Application app, string template, Dictionary<string, string> values, string path, CancellationToken ct = default)
    {
        var recipients = await db.Users.Where(u => u.OrganizationId == app.OrganizationId).ToListAsync(ct);
        values["链接"] = Absolute(path);
        await notifier.NotifyAsync(template, recipients, values, path, ct);
    }

    public async Task ToOfficeAsync(string template, Dictionary<string, string> values, string path, CancellationToken ct = default)
    {
        var recipients = await users.GetUsersInRoleAsync(Roles.Office);
        values["链接"] = Absolute(path);
        await notifier.NotifyAsync(template, recipients, values, path, ct);
    }

    /// <summary>The link as it must appear in an e-mail: App:PublicBaseUrl, else the current request's host.</summary>
    public string Absolute(string path)
    {
        var configured = config["App:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/') + path;
        var request = http.HttpContext?.Request;
        return request is null ? path : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }
}
