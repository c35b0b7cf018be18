using BenchmarkDotNet.Attributes;
using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.OnSite;

/// <summary>
/// Issue 4 benchmark: milliseconds per 现场评审报告 PDF, against a baseline of the same number of pages with one line each
/// (what the page machinery alone costs). <c>--onsite-pdf</c> prints a quick stopwatch figure (bench/README.md).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class OnSiteReportBenchmarks
{
    private PdfDocument report = null!, baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        report = OnSiteReportSamples.Report();
        var pages = PdfBaseline.Pages(report);
        baseline = PdfBaseline.OneLinePerPage(pages);
        Console.WriteLine($"// on-site report: {pages} pages");
    }

    [Benchmark(Baseline = true)]
    public int OneLinePerPage() => PdfWriter.Render(baseline, Stream.Null);

    [Benchmark]
    public int OnSiteReport() => PdfWriter.Render(report, Stream.Null);
}
