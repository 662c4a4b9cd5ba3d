using System.Net;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Enrichment.Tests;

/// <summary>DnsReverseLookup against a DNS server on 127.0.0.1 that answers from a table: PTR, A and AAAA, and failures.</summary>
public sealed class DnsReverseLookupTests
{
    private static readonly CancellationToken _token = TestContext.Current.CancellationToken;

    private static DnsReverseLookup Client(LoopbackDnsServer server, int retries = 0) => new(new EnrichmentOptions
    {
        NameServers = [server.NameServer],
        QueryTimeout = TimeSpan.FromMilliseconds(300),
        Retries = retries,
    });

    [Fact]
    public async Task The_PTR_names_of_an_IPv4_address_come_back()
    {
        await using var server = new LoopbackDnsServer().WithPtr("192.0.2.7", "mx1.example.com", "mail.example.net");

        var names = await Client(server).PtrAsync(IPAddress.Parse("192.0.2.7"), _token);

        Assert.Equal(["mx1.example.com.", "mail.example.net."], names);
    }

    [Fact]
    public async Task The_PTR_name_of_an_IPv6_address_comes_back()
    {
        await using var server = new LoopbackDnsServer().WithPtr("2001:db8::25", "mx6.example.org");

        var names = await Client(server).PtrAsync(IPAddress.Parse("2001:db8::25"), _token);

        Assert.Equal(["mx6.example.org."], names);
    }

    [Fact]
    public async Task A_and_AAAA_records_of_a_name_both_come_back()
    {
        await using var server = new LoopbackDnsServer().WithAddresses("mx1.example.com", "192.0.2.7", "2001:db8::7", "192.0.2.8");

        var addresses = await Client(server).AddressesAsync("mx1.example.com", _token);

        Assert.Equal(["192.0.2.7", "192.0.2.8", "2001:db8::7"], addresses.Select(address => address.ToString()).Order());
    }

    [Fact]
    public async Task A_name_that_does_not_exist_gives_an_empty_answer()
    {
        await using var server = new LoopbackDnsServer();

        var names = await Client(server).PtrAsync(IPAddress.Parse("192.0.2.99"), _token);
        var addresses = await Client(server).AddressesAsync("nowhere.example", _token);

        Assert.Empty(names);
        Assert.Empty(addresses);
        Assert.Equal(3, server.Queries);
    }

    [Fact]
    public async Task A_server_failure_throws_a_DNS_lookup_exception_that_names_the_query()
    {
        await using var server = new LoopbackDnsServer();
        server.ServerFailure.Add(LoopbackDnsServer.ReverseName(IPAddress.Parse("192.0.2.50")));

        var error = await Assert.ThrowsAsync<DnsLookupException>(() => Client(server).PtrAsync(IPAddress.Parse("192.0.2.50"), _token).AsTask());

        Assert.StartsWith("PTR of 192.0.2.50:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_stays_silent_gives_a_DNS_lookup_exception_after_the_retries()
    {
        await using var server = new LoopbackDnsServer();
        server.Silent.Add(LoopbackDnsServer.ReverseName(IPAddress.Parse("192.0.2.51")));

        var error = await Assert.ThrowsAsync<DnsLookupException>(() => Client(server, retries: 1).PtrAsync(IPAddress.Parse("192.0.2.51"), _token).AsTask());

        Assert.Contains("192.0.2.51", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Queries);
    }

    [Fact]
    public async Task The_enricher_over_real_DNS_confirms_a_PTR_name_that_resolves_back()
    {
        await using var server = new LoopbackDnsServer()
            .WithPtr("192.0.2.7", "o1.ptr2045.sendgrid.net")
            .WithAddresses("o1.ptr2045.sendgrid.net", "192.0.2.7")
            .WithPtr("192.0.2.8", "mail-wm1-f54.google.com")
            .WithAddresses("mail-wm1-f54.google.com", "198.51.100.1");
        using var enricher = new SourceEnricher(Client(server), null, new LastLabels(), settings: new SourceEnricherSettings { LookUpSpecialPurposeAddresses = true });

        var confirmed = await enricher.EnrichAsync("192.0.2.7", _token);
        var forged = await enricher.EnrichAsync("192.0.2.8", _token);

        Assert.Equal(("o1.ptr2045.sendgrid.net", true, "sendgrid.net"), (confirmed.ReverseDns, confirmed.ForwardConfirmed, confirmed.BaseDomain));
        Assert.Equal(SenderType.EmailServiceProvider, confirmed.Sender?.Type);
        Assert.Equal(("mail-wm1-f54.google.com", false), (forged.ReverseDns, forged.ForwardConfirmed));
        Assert.Null(forged.Sender);
    }

    [Theory]
    [InlineData("192.0.2.53", "192.0.2.53:53")]
    [InlineData("192.0.2.53:5353", "192.0.2.53:5353")]
    [InlineData("2001:db8::53", "[2001:db8::53]:53")]
    [InlineData("[2001:db8::53]:5353", "[2001:db8::53]:5353")]
    public void Name_servers_are_read_with_or_without_a_port(string text, string expected) =>
        Assert.Equal(expected, NameServerEndPoint.Parse(text).ToString());

    [Fact]
    public void A_name_server_that_is_not_an_address_is_refused_with_a_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new DnsReverseLookup(new EnrichmentOptions { NameServers = ["dns.example"] }));

        Assert.Contains("name server 'dns.example' is not an IP address", error.Message, StringComparison.Ordinal);
    }
}
