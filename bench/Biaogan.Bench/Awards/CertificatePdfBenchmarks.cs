using BenchmarkDotNet.Attributes;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.Awards;

/// <summary>
/// Issue 4 benchmark: one 全国用户满意标杆证书 as PDF (wording, QR code, seal image), without the seal, and the baseline
/// page with its frame and one line (bench/README.md). <c>--certificate-pdf</c> prints milliseconds per certificate directly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class CertificatePdfBenchmarks
{
    private Award award = null!;
    private byte[] seal = null!;
    private PdfSheet baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        award = CertificateSamples.Award();
        seal = CertificateSamples.Seal();
        baseline = CertificateSamples.Baseline();
    }

    [Benchmark(Baseline = true)]
    public int FrameAndOneLine() => baseline.Render().Length;

    [Benchmark]
    public int CertificateWithoutSeal() => CertificatePdf.Render(award, CertificateSamples.BaseUrl, null).Length;

    [Benchmark]
    public int CertificateWithSeal() => CertificatePdf.Render(award, CertificateSamples.BaseUrl, seal).Length;
}
