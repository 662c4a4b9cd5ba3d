using System.Net;
using static Dmarc.Enrichment.Tests.Support.MmdbWriter;

namespace Dmarc.Enrichment.Tests;

/// <summary>MmdbNetworkInfo over country and ASN databases written by the test in GeoLite2's shape.</summary>
public sealed class MmdbNetworkInfoTests
{
    internal static byte[] CountryDatabase() => new MmdbWriter("GeoLite2-Country")
        .Add("192.0.2.0/24", new Dictionary<string, object>
        {
            ["country"] = new Dictionary<string, object> { ["iso_code"] = "DE", ["names"] = new Dictionary<string, object> { ["en"] = "Germany" } },
        })
        .Add("198.51.100.0/25", new Dictionary<string, object>
        {
            ["registered_country"] = new Dictionary<string, object> { ["iso_code"] = "NL" },
        })
        .Add("2001:db8:10::/48", new Dictionary<string, object>
        {
            ["country"] = new Dictionary<string, object> { ["iso_code"] = "FR" },
        })
        .ToBytes();

    internal static byte[] AsnDatabase() => new MmdbWriter("GeoLite2-ASN")
        .Add("192.0.2.0/25", new Dictionary<string, object>
        {
            ["autonomous_system_number"] = new UInt32Value(24940),
            ["autonomous_system_organization"] = "Hetzner Online GmbH",
        })
        .Add("2001:db8:10::/48", new Dictionary<string, object>
        {
            ["autonomous_system_number"] = new UInt32Value(4_200_000_001),
            ["autonomous_system_organization"] = "Example Private AS",
        })
        .ToBytes();

    private static MmdbNetworkInfo Both() => MmdbNetworkInfo.Read(new MemoryStream(CountryDatabase()), new MemoryStream(AsnDatabase()));

    [Fact]
    public void An_IPv4_address_in_both_databases_gets_country_AS_number_and_organisation()
    {
        using var info = Both();

        var facts = info.Find(IPAddress.Parse("192.0.2.10"));

        Assert.Equal(("DE", 24940L, "Hetzner Online GmbH"), (facts.Country, facts.Asn, facts.AsOrganization));
        Assert.Empty(facts.Notes);
    }

    [Fact]
    public void An_IPv6_address_and_an_AS_number_above_two_to_the_31_come_through()
    {
        using var info = Both();

        var facts = info.Find(IPAddress.Parse("2001:db8:10:1::25"));

        Assert.Equal(("FR", 4_200_000_001L, "Example Private AS"), (facts.Country, facts.Asn, facts.AsOrganization));
    }

    [Fact]
    public void The_registered_country_stands_in_when_there_is_no_country()
    {
        using var info = Both();

        Assert.Equal("NL", info.Find(IPAddress.Parse("198.51.100.1")).Country);
    }

    [Fact]
    public void An_address_outside_a_database_has_a_note_for_that_database()
    {
        using var info = Both();

        var partly = info.Find(IPAddress.Parse("192.0.2.200"));
        var nowhere = info.Find(IPAddress.Parse("203.0.113.1"));

        Assert.Equal(("DE", null), (partly.Country, partly.Asn));
        Assert.Equal(["192.0.2.200 is not in the ASN database"], partly.Notes);
        Assert.Equal(["203.0.113.1 is not in the country database", "203.0.113.1 is not in the ASN database"], nowhere.Notes);
    }

    [Fact]
    public void A_database_that_is_not_configured_is_a_note()
    {
        using var info = MmdbNetworkInfo.Read(null, new MemoryStream(AsnDatabase()));

        var facts = info.Find(IPAddress.Parse("192.0.2.10"));

        Assert.Equal((null, 24940L), (facts.Country, facts.Asn));
        Assert.Equal(["no country database configured"], facts.Notes);
    }

    [Fact]
    public void Database_files_are_opened_from_their_paths()
    {
        var directory = Directory.CreateTempSubdirectory("dmarc-mmdb-");
        try
        {
            var countryPath = Path.Combine(directory.FullName, "country.mmdb");
            File.WriteAllBytes(countryPath, CountryDatabase());
            using var info = MmdbNetworkInfo.Open(countryPath, asnDatabasePath: null);

            Assert.Equal("DE", info.Find(IPAddress.Parse("192.0.2.1")).Country);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_MaxMind_database_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dmarc-not-mmdb-{Guid.NewGuid():N}.mmdb");
        File.WriteAllText(path, "this is not a database");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => MmdbNetworkInfo.Open(path, null));

            Assert.Contains($"country database {path}: cannot be read as a MaxMind DB file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
