using System.Net;

namespace Dmarc.Reports.Enrichment;

/// <summary>
/// Country and autonomous system of an IP address, from local databases (GeoLite2, DB-IP). An address the
/// databases do not know gives empty facts with a note, never an exception.
/// </summary>
public interface INetworkInfo
{
    NetworkFacts Find(IPAddress ip);
}

/// <summary>What the network databases say about one IP address; missing fields are null and <see cref="Notes"/> says why.</summary>
public sealed record NetworkFacts(string? Country, long? Asn, string? AsOrganization)
{
    /// <summary>Why a field is missing (no database configured, address not in the database); empty when none.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
