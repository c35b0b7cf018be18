using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// A plan as an Excel workbook (sheet 专家组分配): one row per seat — 申报编号, 申报组织, 评审员, 评审员电子邮箱, 角色
/// (组长/组员) — and a row with the reviewer left empty for an application without any. Uploading the workbook back
/// makes a new plan; every row that cannot be read is reported with its row number and nothing is saved.
/// </summary>
public static class PlanSpreadsheet
{
    public const string Sheet = "专家组分配";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    internal const string Number = "申报编号", Organization = "申报组织", Reviewer = "评审员", Email = "评审员电子邮箱", Role = "角色",
        Employer = "评审员工作单位", Province = "评审员所在省份";
    private const string Leader = "组长", Member = "组员";

    public static byte[] Write(AssignmentInput input, IReadOnlyList<PlannedGroup> groups)
    {
        var rows = new List<Dictionary<string, object?>>();
        var byApp = groups.ToDictionary(g => g.ApplicationId);
        foreach (var app in input.Applications.Values)
        {
            var group = byApp.GetValueOrDefault(app.Id);
            if (group is null || group.ReviewerIds.Count == 0)
            {
                rows.Add(Row(app, null, ""));
                continue;
            }
            foreach (var id in group.ReviewerIds.OrderBy(id => id == group.LeaderId ? 0 : 1).ThenBy(input.ReviewerName))
                rows.Add(Row(app, input.Reviewers.GetValueOrDefault(id), id == group.LeaderId ? Leader : Member));
        }
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = [new DynamicExcelColumn(Organization) { Width = 36 }, new DynamicExcelColumn(Email) { Width = 30 },
                new DynamicExcelColumn(Employer) { Width = 36 }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [Sheet] = rows }, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(PlanApplication app, PlanReviewer? r, string role) => new()
    {
        [Number] = app.Number, [Organization] = app.Name, [Reviewer] = r?.Name ?? "", [Email] = r?.Email ?? "", [Role] = role,
        [Employer] = r?.Employer ?? "", [Province] = r?.Province ?? "",
    };

    /// <summary>Reads an uploaded workbook against the cycle's applications and reviewers.</summary>
    public static (List<PlannedGroup>? Groups, IReadOnlyList<string> Errors) Read(Stream upload, AssignmentInput input)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            using var buffer = new MemoryStream();
            upload.CopyTo(buffer);
            buffer.Position = 0;
            if (!MiniExcel.GetSheetNames(buffer).Contains(Sheet))
                return (null, [$"Excel 文件中没有“{Sheet}”工作表。请先下载本系统导出的方案，在其中修改后上传。"]);
            buffer.Position = 0;
            rows = MiniExcel.Query(buffer, useHeaderRow: true, sheetName: Sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException
            or FormatException or ArgumentException or NotSupportedException)
        {
            return (null, ["无法读取该文件。请上传本系统导出的 .xlsx 文件（不支持旧版 .xls），不要合并单元格。"]);
        }
        var missing = new[] { Number, Reviewer, Email, Role }.Where(c => rows.Count > 0 && !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return (null, [$"工作表缺少列：{string.Join("、", missing)}。请不要修改表头。"]);
        return Parse(rows, input);
    }

    private static (List<PlannedGroup>? Groups, IReadOnlyList<string> Errors) Parse(List<IDictionary<string, object?>> rows, AssignmentInput input)
    {
        var apps = input.Applications.Values.Where(a => a.Number.Length > 0).ToDictionary(a => a.Number, StringComparer.OrdinalIgnoreCase);
        var byEmail = input.Reviewers.Values.ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        var byName = input.Reviewers.Values.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.ToList());
        var groups = new Dictionary<Guid, PlannedGroup>();
        var errors = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            var number = Text(rows[i], Number);
            var name = Text(rows[i], Reviewer);
            var email = Text(rows[i], Email);
            var role = Text(rows[i], Role);
            if (number.Length == 0 && name.Length == 0 && email.Length == 0) continue;
            if (!apps.TryGetValue(number, out var app))
            {
                errors.Add(number.Length == 0 ? $"第 {line} 行：请填写申报编号。" : $"第 {line} 行：申报编号“{number}”不在本年度资格审查通过的申报中，请核对。");
                continue;
            }
            var group = groups.TryGetValue(app.Id, out var g) ? g : groups[app.Id] = new PlannedGroup(app.Id, [], null);
            if (name.Length == 0 && email.Length == 0) continue;
            PlanReviewer? reviewer = email.Length > 0 ? byEmail.GetValueOrDefault(email)
                : byName.TryGetValue(name, out var same) && same.Count == 1 ? same[0] : null;
            if (reviewer is null)
            {
                errors.Add(email.Length > 0
                    ? $"第 {line} 行：电子邮箱“{email}”不是当前可参加评审的评审员（须已聘用且在聘期内），请核对。"
                    : byName.ContainsKey(name) ? $"第 {line} 行：有多名评审员名为“{name}”，请填写其电子邮箱以区分。"
                    : $"第 {line} 行：找不到评审员“{name}”，请填写评审员库中的姓名或电子邮箱。");
                continue;
            }
            if (role.Length > 0 && role != Leader && role != Member)
            {
                errors.Add($"第 {line} 行：角色“{role}”无法识别，请填写“组长”或“组员”。");
                continue;
            }
            if (group.ReviewerIds.Contains(reviewer.Id))
            {
                errors.Add($"第 {line} 行：评审员{reviewer.Name}在「{app.Name}」的专家组中重复出现，请删除重复行。");
                continue;
            }
            group.ReviewerIds.Add(reviewer.Id);
            if (role != Leader) continue;
            if (group.LeaderId is not null)
                errors.Add($"第 {line} 行：「{app.Name}」已有组长{input.ReviewerName(group.LeaderId.Value)}，一个专家组只能有一名组长。");
            else groups[app.Id] = group with { LeaderId = reviewer.Id };
        }
        return errors.Count > 0 ? (null, errors) : (groups.Values.ToList(), errors);
    }

    private static string Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) ? (v?.ToString() ?? "").Trim() : "";
}
