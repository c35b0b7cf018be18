using System.Diagnostics;

namespace Biaogan.Bench;

/// <summary>What the quick stopwatch measurements (<c>--feedback-pdf</c>, <c>--onsite-pdf</c>, <c>--certificate-pdf</c>) share.</summary>
public static class StopwatchTiming
{
    /// <summary>The number after <paramref name="switchName"/> on the command line, else <paramref name="fallback"/>.</summary>
    public static int Runs(string[] args, string switchName, int fallback)
    {
        var runs = args.SkipWhile(a => a != switchName).Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        return runs == 0 ? fallback : runs;
    }

    /// <summary>Milliseconds one call of <paramref name="work"/> takes.</summary>
    public static double Time(Action work)
    {
        var sw = Stopwatch.StartNew();
        work();
        return sw.Elapsed.TotalMilliseconds;
    }

    public static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
