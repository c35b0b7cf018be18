using System.Globalization;
using System.Net;
using System.Text;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// 分数分布图: a server-rendered SVG histogram of one category's scores, raw means beside calibrated scores, in ten
/// bands of a tenth of the standard's points each. No script and no external library, so it prints and exports as is.
/// </summary>
public static class ScoreChart
{
    private const int Width = 640, Height = 260, Left = 44, Right = 12, Top = 30, BottomAxis = 46, Bins = 10;
    private const string RawColour = "#94a3b8", CalibratedColour = "#9f1239";

    public static string Histogram(string title, IReadOnlyList<double> raw, IReadOnlyList<double> calibrated, double total)
    {
        if (total <= 0) total = 1000;
        var rawCounts = Count(raw, total);
        var calCounts = Count(calibrated, total);
        var max = Math.Max(1, Math.Max(rawCounts.Max(), calCounts.Max()));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - BottomAxis;
        var binW = plotW / (double)Bins;
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-label=\"{Esc(title)}\" class=\"score-chart\">"));
        sb.Append($"<title>{Esc(title)}</title>");
        sb.Append(Inv($"<text x=\"{Left}\" y=\"18\" font-size=\"13\" fill=\"#1f2937\">{Esc(title)}</text>"));
        Legend(sb, Width - Right - 190, 10);
        foreach (var v in Enumerable.Range(0, 5).Select(t => (int)Math.Ceiling(max * t / 4.0)).Distinct())
        {
            var y = Top + plotH - plotH * v / (double)max;
            sb.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e5e7eb\"/>"));
            sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\" fill=\"#6b7280\">{v}</text>"));
        }
        for (var b = 0; b < Bins; b++)
        {
            var x = Left + b * binW;
            Bar(sb, x + binW * 0.12, binW * 0.36, rawCounts[b], max, plotH, RawColour, $"原始平均分 {BinLabel(b, total)} 分：{rawCounts[b]} 项");
            Bar(sb, x + binW * 0.52, binW * 0.36, calCounts[b], max, plotH, CalibratedColour, $"校准分 {BinLabel(b, total)} 分：{calCounts[b]} 项");
            sb.Append(Inv($"<text x=\"{x + binW / 2:0.#}\" y=\"{Top + plotH + 14}\" font-size=\"9.5\" text-anchor=\"middle\" fill=\"#6b7280\">{BinLabel(b, total)}</text>"));
        }
        sb.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH}\" stroke=\"#6b7280\"/>"));
        sb.Append(Inv($"<text x=\"{Left + plotW / 2}\" y=\"{Height - 10}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#374151\">得分区间（分，满分 {total:0.#}）　纵轴：申报数</text>"));
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static int[] Count(IReadOnlyList<double> values, double total)
    {
        var counts = new int[Bins];
        foreach (var v in values)
            counts[Math.Clamp((int)Math.Floor(v / total * Bins), 0, Bins - 1)]++;
        return counts;
    }

    private static void Bar(StringBuilder sb, double x, double w, int count, int max, double plotH, string colour, string tip)
    {
        if (count == 0) return;
        var h = plotH * count / max;
        sb.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{Top + plotH - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{Esc(tip)}</title></rect>"));
    }

    private static void Legend(StringBuilder sb, int x, int y)
    {
        sb.Append(Inv($"<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"10\" fill=\"{RawColour}\"/><text x=\"{x + 16}\" y=\"{y + 9}\" font-size=\"11\" fill=\"#374151\">原始平均分</text>"));
        sb.Append(Inv($"<rect x=\"{x + 96}\" y=\"{y}\" width=\"12\" height=\"10\" fill=\"{CalibratedColour}\"/><text x=\"{x + 112}\" y=\"{y + 9}\" font-size=\"11\" fill=\"#374151\">校准分</text>"));
    }

    private static string BinLabel(int bin, double total) =>
        Inv($"{total * bin / Bins:0}–{total * (bin + 1) / Bins:0}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
