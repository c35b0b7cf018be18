using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// The filters of the application list (全部申报), bound from the query string by the page, the API and the Excel
/// export alike: 年度, 状态, 类别, 地区 (province code), 行业 (GB/T 4754 门类), 所属集团, and a text that matches the
/// 申报编号 or 统一社会信用代码 by prefix and the organisation's name anywhere.
/// </summary>
public sealed class ApplicationFilter
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    /// <summary>Chinese messages per field for values that name nothing (a filter silently ignored would list everything).</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Status) && ParsedStatus is null)
            errors["status"] = [$"状态“{Status}”不存在；可选：{string.Join("、", Enum.GetValues<ApplicationStatus>().Select(s => $"{s}（{s.Display()}）"))}。"];
        if (!string.IsNullOrEmpty(Category) && ParsedCategory is null)
            errors["category"] = [$"类别“{Category}”不存在；可选：Enterprise（企业类）、Service（服务类）。"];
        if (Q?.Length > 100) errors["q"] = ["搜索内容不能超过100个字，请缩短后重试。"];
        if (Group?.Length > 100) errors["group"] = ["集团名称不能超过100个字。"];
        return errors;
    }

    public ApplicationStatus? ParsedStatus =>
        Enum.TryParse<ApplicationStatus>(Status, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _) ? s : null;

    public AwardCategory? ParsedCategory => ListFacets.ParseCategory(Category);

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["year"] = Year?.ToString(), ["status"] = Status, ["category"] = Category, ["region"] = Region,
        ["industry"] = Industry, ["group"] = Group, ["q"] = Q,
    };

    /// <summary>What the filter selects, in words (the export's audit record and the bulk actions' preview).</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Year is { } y) parts.Add($"{y}年度");
        if (ParsedStatus is { } s) parts.Add($"状态：{s.Display()}");
        ListFacets.Describe(parts, ParsedCategory, Region, Industry, Group);
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"搜索：{Q.Trim()}");
        return parts.Count == 0 ? "全部申报" : string.Join("；", parts);
    }
}

