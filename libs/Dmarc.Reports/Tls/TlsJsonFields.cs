using System.Globalization;
using System.Text.Json;
using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Tls;

/// <summary>
/// Reads the fields of one TLS report's JSON as senders really write them, and notes what it had to read around:
/// texts may come as numbers, lists as a single text, counts as texts of digits; whatever cannot be read is an
/// error of the report (with its JSON path), never a crash.
/// </summary>
internal sealed class TlsJsonFields
{
    private readonly List<TlsReportError> _errors = [];

    public IReadOnlyList<TlsReportError> Errors => _errors;

    public void Error(string path, string message) => _errors.Add(new TlsReportError(path, message));

    /// <summary>An optional text: null when absent, null or empty; numbers and booleans as written.</summary>
    public string? Text(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                return text.Length == 0 ? null : text;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                Error($"{path}.{name}", $"is {Describe(value.ValueKind)}, not a text; ignored");
                return null;
        }
    }

    /// <summary>An optional list of texts; a single text counts as a list of one.</summary>
    public IReadOnlyList<string> Texts(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() is { Length: > 0 } single ? [single] : [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", $"is {Describe(value.ValueKind)}, not a list of texts; ignored");
            return [];
        }

        var texts = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    texts.Add(item.GetString()!);
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    texts.Add(item.GetRawText());
                    break;
                default:
                    Error(string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index}]"), $"is {Describe(item.ValueKind)}, not a text; ignored");
                    break;
            }

            index++;
        }

        return texts;
    }

    /// <summary>A session count (required by RFC 8460): a whole number ≥ 0; read as 0, with an error, when it is not.</summary>
    public long Count(JsonElement parent, string name, string path)
    {
        var where = $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Error(where, "the session count is missing; read as 0");
            return 0;
        }

        long? count = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number when value.TryGetDecimal(out var number) && number == decimal.Truncate(number)
                && number is >= long.MinValue and <= long.MaxValue => (long)number,
            JsonValueKind.String when AggregateValues.TryNumber(value.GetString(), out var parsed) => parsed,
            _ => null,
        };

        if (count is not { } read || read < 0)
        {
            Error(where, $"the session count {Shown(value)} is not a whole number of sessions; read as 0");
            return 0;
        }

        return read;
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    /// <summary>A value as it appears in the document, cut short for a message.</summary>
    public static string Shown(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 80 ? raw[..80] + "…" : raw;
    }
}
