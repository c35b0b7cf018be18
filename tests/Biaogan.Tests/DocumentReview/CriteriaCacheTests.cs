using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.DocumentReview;

/// <summary>The criteria tree is parsed once per version and read again as soon as the version's row changes.</summary>
public class CriteriaCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_cached_criteria_tree_is_replaced_when_its_version_is_revised()
    {
        var published = await app.WithDbAsync(db => db.Set<CriteriaVersion>().AsNoTracking().FirstAsync(v => v.Key == "T/CAQ 10301-2016"));
        var draft = CriteriaVersion.NewDraft(published.Document, 97, published.Id, app.Clock.GetUtcNow(), "缓存测试");
        await app.WithDbAsync(async db => { db.Add(draft); await db.SaveChangesAsync(); });

        CriteriaDocument first = null!, again = null!, revised = null!;
        await app.WithScopeAsync(async sp => first = await sp.GetRequiredService<CriteriaCache>().DocumentAsync(draft.Id));
        await app.WithScopeAsync(async sp => again = await sp.GetRequiredService<CriteriaCache>().DocumentAsync(draft.Id));
        Assert.Same(first, again);

        await app.WithDbAsync(async db =>
        {
            var row = await db.Set<CriteriaVersion>().FirstAsync(v => v.Id == draft.Id);
            row.ReviseDraft(row.Document with { Title = "用户满意标杆评价准则（缓存测试修订）" }, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(async sp => revised = await sp.GetRequiredService<CriteriaCache>().DocumentAsync(draft.Id));
        Assert.Equal("用户满意标杆评价准则（缓存测试修订）", revised.Title);
        Assert.NotEqual(first.Title, revised.Title);
    }
}
