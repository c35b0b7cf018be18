using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// One row, bumped whenever something the public pages show changes (an award revoked or published, a notice, a
/// result). Every node's output cache keys its public pages by this number, read from the database on each request,
/// so a change made on one node is current on every node at once — eviction no longer has to reach them.
/// </summary>
public sealed class PublicVersion
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Value { get; set; }

    /// <summary>Marks the public pages changed on every node (and evicts this node's copies right away).</summary>
    public static async Task ChangedAsync(AppDbContext db, IOutputCacheStore cache, CancellationToken ct = default)
    {
        await db.Set<PublicVersion>().Where(v => v.Id == SingletonId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), ct);
        await cache.EvictByTagAsync(WebModule.PublicPageTag, ct);
    }

    public static Task<long> CurrentAsync(AppDbContext db, CancellationToken ct = default) =>
        db.Set<PublicVersion>().AsNoTracking().Where(v => v.Id == SingletonId).Select(v => v.Value).FirstOrDefaultAsync(ct);

}

public static class PublicVersionCaching
{
    /// <summary>Adds the public version to the cache key of every output-cached endpoint (the public pages and their API).</summary>
    public static void AddPublicVersionCaching(this IServiceCollection services) =>
        services.Configure<OutputCacheOptions>(o => o.AddBasePolicy(new VaryByPublicVersion()));

    private sealed class VaryByPublicVersion : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
        {
            var metadata = context.HttpContext.GetEndpoint()?.Metadata;
            if (metadata is null || (metadata.GetMetadata<OutputCacheAttribute>() is null && metadata.GetMetadata<IOutputCachePolicy>() is null)) return;
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            try
            {
                context.CacheVaryByRules.VaryByValues["public-version"] = (await PublicVersion.CurrentAsync(db, ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (System.Data.Common.DbException)
            {
                // Without the version nothing cached can be known to be current: serve from the endpoint itself, which
                // answers for itself (a health probe reports the database as unavailable instead of a 500).
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
            }
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;
    }
}

internal sealed class PublicVersionConfiguration : IEntityTypeConfiguration<PublicVersion>
{
    public void Configure(EntityTypeBuilder<PublicVersion> b)
    {
        b.ToTable("PublicVersion");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new PublicVersion { Id = PublicVersion.SingletonId, Value = 0 });
    }
}
