using System.Text.Json;
using Dmarc.Reports.Failure;

namespace Dmarc.Reports.Formats;

/// <summary>
/// An address of a failure report's sample as JSON: <c>display_name</c>, <c>address</c>, (in parsedmarc's shape)
/// <c>local</c>, and <c>domain</c>; null when there is none.
/// </summary>
internal static class SampleAddressJson
{
    public static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<SampleAddress> addresses, bool withLocalPart)
    {
        json.WriteStartArray(name);
        foreach (var address in addresses)
        {
            Write(json, address, withLocalPart);
        }

        json.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter json, SampleAddress? address, bool withLocalPart)
    {
        if (address is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("display_name", address.DisplayName);
        json.WriteString("address", address.Address);
        if (withLocalPart)
        {
            json.WriteString("local", address.LocalPart);
        }

        json.WriteString("domain", address.Domain);
        json.WriteEndObject();
    }
}
