using System.Globalization;
using System.Text.Json;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Audit;

/// <summary>One changed field of an audit record, ready to show: “标杆数量上限：10 → 12”.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Turns an audit record's before/after JSON into readable field changes.</summary>
public static class AuditChanges
{
    public static IReadOnlyList<FieldChange> Of(AuditEntry entry)
    {
        var before = Read(entry.Before);
        var after = Read(entry.After);
        var keys = before.Keys.Concat(after.Keys).Distinct();
        return keys.Select(k => new FieldChange(AuditLabels.Field(k),
                entry.Before is null ? null : AuditLabels.Value(k, Show(before.GetValueOrDefault(k))),
                entry.After is null ? null : AuditLabels.Value(k, Show(after.GetValueOrDefault(k)))))
            .Where(c => c.Before != c.After)
            // A new or removed record: its id is the subject column already, and empty fields say nothing.
            .Where(c => (c.Before is not null && c.After is not null) || (c.Field != AuditLabels.Field("Id") && (c.Before ?? c.After) != Empty))
            .ToList();
    }

    private const string Empty = "（空）";

    private static Dictionary<string, JsonElement> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : [];
        }
        catch (JsonException)
        {
            return new() { ["内容"] = JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement.Clone() };
        }
    }

    /// <summary>A JSON value as a person reads it: 是/否, （空）, instants in Beijing time.</summary>
    private static string Show(JsonElement? value) => value switch
    {
        null => "（空）",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "（空）",
        { ValueKind: JsonValueKind.True } => "是",
        { ValueKind: JsonValueKind.False } => "否",
        { ValueKind: JsonValueKind.String } v => ShowText(v.GetString() ?? ""),
        { } v => v.GetRawText(),
    };

    private static string ShowText(string s)
    {
        if (s.Length == 0) return "（空）";
        if (s.Length >= 20 && s[10] == 'T' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return ChinaTime.Format(instant);
        return s;
    }
}
