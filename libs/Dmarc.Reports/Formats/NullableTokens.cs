using System.Text.Json;
using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Formats;

/// <summary>Writes an optional policy value as its RFC token, or <c>null</c> when the report has none.</summary>
internal static class NullableTokens
{
    public static void WriteToken(this Utf8JsonWriter json, JsonEncodedText name, DomainPolicy? policy)
    {
        if (policy is { } value)
        {
            json.WriteString(name, RfcTokens.Of(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void WriteToken(this Utf8JsonWriter json, JsonEncodedText name, bool? testing)
    {
        if (testing is { } value)
        {
            json.WriteString(name, RfcTokens.Of(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void WriteToken(this Utf8JsonWriter json, JsonEncodedText name, DiscoveryMethod? method)
    {
        if (method is { } value)
        {
            json.WriteString(name, RfcTokens.Of(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
