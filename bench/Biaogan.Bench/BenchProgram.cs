using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Biaogan.Bench;

/// <summary>Runs the benchmarks picked with --filter (see bench/README.md). Always run in Release.</summary>
public static class BenchProgram
{
    // BenchmarkDotNet rebuilds the web project for its benchmark process; on a busy 2-core machine that can take
    // longer than its default two minutes.
    public static void Main(string[] args)
    {
        // `--assignment-quality` prints the assignment objective against the flow bound instead of timing (bench/README.md).
        if (args.Contains(Assignment.AssignmentQuality.Switch))
        {
            Assignment.AssignmentQuality.Run(args);
            return;
        }
        // `--feedback-pdf [runs]` prints milliseconds per PDF page of the feedback report against its baseline.
        if (args.Contains(Feedback.FeedbackPdfTiming.Switch))
        {
            Feedback.FeedbackPdfTiming.Run(args);
            return;
        }
        // `--onsite-pdf [runs]` prints milliseconds per 现场评审报告 PDF against its baseline.
        if (args.Contains(OnSite.OnSiteReportTiming.Switch))
        {
            OnSite.OnSiteReportTiming.Run(args);
            return;
        }
        // `--certificate-pdf [runs] [--sample file.pdf]` prints milliseconds per certificate against its baseline.
        if (args.Contains(Awards.CertificatePdfTiming.Switch))
        {
            Awards.CertificatePdfTiming.Run(args);
            return;
        }
        // `--audit-chain [rows] [--postgres]` times verify-audit and the chain's write cost against plain reads and saves.
        if (args.Contains(Audit.AuditChainTiming.Switch))
        {
            Audit.AuditChainTiming.Run(args);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly)
            .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
    }
}
