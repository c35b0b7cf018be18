using Biaogan.Web.Features.Awards;

namespace Biaogan.Bench.Awards;

/// <summary>
/// <c>--certificate-pdf [runs] [--sample file.pdf]</c>: stopwatch milliseconds per certificate (with and without the seal)
/// against the one-line baseline page, alternating so a busy shared machine slows all alike; optionally writes one sample.
/// </summary>
public static class CertificatePdfTiming
{
    public const string Switch = "--certificate-pdf";

    public static void Run(string[] args)
    {
        var runs = StopwatchTiming.Runs(args, Switch, 50);
        var award = CertificateSamples.Award();
        var seal = CertificateSamples.Seal();
        var baseline = CertificateSamples.Baseline();
        if (args.SkipWhile(a => a != "--sample").Skip(1).FirstOrDefault() is { } path)
            File.WriteAllBytes(path, CertificatePdf.Render(award, CertificateSamples.BaseUrl, seal));
        for (var i = 0; i < 5; i++) { baseline.Render(); CertificatePdf.Render(award, CertificateSamples.BaseUrl, seal); }
        var (b, plain, sealed_) = (new List<double>(), new List<double>(), new List<double>());
        var size = CertificatePdf.Render(award, CertificateSamples.BaseUrl, seal).Length;
        for (var i = 0; i < runs; i++)
        {
            b.Add(StopwatchTiming.Time(() => baseline.Render()));
            plain.Add(StopwatchTiming.Time(() => CertificatePdf.Render(award, CertificateSamples.BaseUrl, null)));
            sealed_.Add(StopwatchTiming.Time(() => CertificatePdf.Render(award, CertificateSamples.BaseUrl, seal)));
        }
        Console.WriteLine($"certificate with seal: {size / 1024.0:0} KB; {runs} runs each, alternating");
        Console.WriteLine($"baseline (frame + one line):  median {StopwatchTiming.Median(b):0.00} ms, fastest {b.Min():0.00} ms");
        Console.WriteLine($"certificate without seal:     median {StopwatchTiming.Median(plain):0.00} ms, fastest {plain.Min():0.00} ms, ratio {StopwatchTiming.Median(plain) / StopwatchTiming.Median(b):0.0}");
        Console.WriteLine($"certificate with seal:        median {StopwatchTiming.Median(sealed_):0.00} ms, fastest {sealed_.Min():0.00} ms, ratio {StopwatchTiming.Median(sealed_) / StopwatchTiming.Median(b):0.0}");
    }
}
