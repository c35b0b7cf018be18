using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench;

/// <summary>The baseline every PDF benchmark measures against: the same number of pages with one short line on each.</summary>
public static class PdfBaseline
{
    public static PdfDocument OneLinePerPage(int pages) => new("基线", "", Enumerable.Range(1, pages)
        .SelectMany(p => p == 1 ? new PdfBlock[] { new PdfParagraph($"第{p}页") } : [new PdfPageBreak(), new PdfParagraph($"第{p}页")]).ToList());

    /// <summary>How many pages <paramref name="document"/> prints on.</summary>
    public static int Pages(PdfDocument document) => PdfWriter.Render(document, Stream.Null);

    /// <summary>
    /// Times <paramref name="report"/> against its one-line-per-page baseline, alternating the two so that a busy shared
    /// machine slows both alike, and prints median and fastest per document (or per page) and the ratio of the medians.
    /// </summary>
    public static void Compare(string name, PdfDocument report, int runs, bool perPage)
    {
        var pages = Pages(report);
        var baseline = OneLinePerPage(pages);
        for (var i = 0; i < 3; i++) { PdfWriter.Render(report, Stream.Null); PdfWriter.Render(baseline, Stream.Null); }
        using var sample = new MemoryStream();
        PdfWriter.Render(report, sample);
        var divisor = perPage ? pages : 1;
        var (r, b) = (new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            b.Add(StopwatchTiming.Time(() => PdfWriter.Render(baseline, Stream.Null)) / divisor);
            r.Add(StopwatchTiming.Time(() => PdfWriter.Render(report, Stream.Null)) / divisor);
        }
        var unit = perPage ? "ms/page" : "ms/document";
        Console.WriteLine($"{name}: {pages} pages, {sample.Length / 1024.0:0} KB; {runs} runs each, alternating");
        Console.WriteLine($"baseline (one line per page): median {StopwatchTiming.Median(b):0.00} {unit}, fastest {b.Min():0.00} {unit}");
        Console.WriteLine($"{name}: median {StopwatchTiming.Median(r):0.00} {unit}, fastest {r.Min():0.00} {unit}");
        Console.WriteLine($"ratio (median): {StopwatchTiming.Median(r) / StopwatchTiming.Median(b):0.0}");
    }
}
