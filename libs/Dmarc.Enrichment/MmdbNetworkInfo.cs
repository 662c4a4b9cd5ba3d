using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dmarc.Reports.Enrichment;
using MaxMind.Db;

namespace Dmarc.Enrichment;

/// <summary>
/// Country and autonomous system from MaxMind DB files (GeoLite2-Country / GeoLite2-ASN, or DB-IP's lite databases of
/// the same shape): <c>country.iso_code</c>, <c>autonomous_system_number</c>, <c>autonomous_system_organization</c>.
/// Either database may be missing; what it would have given is then a note.
/// </summary>
public sealed class MmdbNetworkInfo : INetworkInfo, IDisposable
{
    private readonly Reader? _country;
    private readonly Reader? _asn;

    private MmdbNetworkInfo(Reader? country, Reader? asn)
    {
        _country = country;
        _asn = asn;
    }

    /// <summary>Opens the databases at the given paths (either may be null); <see cref="InvalidDataException"/> for a file that is not one.</summary>
    public static MmdbNetworkInfo Open(string? countryDatabasePath, string? asnDatabasePath)
    {
        var country = OpenFile(countryDatabasePath, "country");
        try
        {
            return new MmdbNetworkInfo(country, OpenFile(asnDatabasePath, "ASN"));
        }
        catch
        {
            country?.Dispose();
            throw;
        }
    }

    /// <summary>Reads the databases from streams (either may be null), e.g. for databases kept elsewhere than in files.</summary>
    public static MmdbNetworkInfo Read(Stream? countryDatabase, Stream? asnDatabase)
    {
        var country = countryDatabase is null ? null : OpenStream(countryDatabase, "country");
        try
        {
            return new MmdbNetworkInfo(country, asnDatabase is null ? null : OpenStream(asnDatabase, "ASN"));
        }
        catch
        {
            country?.Dispose();
            throw;
        }
    }

    public NetworkFacts Find(IPAddress ip)
    {
        var notes = new List<string>();
        var countryRecord = Lookup(_country, "country", ip, notes);
        var asnRecord = Lookup(_asn, "ASN", ip, notes);
        var country = Text(Child(countryRecord, "country"), "iso_code") ?? Text(Child(countryRecord, "registered_country"), "iso_code");
        return new NetworkFacts(country, Number(asnRecord, "autonomous_system_number"), Text(asnRecord, "autonomous_system_organization"))
        {
            Notes = notes,
        };
    }

    public void Dispose()
    {
        _country?.Dispose();
        _asn?.Dispose();
    }

    private static Dictionary<string, object>? Lookup(Reader? reader, string which, IPAddress ip, List<string> notes)
    {
        if (reader is null)
        {
            notes.Add($"no {which} database configured");
            return null;
        }

        if (reader.Metadata.IPVersion == 4 && ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            notes.Add($"the {which} database holds IPv4 addresses only");
            return null;
        }

        var record = reader.Find<Dictionary<string, object>>(ip);
        if (record is null)
        {
            notes.Add($"{ip} is not in the {which} database");
        }

        return record;
    }

    private static Dictionary<string, object>? Child(Dictionary<string, object>? record, string key) =>
        record is not null && record.TryGetValue(key, out var value) ? value as Dictionary<string, object> : null;

    private static string? Text(Dictionary<string, object>? record, string key) =>
        record is not null && record.TryGetValue(key, out var value) && value is string text && text.Length > 0 ? text : null;

    private static long? Number(Dictionary<string, object>? record, string key) =>
        record is not null && record.TryGetValue(key, out var value) && value is IConvertible number
            && long.TryParse(number.ToString(CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;

    private static Reader? OpenFile(string? path, string which)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            return new Reader(path, FileAccessMode.MemoryMapped);
        }
        catch (Exception exception) when (exception is InvalidDatabaseException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{which} database {path}: cannot be read as a MaxMind DB file: {exception.Message}", exception);
        }
    }

    private static Reader OpenStream(Stream stream, string which)
    {
        try
        {
            return new Reader(stream);
        }
        catch (InvalidDatabaseException exception)
        {
            throw new InvalidDataException($"{which} database: not a MaxMind DB file: {exception.Message}", exception);
        }
    }
}
