using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.OnSite;

/// <summary>
/// <c>--onsite-pdf [runs]</c>: a quick stopwatch measurement of milliseconds per 现场评审报告 PDF and per baseline document of
/// the same page count, alternating the two so that a busy shared machine slows both alike; median and fastest of the runs.
/// </summary>
public static class OnSiteReportTiming
{
    public const string Switch = "--onsite-pdf";

    public static void Run(string[] args)
    {
        var runs = StopwatchTiming.Runs(args, Switch, 30);
        var report = OnSiteReportSamples.Report();
        var pages = OnSiteReportSamples.Pages(report);
        var baseline = OnSiteReportSamples.Baseline(pages);
        for (var i = 0; i < 3; i++) { PdfWriter.Render(report, Stream.Null); PdfWriter.Render(baseline, Stream.Null); }
        var r = new List<double>();
        var b = new List<double>();
        using var sample = new MemoryStream();
        PdfWriter.Render(report, sample);
        for (var i = 0; i < runs; i++)
        {
            b.Add(StopwatchTiming.Time(() => PdfWriter.Render(baseline, Stream.Null)));
            r.Add(StopwatchTiming.Time(() => PdfWriter.Render(report, Stream.Null)));
        }
        Console.WriteLine($"on-site report: {pages} pages, {sample.Length / 1024.0:0} KB; {runs} runs each, alternating");
        Console.WriteLine($"baseline (one line per page): median {StopwatchTiming.Median(b):0.0} ms/document, fastest {b.Min():0.0} ms/document");
        Console.WriteLine($"现场评审报告:                  median {StopwatchTiming.Median(r):0.0} ms/document, fastest {r.Min():0.0} ms/document");
        Console.WriteLine($"ratio (median): {StopwatchTiming.Median(r) / StopwatchTiming.Median(b):0.0}");
    }
}
