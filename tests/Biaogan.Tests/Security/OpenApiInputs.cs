using System.Text.Json;
using System.Text.Json.Nodes;

namespace Biaogan.Tests.Security;

/// <summary>How a generated value is spoiled: not at all, the wrong JSON type, a control character, longer than allowed, too big a number.</summary>
public enum Spoil { None, WrongType, Control, Oversize, Overflow }

/// <summary>One operation of the OpenAPI document: method, path template, its parameters and the JSON schema of its body.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body);

public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>
/// Reads the application's own OpenAPI document (so endpoints added later are walked too) and makes request values from
/// its schemas: plausible ones (real ids where a name says what they point at) and spoiled ones.
/// </summary>
public sealed class OpenApiInputs(JsonElement document, IReadOnlyDictionary<string, Guid> ids)
{
    public const string ControlText = "甲\u0000乙\u0007丙\u001B";

    public IEnumerable<ApiOperation> Operations()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var sp) ? sp.EnumerateArray().ToList() : [];
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "parameters" or "summary" or "description" or "servers") continue;
                var parameters = shared.Concat(op.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : [])
                    .Select(Resolve)
                    .Select(x => new ApiParameter(x.GetProperty("name").GetString()!, x.GetProperty("in").GetString()!,
                        x.TryGetProperty("required", out var r) && r.GetBoolean(),
                        x.TryGetProperty("schema", out var s) ? Resolve(s) : default))
                    .ToList();
                JsonElement? body = null;
                if (op.Value.TryGetProperty("requestBody", out var rb) && Resolve(rb).TryGetProperty("content", out var content))
                    foreach (var media in content.EnumerateObject())
                        if (media.Name.Contains("json", StringComparison.OrdinalIgnoreCase) && media.Value.TryGetProperty("schema", out var bs))
                            body = Resolve(bs);
                yield return new ApiOperation(op.Name.ToUpperInvariant(), path.Name, parameters, body);
            }
        }
    }

    /// <summary>A value for a path or query parameter, as text.</summary>
    public string Parameter(ApiParameter p, string previousSegment, Spoil spoil)
    {
        var value = Value(p.Schema, p.Name, spoil, 0, previousSegment);
        return value switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    /// <summary>A request body for <paramref name="schema"/>.</summary>
    public JsonNode? Body(JsonElement schema, Spoil spoil) => Value(schema, "", spoil, 0, "");

    private JsonNode? Value(JsonElement schema, string name, Spoil spoil, int depth, string segment)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 6) return null;
        schema = Resolve(schema);
        foreach (var alt in new[] { "anyOf", "oneOf", "allOf" })
            if (schema.TryGetProperty(alt, out var options))
            {
                var first = options.EnumerateArray().Select(Resolve).FirstOrDefault(o => Types(o).Any(t => t != "null"));
                if (first.ValueKind == JsonValueKind.Object) return Value(first, name, spoil, depth + 1, segment);
            }
        var types = Types(schema).Where(t => t != "null").ToList();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (schema.TryGetProperty("enum", out var e) && e.EnumerateArray().FirstOrDefault(x => x.ValueKind != JsonValueKind.Null) is { ValueKind: not JsonValueKind.Undefined } en)
            return spoil switch
            {
                Spoil.WrongType => JsonValue.Create(7),
                Spoil.Control => JsonValue.Create(ControlText),
                Spoil.Oversize => JsonValue.Create(new string('枚', 5000)),
                _ => JsonNode.Parse(en.GetRawText()),
            };
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            if (spoil == Spoil.WrongType && depth > 0) return JsonValue.Create("不是对象");
            var o = new JsonObject();
            if (schema.TryGetProperty("properties", out var props))
                foreach (var prop in props.EnumerateObject())
                    o[prop.Name] = Value(prop.Value, prop.Name, spoil, depth + 1, segment);
            return o;
        }
        if (types.Contains("array"))
        {
            if (spoil == Spoil.WrongType && depth > 0) return JsonValue.Create(12345);
            var item = schema.TryGetProperty("items", out var items) ? Value(items, Singular(name), spoil, depth + 1, segment) : null;
            return new JsonArray(item);
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            return spoil switch
            {
                Spoil.WrongType => JsonValue.Create("不是数字"),
                Spoil.Overflow => JsonNode.Parse("99999999999999999999999"),
                Spoil.Control when types.Contains("string") => JsonValue.Create(ControlText),
                _ => JsonValue.Create(Number(name)),
            };
        }
        if (types.Contains("boolean")) return spoil == Spoil.WrongType ? JsonValue.Create("是的") : JsonValue.Create(true);
        if (types.Contains("string") || types.Count == 0)
        {
            var max = schema.TryGetProperty("maxLength", out var m) ? m.GetInt32() : 0;
            return spoil switch
            {
                Spoil.WrongType => format is "uuid" ? JsonValue.Create("不是编号-1234") : format is "date" or "date-time" ? JsonValue.Create("2026-02-30") : JsonValue.Create(12345),
                Spoil.Control => JsonValue.Create(format is "uuid" or "date" or "date-time" ? ControlText : "正文" + ControlText),
                Spoil.Oversize => JsonValue.Create(new string('长', max > 0 ? max + 1 : 5000)),
                _ => JsonValue.Create(PlausibleText(name, format, segment)),
            };
        }
        return null;
    }

    private string PlausibleText(string name, string? format, string segment) => format switch
    {
        "uuid" => IdFor(name, segment).ToString(),
        "date" => "2026-12-01",
        "date-time" => "2026-12-01T10:00:00+08:00",
        _ when name.Contains("date", StringComparison.OrdinalIgnoreCase) => "2026-12-01",
        _ when name.Contains("email", StringComparison.OrdinalIgnoreCase) => "walker@example.cn",
        _ => "测试文字",
    };

    private static int Number(string name) => name.Contains("year", StringComparison.OrdinalIgnoreCase) ? 2026 : 1;

    /// <summary>A real id for a parameter or field named like an entity (applicationId, /cycles/{id}); an application otherwise.</summary>
    public Guid IdFor(string name, string segment)
    {
        foreach (var key in new[] { Strip(name), Singular(segment) })
        {
            if (key.Length < 2 || key.Equals("id", StringComparison.OrdinalIgnoreCase)) continue;
            var match = ids.Keys.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? ids.Keys.FirstOrDefault(k => k.EndsWith(key, StringComparison.OrdinalIgnoreCase))
                ?? ids.Keys.FirstOrDefault(k => k.StartsWith(key, StringComparison.OrdinalIgnoreCase));
            if (match is not null) return ids[match];
        }
        return ids.TryGetValue("Application", out var a) ? a : Guid.NewGuid();
    }

    private static string Strip(string name) => name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;

    private static string Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word.EndsWith('s') ? word[..^1] : word;

    private static IEnumerable<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var t) ? []
        : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!) : [t.GetString()!];

    private JsonElement Resolve(JsonElement e)
    {
        for (var i = 0; i < 10 && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("$ref", out var r); i++)
        {
            var node = document;
            foreach (var part in r.GetString()!.TrimStart('#', '/').Split('/'))
                node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            e = node;
        }
        return e;
    }
}
