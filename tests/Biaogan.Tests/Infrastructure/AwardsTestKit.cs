using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Biaogan.Tests.Infrastructure;

/// <summary>A benchmark granted through the pipeline kit, with a signed-in-able user of the winning organisation.</summary>
public sealed record Winner(Award Award, Persona Contact);

/// <summary>Awards for the certificate and registry tests (HTTP and browser), and a seal image to upload.</summary>
public static class AwardsTestKit
{
    public static async Task<Winner> WinnerAsync(AppFactory app, string orgName, AwardCategory category = AwardCategory.Enterprise)
    {
        var applicationId = await AwardPipelineKit.QualifiedAsync(app, orgName, category);
        var award = (await AwardPipelineKit.AwardAsync(app, [applicationId])).Single();
        await PublicChangedAsync(app);
        var contact = await Cast.PersonAsync(app, "获奖联系人", Roles.Applicant, organizationId: award.OrganizationId);
        return new Winner(award, contact);
    }

    /// <summary>What the approval step does after issuing awards: the public pages' cache is evicted.</summary>
    public static Task PublicChangedAsync(AppFactory app) =>
        app.WithScopeAsync(sp => Biaogan.Web.Infrastructure.Web.PublicVersion.ChangedAsync(
            sp.GetRequiredService<Biaogan.Web.Infrastructure.Data.AppDbContext>(), sp.GetRequiredService<IOutputCacheStore>(), CancellationToken.None));

    public static Task<Award> ReloadAsync(AppFactory app, Guid awardId) =>
        app.WithDbAsync(db => db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == awardId));

    /// <summary>A round red “seal” PNG drawn with SkiaSharp (for upload tests; not an imitation of any real seal).</summary>
    public static byte[] SealPng(int size = 400)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = new SKColor(0xC0, 0x10, 0x10), IsStroke = true, StrokeWidth = size / 25f, IsAntialias = true };
        surface.Canvas.DrawCircle(size / 2f, size / 2f, size * 0.45f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
