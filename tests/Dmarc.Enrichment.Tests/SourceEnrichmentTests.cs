using Dmarc.Reports.Enrichment;

namespace Dmarc.Enrichment.Tests;

/// <summary>SourceEnrichment.Create: the enricher as the options configure it, from DNS server to inventory file.</summary>
public sealed class SourceEnrichmentTests : IDisposable
{
    private static readonly CancellationToken _token = TestContext.Current.CancellationToken;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dmarc-enrichment-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Everything_configured_comes_together_in_one_source()
    {
        await using var server = new LoopbackDnsServer()
            .WithPtr("192.0.2.10", "static.10.2.0.192.clients.your-server.de")
            .WithAddresses("static.10.2.0.192.clients.your-server.de", "192.0.2.10");
        var options = new EnrichmentOptions
        {
            NameServers = [server.NameServer],
            LookUpSpecialPurposeAddresses = true,
            CountryDatabasePath = WriteFile("country.mmdb", MmdbNetworkInfoTests.CountryDatabase()),
            AsnDatabasePath = WriteFile("asn.mmdb", MmdbNetworkInfoTests.AsnDatabase()),
        };
        using var enrichment = SourceEnrichment.Create(options, new LastLabels());

        var info = await enrichment.EnrichAsync("192.0.2.10", _token);

        Assert.True(enrichment.LooksUpDns);
        Assert.Equal(("static.10.2.0.192.clients.your-server.de", true, "your-server.de"), (info.ReverseDns, info.ForwardConfirmed, info.BaseDomain));
        Assert.Equal(("DE", 24940L, "Hetzner Online GmbH"), (info.Country, info.Asn, info.AsOrganization));
        Assert.Equal(new KnownSender("Hetzner", SenderType.Hosting, "reverse DNS static.10.2.0.192.clients.your-server.de (forward-confirmed) is under your-server.de"), info.Sender);
        Assert.Empty(info.Notes);
    }

    [Fact]
    public async Task Offline_makes_no_DNS_client_and_still_reads_the_local_files()
    {
        await using var server = new LoopbackDnsServer().WithPtr("192.0.2.10", "mx.example.com");
        var options = new EnrichmentOptions
        {
            Offline = true,
            NameServers = [server.NameServer],
            LookUpSpecialPurposeAddresses = true,
            AsnDatabasePath = WriteFile("asn.mmdb", MmdbNetworkInfoTests.AsnDatabase()),
        };
        using var enrichment = SourceEnrichment.Create(options, new LastLabels());

        var info = await enrichment.EnrichAsync("192.0.2.10", _token);

        Assert.False(enrichment.LooksUpDns);
        Assert.Equal(0, server.Queries);
        Assert.Null(info.ReverseDns);
        Assert.Equal("Hetzner", info.Sender?.Name);
        Assert.Contains("the IP is in AS24940", info.Sender?.MatchedBy, StringComparison.Ordinal);
        Assert.Contains(info.Notes, note => note.StartsWith("offline", StringComparison.Ordinal));
        Assert.Contains("no country database configured", info.Notes);
    }

    [Fact]
    public async Task The_known_senders_file_goes_over_the_built_in_map_and_the_inventory_over_both()
    {
        var options = new EnrichmentOptions
        {
            Offline = true,
            AsnDatabasePath = WriteFile("asn.mmdb", MmdbNetworkInfoTests.AsnDatabase()),
            KnownSendersPath = WriteFile("senders.json", """{ "senders": [ { "name": "Our private AS", "type": "Hosting", "asns": [4200000001] } ] }"""),
            InventoryPath = WriteFile("inventory.json", """{ "operator": "Example Corp", "outboundRanges": ["192.0.2.0/28"] }"""),
        };
        using var enrichment = SourceEnrichment.Create(options, new LastLabels());

        var own = await enrichment.EnrichAsync("192.0.2.10", _token);
        var privateAs = await enrichment.EnrichAsync("2001:db8:10::1", _token);
        var hetzner = await enrichment.EnrichAsync("192.0.2.100", _token);

        Assert.Equal(new KnownSender("Example Corp", SenderType.Operator, "192.0.2.10 is in the operator's outbound range 192.0.2.0/28"), own.Sender);
        Assert.Equal("Our private AS", privateAs.Sender?.Name);
        Assert.Equal("Hetzner", hetzner.Sender?.Name);
        Assert.Equal("Example Corp", enrichment.Inventory.OperatorName);
    }

    [Fact]
    public void A_configured_file_that_is_missing_is_named_at_start()
    {
        var missing = Path.Combine(_directory.FullName, "no-such-inventory.json");

        var error = Assert.Throws<FileNotFoundException>(() => SourceEnrichment.Create(new EnrichmentOptions { InventoryPath = missing }, new LastLabels()));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_inventory_is_named_at_start()
    {
        var path = WriteFile("inventory.json", """{ "outboundRanges": ["192.0.2.1/24"] }""");

        var error = Assert.Throws<InvalidDataException>(() => SourceEnrichment.Create(new EnrichmentOptions { InventoryPath = path }, new LastLabels()));

        Assert.StartsWith($"{path}: outboundRanges: '192.0.2.1/24' has bits set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_before_anything_is_opened()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SourceEnrichment.Create(new EnrichmentOptions { MaxConcurrentLookups = 0 }, new LastLabels()));

        Assert.Equal("MaxConcurrentLookups", error.ParamName);
    }
}
