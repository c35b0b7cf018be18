using System.Text.Json;
using System.Text.Json.Serialization;

namespace Biaogan.Web.Infrastructure.Input;

/// <summary>A JSON string the application refuses (see <see cref="TextRules"/>); its message is Chinese and final.</summary>
public sealed class RefusedTextJsonException(string message) : JsonException(message);

/// <summary>
/// Reads every JSON string of the API through <see cref="TextRules"/>, so a NUL in any field of any request body is a 400
/// naming the field rather than a PostgreSQL error. Writing is unchanged.
/// </summary>
public sealed class CheckedStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text;
        try
        {
            text = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800): the reader cannot turn it into a string.
            throw new RefusedTextJsonException(TextRules.Message(null, "\ud800"));
        }
        if (TextRules.IsRefused(text)) throw new RefusedTextJsonException(TextRules.Message(null, text!));
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
