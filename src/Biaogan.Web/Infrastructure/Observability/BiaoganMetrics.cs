using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Biaogan.Web.Infrastructure.Observability;

/// <summary>
/// The application's own instruments (meter “Biaogan”), exported with the framework's at /metrics. Static so that
/// one line at a code path records what happened there, with no service to inject.
/// </summary>
public static class BiaoganMetrics
{
    public const string MeterName = "Biaogan";
    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Uploads = Meter.CreateCounter<long>("biaogan.uploads", description: "Files stored by uploads");
    private static readonly Histogram<long> UploadBytes = Meter.CreateHistogram<long>("biaogan.upload.size", unit: "By", description: "Size of stored uploads");
    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("biaogan.jobs.runs", description: "Runs of background and scheduled work by job and outcome");
    private static readonly Histogram<double> JobSeconds = Meter.CreateHistogram<double>("biaogan.jobs.duration", unit: "s", description: "Duration of background and scheduled work");

    /// <summary>One stored upload of <paramref name="kind"/> (pdf, docx …).</summary>
    public static void Upload(string kind, long bytes)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        Uploads.Add(1, tag);
        UploadBytes.Record(bytes, tag);
    }

    /// <summary>Records one run of <paramref name="job"/>; outcome “ok” or “error”.</summary>
    public static void JobRun(string job, TimeSpan duration, bool succeeded)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "ok" : "error" } };
        JobRuns.Add(1, tags);
        JobSeconds.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Runs <paramref name="work"/> and records it as one run of <paramref name="job"/>.</summary>
    public static async Task<T> TrackJobAsync<T>(string job, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            var result = await work();
            ok = true;
            return result;
        }
        finally
        {
            JobRun(job, Stopwatch.GetElapsedTime(started), ok);
        }
    }

    /// <summary>Observable gauges read when /metrics is scraped (the outbox backlog), registered once at start.</summary>
    internal static void Observe<T>(string name, Func<IEnumerable<Measurement<T>>> read, string description) where T : struct =>
        Meter.CreateObservableGauge(name, read, description: description);
}
