namespace Biaogan.Bench.OnSite;

/// <summary>
/// <c>--onsite-pdf [runs]</c>: a quick stopwatch measurement of milliseconds per 现场评审报告 PDF and per baseline document of
/// the same page count, alternating the two so that a busy shared machine slows both alike; median and fastest of the runs.
/// </summary>
public static class OnSiteReportTiming
{
    public const string Switch = "--onsite-pdf";

    public static void Run(string[] args) =>
        PdfBaseline.Compare("现场评审报告", OnSiteReportSamples.Report(), StopwatchTiming.Runs(args, Switch, 30), perPage: false);
}
