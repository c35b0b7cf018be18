using System.Globalization;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Files;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// Pre-checks of 第十四条第三项: third-party measurements of the last N years before the cycle, each with its
/// report, and “较好水平或发展趋势” judged by the cycle's threshold and trend rule (both office settings).
/// </summary>
public static class SatisfactionPreChecks
{
    public static string Index(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The years that must be measured: the N calendar years before the cycle's year.</summary>
    public static IReadOnlyList<int> RequiredYears(Cycle cycle) =>
        Enumerable.Range(cycle.Year - cycle.Settings.MeasurementYears, cycle.Settings.MeasurementYears).ToList();

    public static PreCheckResult Measurements(Application app, Cycle cycle, IReadOnlyCollection<StoredFile> files)
    {
        var years = RequiredYears(cycle);
        var span = $"{years[0]}–{years[^1]}年";
        var problems = new List<string>();
        var details = new List<string>();
        foreach (var year in years)
        {
            var m = app.Measurements.FirstOrDefault(x => x.Year == year);
            if (m is null) { problems.Add($"{year}年未填写测评"); continue; }
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(m.Body) || string.IsNullOrWhiteSpace(m.BodyQualification)) missing.Add("测评机构或其资质");
            if (m.Index is null) missing.Add("满意度指数");
            var report = m.ReportFileId is { } id ? files.FirstOrDefault(f => f.LogicalId == id) : null;
            if (report is null) missing.Add("测评报告文件");
            if (missing.Count > 0) problems.Add($"{year}年缺少{string.Join("、", missing)}");
            details.Add($"{year}年：{Or(m.Body)}（资质：{Or(m.BodyQualification)}），方法：{Or(m.Method)}，样本量 {m.SampleSize?.ToString(CultureInfo.InvariantCulture) ?? "未填"}，"
                + $"指数 {(m.Index is { } i ? Index(i) : "未填")}，报告：{report?.FileName ?? "未上传"}");
        }
        var extra = app.Measurements.Where(m => m.Year > 0 && !years.Contains(m.Year)).Select(m => m.Year).Order().ToList();
        if (extra.Count > 0) details.Add($"另填写了 {string.Join("、", extra)} 年的测评，不在最近 {years.Count} 年之内，不计入");
        details.Add($"测评依据：{cycle.MeasurementStandard}；测评机构资质和方法须人工核对");
        return problems.Count == 0
            ? new("measurements", QualificationChecklist.Satisfaction, PreCheckStatus.Pass, $"最近 {years.Count} 年第三方满意度测评",
                $"最近 {years.Count} 年（{span}）的第三方测评齐全，每年均附测评报告。", details)
            : new("measurements", QualificationChecklist.Satisfaction, PreCheckStatus.Fail, $"最近 {years.Count} 年第三方满意度测评",
                $"最近 {years.Count} 年（{span}）的测评不齐全：{string.Join("；", problems)}。", details);
    }

    public static PreCheckResult LevelOrTrend(Application app, Cycle cycle)
    {
        const string title = "满意度“较好水平或发展趋势”";
        var s = cycle.Settings;
        var years = RequiredYears(cycle);
        var values = years.Select(y => (Year: y, Index: app.Measurements.FirstOrDefault(m => m.Year == y)?.Index)).ToList();
        var threshold = Index(s.SatisfactionThreshold);
        var details = new List<string> { $"本年度规则：“较好水平”阈值 {threshold}；发展趋势规则：{CycleSettings.TrendRuleName(s.TrendRule)}" };
        var missing = values.Where(v => v.Index is null).Select(v => v.Year).ToList();
        if (missing.Count > 0)
            return new("level-trend", QualificationChecklist.Satisfaction, PreCheckStatus.Unknown, title,
                $"缺少 {string.Join("、", missing)} 年的满意度指数，无法判断水平或趋势。", details);

        var numbers = string.Join("、", values.Select(v => $"{v.Year}年 {Index(v.Index!.Value)}"));
        details.Add($"各年指数：{numbers}");
        var below = values.Where(v => v.Index < s.SatisfactionThreshold).ToList();
        if (below.Count == 0)
            return new("level-trend", QualificationChecklist.Satisfaction, PreCheckStatus.Pass, title,
                $"按水平判断：各年指数均不低于阈值 {threshold}（{numbers}）。", details);

        var belowText = string.Join("、", below.Select(v => $"{v.Year}年 {Index(v.Index!.Value)}"));
        var levelFails = $"{belowText} 低于阈值 {threshold}";
        if (s.TrendRule == TrendRule.LevelOnly)
            return new("level-trend", QualificationChecklist.Satisfaction, PreCheckStatus.Fail, title,
                $"按水平判断：{levelFails}；本年度不以发展趋势替代水平要求。", details);
        if (values.Count < 2)
            return new("level-trend", QualificationChecklist.Satisfaction, PreCheckStatus.Fail, title,
                $"按水平判断：{levelFails}；只有一年的测评，无法判断发展趋势。", details);

        var chain = string.Join(" → ", values.Select(v => Index(v.Index!.Value)));
        var strict = s.TrendRule == TrendRule.StrictlyIncreasing;
        for (var i = 1; i < values.Count; i++)
        {
            var (prevYear, prev) = (values[i - 1].Year, values[i - 1].Index!.Value);
            var (year, cur) = (values[i].Year, values[i].Index!.Value);
            if (strict ? cur <= prev : cur < prev)
                return new("level-trend", QualificationChecklist.Satisfaction, PreCheckStatus.Fail, title,
                    $"按水平判断：{levelFails}；按趋势判断（{CycleSettings.TrendRuleName(s.TrendRule)}）也不符合：{year}年 {Index(cur)} {(cur < prev ? "低于" : "未高于")} {prevYear}年 {Index(prev)}（{chain}）。", details);
        }
        return new("level-trend", QualificationChecklist.Satisfaction, PreCheckStatus.Pass, title,
            $"按趋势判断：{levelFails}，但指数{(strict ? "逐年上升" : "逐年不降")}（{chain}），符合本年度“{CycleSettings.TrendRuleName(s.TrendRule)}”的发展趋势规则。", details);
    }

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? "未填" : text.Trim();
}
