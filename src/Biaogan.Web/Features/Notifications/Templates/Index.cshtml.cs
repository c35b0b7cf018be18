using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications.Templates;

/// <summary>/Notifications/Templates — the office's list of notification templates.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db) : Infrastructure.Web.AppPageModel
{
    public IReadOnlyList<MessageTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.Set<MessageTemplate>().AsNoTracking().ToListAsync();
        // The order the programme runs in (DefaultTemplates), not alphabetical keys.
        var order = DefaultTemplates.All.Select((t, i) => (t.Key, i)).ToDictionary(x => x.Key, x => x.i);
        Templates = rows.OrderBy(t => order.GetValueOrDefault(t.Key, int.MaxValue)).ThenBy(t => t.Key).ToList();
    }
}
