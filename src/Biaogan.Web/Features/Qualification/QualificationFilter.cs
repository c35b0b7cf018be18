using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// The filters of the 资格审查 queue, bound from the query string by the page, the API, the export and the reminders:
/// 年度活动 (cycleId) or 年度, 状态 (one of the queue's four), 类别, 地区, 行业, 所属集团, 仅看逾期, and a text
/// matching 申报编号/统一社会信用代码 by prefix and the organisation's name anywhere. A value that names nothing is refused.
/// </summary>
public sealed class QualificationFilter
{
    [FromQuery(Name = "cycleId")] public Guid? CycleId { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "overdue")] public bool? Overdue { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Status) && ParsedStatus is null)
            errors["status"] = [$"状态“{Status}”不在资格审查队列中；可选：{string.Join("、", QualificationQueue.Statuses.Select(s => $"{s}（{s.Display()}）"))}。"];
        ListFacets.Check(errors, Category, Region, Industry, Group, Q);
        return errors;
    }

    public ApplicationStatus? ParsedStatus =>
        Enum.TryParse<ApplicationStatus>(Status, out var s) && QualificationQueue.Statuses.Contains(s) && !int.TryParse(Status, out _) ? s : null;

    public AwardCategory? ParsedCategory => ListFacets.ParseCategory(Category);

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["cycleId"] = CycleId?.ToString(), ["year"] = Year?.ToString(), ["status"] = Status, ["category"] = Category,
        ["region"] = Region, ["industry"] = Industry, ["group"] = Group, ["overdue"] = Overdue == true ? "true" : null, ["q"] = Q,
    };

    /// <summary>What the filter selects, in words (audit records of the export and the reminders, and the preview).</summary>
    public string Describe(string? cycleName = null)
    {
        var parts = new List<string>();
        if (CycleId is not null) parts.Add(cycleName ?? "所选年度活动");
        if (Year is { } y) parts.Add($"{y}年度");
        if (ParsedStatus is { } s) parts.Add($"状态：{s.Display()}");
        ListFacets.Describe(parts, ParsedCategory, Region, Industry, Group);
        if (Overdue == true) parts.Add("补正已逾期");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"搜索：{Q.Trim()}");
        return parts.Count == 0 ? "资格审查队列全部申报" : string.Join("；", parts);
    }
}
