using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>A reviewer's seats in the confirmation groups of open rounds.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class SeatsModel(AppDbContext db) : AppPageModel
{
    public IReadOnlyList<MySeatLine> Seats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Seats = await SeatViews.MineAsync(db, User.RequiredUserId(), ct);
}
