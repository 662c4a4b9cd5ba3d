using System.Text.Json;

namespace Dmarc.Reports.Formats;

/// <summary>The JSON lists every writer needs.</summary>
internal static class JsonLists
{
    /// <summary>Writes <c>"name": ["…", …]</c>.</summary>
    public static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
