using System.Text;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Reviewers;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>HTTP-test helpers of the Reviewers feature: profiles saved for personas, a tiny PDF, form tokens.</summary>
public static class ReviewersTestKit
{
    /// <summary>A minimal PDF (its magic bytes are what the file store checks).</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static async Task<Guid> SaveAsync(AppFactory app, ReviewerProfile profile)
    {
        await app.WithDbAsync(async db => { db.Add(profile); await db.SaveChangesAsync(); });
        return profile.Id;
    }

    /// <summary>A 评审员 persona and a profile linked to that account, built by <paramref name="build"/> (name, e-mail, user id).</summary>
    public static async Task<(Persona Persona, Guid ProfileId)> ReviewerAsync(AppFactory app, string name,
        Func<string, string, string, ReviewerProfile> build)
    {
        var persona = await Cast.PersonAsync(app, name, Roles.Reviewer);
        var profile = build(name, persona.Email, persona.UserId);
        return (persona, await SaveAsync(app, profile));
    }

    /// <summary>An appointed reviewer (term from today, 3 years) signed in to their account.</summary>
    public static Task<(Persona Persona, Guid ProfileId)> AppointedReviewerAsync(AppFactory app, string name) =>
        ReviewerAsync(app, name, (n, email, userId) =>
        {
            var p = ReviewersBuilders.Eligible(n, email, userId);
            p.Appoint(ReviewersBuilders.Settings(), ReviewersBuilders.Today, ReviewersBuilders.Today.AddYears(3).AddDays(-1), "周领导", null, ReviewersBuilders.Now);
            return p;
        });

    public static Task<ReviewerProfile> LoadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == id));

    /// <summary>The antiforgery token of a page the client may open (valid for any form of the same user).</summary>
    public static async Task<string> TokenAsync(PageClient client, string url)
    {
        var page = await client.GetAsync(url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException($"No antiforgery token on {url}");
    }

    /// <summary>Posts raw form fields with a token, the way a hand-made request would, and returns the status.</summary>
    public static async Task<System.Net.HttpStatusCode> PostAsync(PageClient client, string url, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        var noRedirect = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
        var path = noRedirect.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        return path.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? System.Net.HttpStatusCode.Forbidden : noRedirect.StatusCode;
    }
}
