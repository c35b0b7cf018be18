using BenchmarkDotNet.Attributes;
using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.Feedback;

/// <summary>
/// Issue 3 benchmark: printing a 资料评审反馈报告 as PDF, against a baseline of the same number of pages with one line
/// each (what the page machinery alone costs: document, fonts, footer). Divide the means by <see cref="Pages"/> for
/// milliseconds per page; <c>--feedback-pdf</c> prints that directly (bench/README.md).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class FeedbackPdfBenchmarks
{
    private PdfDocument report = null!, baseline = null!;

    public int Pages { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        report = FeedbackPdfSamples.Report();
        Pages = PdfBaseline.Pages(report);
        baseline = PdfBaseline.OneLinePerPage(Pages);
        Console.WriteLine($"// feedback report: {Pages} pages");
    }

    [Benchmark(Baseline = true)]
    public int OneLinePerPage() => PdfWriter.Render(baseline, Stream.Null);

    [Benchmark]
    public int FeedbackReport() => PdfWriter.Render(report, Stream.Null);
}