/// <summary>One row of the application list, projected in the database (member-initialised so it can be sorted and paged there).</summary>
public sealed class ApplicationListRow
{
    public Guid Id { get; init; }
    public string? Number { get; init; }
    public ApplicationStatus Status { get; init; }
    public int Year { get; init; }
    public Guid OrganizationId { get; init; }
    public string Organization { get; init; } = "";
    public string Uscc { get; init; } = "";
    public AwardCategory? Category { get; init; }
    public string ProvinceCode { get; init; } = "";
    public string IndustrySection { get; init; } = "";
    public string? GroupName { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactPhone { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>
/// 全部申报 as a server-side list: the caller's visible applications (<see cref="ApplicationAccess.Visible"/>) joined to
/// their cycle and organisation, filtered and sorted in the database. The page, the API and the export share it.
/// </summary>
public static class ApplicationList
{
    public static readonly SortMap<ApplicationListRow> Sorts = new SortMap<ApplicationListRow>("updated", true, r => r.Id)
        .Add("number", r => r.Number)
        .Add("organization", r => r.Organization)
        .Add("year", r => r.Year, descendingFirst: true)
        .Add("status", r => r.Status)
        .Add("submitted", r => r.SubmittedAt, descendingFirst: true)
        .Add("updated", r => r.UpdatedAt, descendingFirst: true);

    public static IQueryable<ApplicationListRow> Query(AppDbContext db, ApplicationAccess.Caller caller, ApplicationFilter filter)
    {
        var apps = ApplicationAccess.Visible(db.Set<Application>(), caller);
        if (filter.ParsedStatus is { } status) apps = apps.Where(a => a.Status == status);
        if (filter.ParsedCategory is { } category) apps = apps.Where(a => a.Category == category);
        var orgs = ListFacets.Organizations(db, filter.Region, filter.Industry, filter.Group);
        var cycles = db.Set<Cycle>().AsQueryable();
        if (filter.Year is { } year) cycles = cycles.Where(c => c.Year == year);
        var rows = from a in apps
                   join c in cycles on a.CycleId equals c.Id
                   join o in orgs on a.OrganizationId equals o.Id
                   select new ApplicationListRow
                   {
                       Id = a.Id, Number = a.Number, Status = a.Status, Year = c.Year, OrganizationId = o.Id, Organization = o.Name,
                       Uscc = o.Uscc, Category = a.Category, ProvinceCode = o.ProvinceCode, IndustrySection = o.IndustrySection,
                       GroupName = o.GroupName, ContactName = o.ContactName, ContactPhone = o.ContactPhone, ContactEmail = o.ContactEmail,
                       SubmittedAt = a.SubmittedAt, UpdatedAt = a.UpdatedAt, Version = a.Version,
                   };
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            // 申报编号 and 统一社会信用代码 by prefix (their unique indexes serve it); the name anywhere in it.
            rows = rows.Where(r => (r.Number != null && r.Number.StartsWith(upper)) || r.Uscc.StartsWith(upper) || r.Organization.Contains(q));
        }
        return rows;
    }
}

/// <summary>
/// The facets the application lists share (全部申报 here, the 资格审查 queue in Qualification): 类别 parsed strictly,
/// 地区 / 行业 / 所属集团 applied to the organisations in the database, and the same facets in words.
/// </summary>
public static class ListFacets
{
    /// <summary>Enterprise or Service by name; a number or an unknown name is null (and refused by the filter).</summary>
    public static AwardCategory? ParseCategory(string? value) =>
        Enum.TryParse<AwardCategory>(value, out var c) && Enum.IsDefined(c) && !int.TryParse(value, out _) ? c : null;

    /// <summary>
    /// Refuses, in Chinese per field, the shared facets' values that name nothing: 类别, 地区 (province code), 行业 (GB/T 4754
    /// 门类), and over-long 所属集团 / search text (a filter silently ignored would list everything).
    /// </summary>
    public static void Check(Dictionary<string, string[]> errors, string? category, string? region, string? industry, string? group, string? q)
    {
        if (!string.IsNullOrEmpty(category) && ParseCategory(category) is null)
            errors["category"] = [$"类别“{category}”不存在；可选：Enterprise（企业类）、Service（服务类）。"];
        if (!string.IsNullOrEmpty(region) && RegionCatalog.FindProvince(region) is null)
            errors["region"] = [$"地区代码“{region}”不存在，请填写省级行政区划代码（如 11 北京市、31 上海市）。"];
        if (!string.IsNullOrEmpty(industry) && IndustryCatalog.FindSection(industry) is null)
            errors["industry"] = [$"行业门类“{industry}”不存在，请填写 GB/T 4754 的门类字母（A–T）。"];
        if (q?.Length > 100) errors["q"] = ["搜索内容不能超过100个字，请缩短后重试。"];
        if (group?.Length > 100) errors["group"] = ["集团名称不能超过100个字。"];
    }

    public static IQueryable<Organization> Organizations(AppDbContext db, string? region, string? industry, string? group)
    {
        var orgs = db.Set<Organization>().AsQueryable();
        if (!string.IsNullOrEmpty(region)) orgs = orgs.Where(o => o.ProvinceCode == region);
        if (!string.IsNullOrEmpty(industry)) orgs = orgs.Where(o => o.IndustrySection == industry);
        if (group?.Trim() is { Length: > 0 } name) orgs = orgs.Where(o => o.GroupName != null && o.GroupName.Contains(name));
        return orgs;
    }

    public static void Describe(List<string> parts, AwardCategory? category, string? region, string? industry, string? group)
    {
        if (category is { } c) parts.Add(Cycle.CategoryDisplay(c));
        if (!string.IsNullOrEmpty(region)) parts.Add($"地区：{RegionCatalog.ProvinceName(region)}");
        if (!string.IsNullOrEmpty(industry)) parts.Add($"行业：{IndustryCatalog.FindSection(industry)?.Name ?? industry}");
        if (!string.IsNullOrWhiteSpace(group)) parts.Add($"集团：{group.Trim()}");
    }
}
