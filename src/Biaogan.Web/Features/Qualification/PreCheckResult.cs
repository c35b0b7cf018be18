using System.Text.Json.Serialization;

namespace Biaogan.Web.Features.Qualification;

/// <summary>The outcome of one automatic pre-check: ✓ met, ✗ not met, ? cannot be judged from the data.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PreCheckStatus>))]
public enum PreCheckStatus { Pass, Fail, Unknown }

/// <summary>
/// One automatic pre-check beside a checklist item (<see cref="ItemCode"/>): what was checked, the result,
/// a Chinese explanation and the figures it rests on. The office's verdict stays the decision.
/// </summary>
public sealed record PreCheckResult(string Code, string ItemCode, PreCheckStatus Status, string Title, string Explanation, IReadOnlyList<string> Details)
{
    public string Symbol => Status switch { PreCheckStatus.Pass => "✓", PreCheckStatus.Fail => "✗", _ => "?" };

    public string StatusText => Status switch { PreCheckStatus.Pass => "符合", PreCheckStatus.Fail => "不符合", _ => "无法判断" };

    public string Badge => Status switch { PreCheckStatus.Pass => "badge-ok", PreCheckStatus.Fail => "badge-err", _ => "badge-warn" };

    /// <summary>The worst result of several (✗ before ?, ? before ✓); ? when there are none.</summary>
    public static PreCheckStatus Worst(IEnumerable<PreCheckResult> results)
    {
        var list = results.ToList();
        if (list.Count == 0) return PreCheckStatus.Unknown;
        if (list.Any(r => r.Status == PreCheckStatus.Fail)) return PreCheckStatus.Fail;
        return list.Any(r => r.Status == PreCheckStatus.Unknown) ? PreCheckStatus.Unknown : PreCheckStatus.Pass;
    }
}
