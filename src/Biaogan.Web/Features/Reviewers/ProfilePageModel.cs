using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// Base of the pages that change a profile's content: the office opens any profile by id, a reviewer opens
/// their own (no id, or their own id). Anyone else gets 403, whatever id they try.
/// </summary>
public abstract class ProfilePageModel(AppDbContext db) : AppPageModel
{
    protected AppDbContext Db { get; } = db;

    public ReviewerProfile Profile { get; private set; } = null!;

    /// <summary>True when the signed-in person is working on their own profile (the 评审员 view).</summary>
    public bool IsOwnView { get; private set; }

    /// <summary>Where “back” and “saved” go: the office's profile page, or the reviewer's own page.</summary>
    public string BackUrl => IsOwnView ? "/Reviewers/Me" : $"/Reviewers/Details/{Profile.Id}";

    /// <summary>Loads the profile (tracked) or returns the refusal to send instead.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        ReviewerProfile? profile;
        if (id is { } given)
        {
            profile = await ReviewerPool.FindAsync(Db, given, ct);
            if (profile is null) return User.IsOffice() ? NotFound() : Forbid();
        }
        else
        {
            var me = User.UserId();
            profile = me.Length == 0 ? null : await ReviewerPool.OfUserAsync(Db, me, ct);
            if (profile is null) return RedirectToPage("/Reviewers/Me");
        }
        if (!ReviewerProfileAccess.CanEdit(User, profile)) return Forbid();
        Profile = profile;
        IsOwnView = ReviewerProfileAccess.IsOwn(User, profile) && !(id is not null && User.IsOffice());
        return null;
    }

    protected Guid? RouteId => RouteData.Values.TryGetValue("id", out var v) && Guid.TryParse(v?.ToString(), out var g) ? g : null;

    /// <summary>Where to go after a save.</summary>
    protected IActionResult Back() => Redirect(BackUrl);
}
