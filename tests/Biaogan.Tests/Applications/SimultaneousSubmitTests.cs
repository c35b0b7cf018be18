using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Applications;

/// <summary>
/// Deadline day: a hundred organisations press 提交申报 in the same second. Every one is numbered, the numbers
/// are unique and without gaps, and nobody sees an error.
/// </summary>
public class SimultaneousSubmitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Submitters = 100;

    [Fact]
    public async Task A_hundred_simultaneous_submits_are_all_numbered_without_gaps_or_duplicates_and_none_fails()
    {
        var body = await Cast.RecommenderAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < Submitters; i++)
            ids.Add(await ApplicationsBuilders.CompleteAsync(app, await Cast.ApplicantAsync(app, $"截止日申报单位{i:D3}有限公司"), body));

        // Each submit in its own scope (its own DbContext and connection), all released at once.
        using var start = new SemaphoreSlim(0);
        var submits = ids.Select(id => Task.Run(async () =>
        {
            await start.WaitAsync();
            try
            {
                await app.WithScopeAsync(sp => sp.GetRequiredService<ApplicationWorkflow>().SubmitAsync(id, null));
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        })).ToList();
        start.Release(Submitters);
        var errors = (await Task.WhenAll(submits)).OfType<Exception>().ToList();

        Assert.True(errors.Count == 0, $"{errors.Count} of {Submitters} submits failed; first: {errors.FirstOrDefault()}");
        var numbers = await app.WithDbAsync(db => db.Set<Application>().Where(a => ids.Contains(a.Id)).Select(a => a.Number).ToListAsync());
        Assert.All(numbers, n => Assert.Matches(@"^BG2026-\d{4}$", n));
        var sorted = numbers.Select(n => int.Parse(n![7..])).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Submitters), sorted);
    }
}
