namespace Biaogan.Web.Features.DocumentReview.Calibration;

/// <summary>
/// The bipartite reviewer–application graph (评审关系图) in index form: observations sorted by (application, reviewer),
/// adjacency in both directions, and connected components. Everything is ordered by id, so the same scores in any
/// input order give the same arrays and therefore bit-identical results.
/// </summary>
internal sealed class ScoreGraph
{
    public required Guid[] Applications { get; init; }
    public required Guid[] Reviewers { get; init; }

    // Observation o: application ObsApp[o], reviewer ObsReviewer[o], value Value[o], weight Weight[o].
    public required int[] ObsApp { get; init; }
    public required int[] ObsReviewer { get; init; }
    public required double[] Value { get; init; }
    public required double[] Weight { get; init; }

    /// <summary>Observations of application a are AppStart[a] .. AppStart[a+1]-1.</summary>
    public required int[] AppStart { get; init; }

    /// <summary>Observations of reviewer r are ReviewerObs[ReviewerStart[r] .. ReviewerStart[r+1]-1].</summary>
    public required int[] ReviewerStart { get; init; }
    public required int[] ReviewerObs { get; init; }

    /// <summary>Component index (0-based; reported as index + 1), numbered largest first.</summary>
    public required int[] AppComponent { get; init; }
    public required int[] ReviewerComponent { get; init; }
    public required int ComponentCount { get; init; }

    public int ObservationCount => Value.Length;

    /// <summary>Indexes of reviewer r's observations.</summary>
    public ReadOnlySpan<int> ObservationsOf(int reviewer) =>
        ReviewerObs.AsSpan(ReviewerStart[reviewer], ReviewerStart[reviewer + 1] - ReviewerStart[reviewer]);

    public static ScoreGraph Build(List<SheetObservation> observations)
    {
        observations.Sort(static (x, y) =>
        {
            var c = x.Application.CompareTo(y.Application);
            return c != 0 ? c : x.Reviewer.CompareTo(y.Reviewer);
        });
        var n = observations.Count;
        var reviewers = observations.Select(o => o.Reviewer).Distinct().Order().ToArray();

        var obsApp = new int[n];
        var obsReviewer = new int[n];
        var value = new double[n];
        var weight = new double[n];
        var appStart = new List<int>();
        var applications = new List<Guid>();
        for (var o = 0; o < n; o++)
        {
            var s = observations[o];
            if (applications.Count == 0 || applications[^1] != s.Application)
            {
                applications.Add(s.Application);
                appStart.Add(o);
            }
            obsApp[o] = applications.Count - 1;
            obsReviewer[o] = Array.BinarySearch(reviewers, s.Reviewer);
            value[o] = s.Value;
            weight[o] = s.Weight;
        }
        appStart.Add(n);

        var (reviewerStart, reviewerObs) = ByReviewer(obsReviewer, reviewers.Length);
        var (appComponent, reviewerComponent, count) = Components(obsApp, obsReviewer, applications.Count, reviewers.Length);
        return new ScoreGraph
        {
            Applications = [.. applications], Reviewers = reviewers,
            ObsApp = obsApp, ObsReviewer = obsReviewer, Value = value, Weight = weight,
            AppStart = [.. appStart], ReviewerStart = reviewerStart, ReviewerObs = reviewerObs,
            AppComponent = appComponent, ReviewerComponent = reviewerComponent, ComponentCount = count,
        };
    }

    private static (int[] Start, int[] Obs) ByReviewer(int[] obsReviewer, int reviewerCount)
    {
        var start = new int[reviewerCount + 1];
        foreach (var r in obsReviewer) start[r + 1]++;
        for (var r = 0; r < reviewerCount; r++) start[r + 1] += start[r];
        var next = start[..^1];
        var obs = new int[obsReviewer.Length];
        for (var o = 0; o < obsReviewer.Length; o++) obs[next[obsReviewer[o]]++] = o;
        return (start, obs);
    }

    /// <summary>
    /// Union–find over applications (0..A-1) and reviewers (A..A+R-1). Components are numbered by application count,
    /// largest first, then by their first application id, so numbering does not depend on input order.
    /// </summary>
    private static (int[] App, int[] Reviewer, int Count) Components(int[] obsApp, int[] obsReviewer, int appCount, int reviewerCount)
    {
        var parent = new int[appCount + reviewerCount];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        for (var o = 0; o < obsApp.Length; o++)
        {
            var a = Find(obsApp[o]);
            var b = Find(appCount + obsReviewer[o]);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }

        var rootApps = new Dictionary<int, (int Count, int First)>();
        for (var a = 0; a < appCount; a++)
        {
            var root = Find(a);
            rootApps[root] = rootApps.TryGetValue(root, out var v) ? (v.Count + 1, v.First) : (1, a);
        }
        var number = rootApps.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First)
            .Select((kv, i) => (kv.Key, i)).ToDictionary(x => x.Key, x => x.i);

        var app = new int[appCount];
        for (var a = 0; a < appCount; a++) app[a] = number[Find(a)];
        var reviewer = new int[reviewerCount];
        for (var r = 0; r < reviewerCount; r++) reviewer[r] = number[Find(appCount + r)];
        return (app, reviewer, number.Count);
    }
}
