using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Enrichment.Tests;

/// <summary>DnsDmarcRecords against a DNS server on 127.0.0.1 answering TXT from a table: what counts as the one record, and failures.</summary>
public sealed class DnsDmarcRecordsTests
{
    private static readonly CancellationToken _token = TestContext.Current.CancellationToken;

    private static EnrichmentOptions Options(LoopbackDnsServer server, int retries = 0) => new()
    {
        NameServers = [server.NameServer],
        QueryTimeout = TimeSpan.FromMilliseconds(300),
        Retries = retries,
    };

    private static DnsDmarcRecords Client(LoopbackDnsServer server, TimeProvider? clock = null) =>
        new(Options(server), clock ?? TimeProvider.System);

    [Fact]
    public async Task The_DMARC_record_at_the_dmarc_name_comes_back_and_other_TXT_records_there_are_ignored()
    {
        await using var server = new LoopbackDnsServer()
            .WithTxt("_dmarc.example.com", "v=DMARC1; p=reject; psd=n")
            .WithTxt("_dmarc.example.com", "google-site-verification=abc")
            .WithTxt("example.com", "v=DMARC1; p=none");

        var record = await Client(server).DmarcRecordAsync("example.com", _token);

        Assert.Equal("v=DMARC1; p=reject; psd=n", record);
    }

    [Fact]
    public async Task The_strings_of_one_TXT_record_are_joined_without_anything_between_them()
    {
        await using var server = new LoopbackDnsServer().WithTxt("_dmarc.example.org", "v=DMARC1; p=quarantine; ru", "a=mailto:dmarc@example.org");

        var record = await Client(server).DmarcRecordAsync("example.org", _token);

        Assert.Equal("v=DMARC1; p=quarantine; rua=mailto:dmarc@example.org", record);
    }

    [Fact]
    public async Task Two_DMARC_records_at_one_name_count_as_none()
    {
        await using var server = new LoopbackDnsServer()
            .WithTxt("_dmarc.example.net", "v=DMARC1; p=none")
            .WithTxt("_dmarc.example.net", "v=DMARC1; p=reject");

        var record = await Client(server).DmarcRecordAsync("example.net", _token);

        Assert.Null(record);
    }

    [Fact]
    public async Task A_name_that_does_not_exist_or_holds_no_TXT_record_has_no_DMARC_record()
    {
        await using var server = new LoopbackDnsServer().WithAddresses("_dmarc.data.example", "192.0.2.1");
        var client = Client(server);

        var missing = await client.DmarcRecordAsync("nowhere.example", _token);
        var noData = await client.DmarcRecordAsync("data.example", _token);

        Assert.Null(missing);
        Assert.Null(noData);
        Assert.Equal(2, server.Queries);
    }

    [Fact]
    public async Task A_server_failure_throws_a_DNS_lookup_exception_naming_the_query_and_is_not_cached()
    {
        await using var server = new LoopbackDnsServer();
        server.ServerFailure.Add("_dmarc.broken.example");
        var client = Client(server);

        var error = await Assert.ThrowsAsync<DnsLookupException>(() => client.DmarcRecordAsync("broken.example", _token).AsTask());
        await Assert.ThrowsAsync<DnsLookupException>(() => client.DmarcRecordAsync("broken.example", _token).AsTask());

        Assert.StartsWith("TXT of _dmarc.broken.example:", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Queries);
        Assert.Equal(0, client.CachedCount);
    }

    [Fact]
    public async Task A_server_that_stays_silent_throws_a_DNS_lookup_exception_not_a_cancellation()
    {
        await using var server = new LoopbackDnsServer();
        server.Silent.Add("_dmarc.silent.example");
        var client = new DnsDmarcRecords(Options(server) with { LookupTimeout = TimeSpan.FromMilliseconds(500) });

        var error = await Assert.ThrowsAsync<DnsLookupException>(() => client.DmarcRecordAsync("silent.example", _token).AsTask());

        Assert.Contains("_dmarc.silent.example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_found_or_not_are_cached_per_domain_until_they_expire()
    {
        await using var server = new LoopbackDnsServer().WithTxt("_dmarc.example.com", "v=DMARC1; p=none");
        var clock = new ManualClock();
        var client = Client(server, clock);

        Assert.NotNull(await client.DmarcRecordAsync("example.com", _token));
        Assert.Null(await client.DmarcRecordAsync("mail.example.com", _token));
        Assert.NotNull(await client.DmarcRecordAsync("example.com", _token));
        Assert.Null(await client.DmarcRecordAsync("mail.example.com", _token));
        Assert.Equal(2, server.Queries);

        // "No record" without an SOA is kept five minutes, the record for its TTL (3600 s): only the first is asked again.
        clock.Advance(TimeSpan.FromMinutes(6));
        await client.DmarcRecordAsync("example.com", _token);
        await client.DmarcRecordAsync("mail.example.com", _token);
        Assert.Equal(3, server.Queries);
    }

    [Fact]
    public async Task The_cache_is_bounded_and_drops_the_least_recently_used_domain_first()
    {
        await using var server = new LoopbackDnsServer();
        var client = new DnsDmarcRecords(Options(server) with { DmarcRecordCacheCapacity = 2 });

        await client.DmarcRecordAsync("a.example", _token);
        await client.DmarcRecordAsync("b.example", _token);
        await client.DmarcRecordAsync("a.example", _token); // a is now the most recent
        await client.DmarcRecordAsync("c.example", _token); // b goes
        await client.DmarcRecordAsync("a.example", _token);
        Assert.Equal(3, server.Queries);

        await client.DmarcRecordAsync("b.example", _token);
        Assert.Equal(4, server.Queries);
        Assert.Equal(2, client.CachedCount);
    }

    [Fact]
    public async Task The_tree_walk_over_DNS_finds_the_organisational_domain_below_a_public_suffix_domain()
    {
        await using var server = new LoopbackDnsServer()
            .WithTxt("_dmarc.example", "v=DMARC1; p=reject; psd=y")
            .WithTxt("_dmarc.shop.example", "v=DMARC1; p=none");

        var organisational = await TreeWalk.OrganizationalDomainAsync("mail.news.shop.example", Client(server), _token);

        Assert.Equal("shop.example", organisational);
    }

    [Fact]
    public void Offline_options_give_the_source_that_knows_no_record()
    {
        Assert.Same(IDmarcRecordSource.Offline, DnsDmarcRecords.Create(new EnrichmentOptions { Offline = true }));
        Assert.IsType<DnsDmarcRecords>(DnsDmarcRecords.Create(new EnrichmentOptions { NameServers = ["127.0.0.1:53"] }));
    }

    [Theory]
    [InlineData("v=DMARC1; p=none", true)]
    [InlineData("v=DMARC1", true)]
    [InlineData(" v = dmarc1 ;p=none", true)]
    [InlineData("v=DMARC10; p=none", false)]
    [InlineData("p=none; v=DMARC1", false)]
    [InlineData("v=spf1 -all", false)]
    [InlineData("", false)]
    public void Only_a_text_whose_first_tag_is_v_DMARC1_is_a_DMARC_record(string text, bool expected) =>
        Assert.Equal(expected, DnsDmarcRecords.StartsAsDmarcRecord(text));
}
