using System.Diagnostics;
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
        var runs = args.SkipWhile(a => a != Switch).Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        if (runs == 0) runs = 50;
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
            b.Add(Time(() => baseline.Render()));
            plain.Add(Time(() => CertificatePdf.Render(award, CertificateSamples.BaseUrl, null)));
            sealed_.Add(Time(() => CertificatePdf.Render(award, CertificateSamples.BaseUrl, seal)));
        }
        Console.WriteLine($"certificate with seal: {size / 1024.0:0} KB; {runs} runs each, alternating");
        Console.WriteLine($"baseline (frame + one line):  median {Median(b):0.00} ms, fastest {b.Min():0.00} ms");
        Console.WriteLine($"certificate without seal:     median {Median(plain):0.00} ms, fastest {plain.Min():0.00} ms, ratio {Median(plain) / Median(b):0.0}");
        Console.WriteLine($"certificate with seal:        median {Median(sealed_):0.00} ms, fastest {sealed_.Min():0.00} ms, ratio {Median(sealed_) / Median(b):0.0}");
    }

    private static double Time(Action work)
    {
        var sw = Stopwatch.StartNew();
        work();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
