namespace Biaogan.Bench.Feedback;

/// <summary>
/// <c>--feedback-pdf [runs]</c>: a quick stopwatch measurement of milliseconds per PDF page for the feedback report and
/// for the one-line-per-page baseline, alternating the two so that a busy shared machine slows both alike. Prints the
/// median and the fastest of the runs.
/// </summary>
public static class FeedbackPdfTiming
{
    public const string Switch = "--feedback-pdf";

    public static void Run(string[] args) =>
        PdfBaseline.Compare("feedback report", FeedbackPdfSamples.Report(), StopwatchTiming.Runs(args, Switch, 30), perPage: true);
}
