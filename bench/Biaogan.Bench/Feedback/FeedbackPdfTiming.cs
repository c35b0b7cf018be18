using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.Feedback;

/// <summary>
/// <c>--feedback-pdf [runs]</c>: a quick stopwatch measurement of milliseconds per PDF page for the feedback report and
/// for the one-line-per-page baseline, alternating the two so that a busy shared machine slows both alike. Prints the
/// median and the fastest of the runs.
/// </summary>
public static class FeedbackPdfTiming
{
    public const string Switch = "--feedback-pdf";

    public static void Run(string[] args)
    {
        var runs = StopwatchTiming.Runs(args, Switch, 30);
        var report = FeedbackPdfSamples.Report();
        var pages = FeedbackPdfSamples.Pages(report);
        var baseline = FeedbackPdfSamples.Baseline(pages);
        for (var i = 0; i < 3; i++) { PdfWriter.Render(report, Stream.Null); PdfWriter.Render(baseline, Stream.Null); }
        var r = new List<double>();
        var b = new List<double>();
        using var sample = new MemoryStream();
        PdfWriter.Render(report, sample);
        for (var i = 0; i < runs; i++)
        {
            b.Add(StopwatchTiming.Time(() => PdfWriter.Render(baseline, Stream.Null)) / pages);
            r.Add(StopwatchTiming.Time(() => PdfWriter.Render(report, Stream.Null)) / pages);
        }
        Console.WriteLine($"feedback report: {pages} pages, {sample.Length / 1024.0:0} KB; {runs} runs each, alternating");
        Console.WriteLine($"baseline (one line per page): median {StopwatchTiming.Median(b):0.00} ms/page, fastest {b.Min():0.00} ms/page");
        Console.WriteLine($"feedback report:              median {StopwatchTiming.Median(r):0.00} ms/page, fastest {r.Min():0.00} ms/page");
        Console.WriteLine($"ratio (median): {StopwatchTiming.Median(r) / StopwatchTiming.Median(b):0.0}");
    }
}
