using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Tests.Enrichment;

/// <summary>
/// Reverse DNS counts only when forward-confirmed; every failure is a note, never an exception; each IP is looked up
/// once while cached, and no more IPs at a time than configured.
/// </summary>
public sealed class SourceEnricherTests
{
    private static readonly CancellationToken _token = TestContext.Current.CancellationToken;

    private static SourceEnricher Enricher(
        FakeReverseDns? dns, INetworkInfo? network = null, SourceEnricherSettings? settings = null, KnownSenders? known = null) =>
        // The tests' addresses are in the documentation ranges, which the enricher leaves alone unless told otherwise.
        new(dns, network, new LastLabels(), known ?? KnownSenders.None, settings: (settings ?? new()) with { LookUpSpecialPurposeAddresses = true });

    [Fact]
    public async Task Addresses_not_on_the_public_internet_are_not_looked_up_by_default()
    {
        var dns = FakeReverseDns.Open().Confirmed("192.168.1.20", "printer.lan.example");
        using var enricher = new SourceEnricher(dns, null, new LastLabels(), KnownSenders.None);

        var info = await enricher.EnrichAsync("192.168.1.20", _token);

        Assert.Null(info.ReverseDns);
        Assert.Contains(info.Notes, note => note.Contains("192.168.0.0/16", StringComparison.Ordinal));
        Assert.Equal(0, dns.PtrCalls);
    }

    [Fact]
    public async Task A_PTR_name_that_resolves_back_is_forward_confirmed_and_gives_the_base_domain()
    {
        var dns = FakeReverseDns.Open().Confirmed("203.0.113.7", "Mail-7.Out.Example.co.uk.");
        using var enricher = Enricher(dns);

        var info = await enricher.EnrichAsync("203.0.113.7", _token);

        Assert.Equal("mail-7.out.example.co.uk", info.ReverseDns);
        Assert.True(info.ForwardConfirmed);
        Assert.Equal("example.co.uk", info.BaseDomain);
        Assert.DoesNotContain(info.Notes, note => note.Contains("reverse DNS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_PTR_name_that_resolves_elsewhere_is_kept_but_not_confirmed_and_has_no_base_domain()
    {
        var dns = FakeReverseDns.Open();
        dns.Ptr["198.51.100.9"] = ["mail.bank.example"];
        dns.Addresses["mail.bank.example"] = ["192.0.2.1"];
        using var enricher = Enricher(dns);

        var info = await enricher.EnrichAsync("198.51.100.9", _token);

        Assert.Equal("mail.bank.example", info.ReverseDns);
        Assert.False(info.ForwardConfirmed);
        Assert.Null(info.BaseDomain);
        Assert.Contains(info.Notes, note => note.Contains("not forward-confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_second_PTR_name_may_be_the_one_that_confirms()
    {
        var dns = FakeReverseDns.Open();
        dns.Ptr["2001:db8::25"] = ["stale.example.net", "mx.example.org"];
        dns.Addresses["stale.example.net"] = ["2001:db8::99"];
        dns.Addresses["mx.example.org"] = ["192.0.2.5", "2001:db8::25"];
        using var enricher = Enricher(dns);

        var info = await enricher.EnrichAsync("2001:db8::25", _token);

        Assert.True(info.ForwardConfirmed);
        Assert.Equal("mx.example.org", info.ReverseDns);
        Assert.Equal("example.org", info.BaseDomain);
    }

    [Fact]
    public async Task An_IP_without_PTR_is_a_normal_result_with_a_note()
    {
        using var enricher = Enricher(FakeReverseDns.Open());

        var info = await enricher.EnrichAsync("192.0.2.44", _token);

        Assert.Equal("192.0.2.44", info.Ip);
        Assert.Null(info.ReverseDns);
        Assert.False(info.ForwardConfirmed);
        Assert.Contains("no reverse DNS (PTR) for 192.0.2.44", info.Notes);
    }

    [Fact]
    public async Task A_PTR_lookup_that_does_not_answer_times_out_into_a_note()
    {
        var dns = FakeReverseDns.Open();
        dns.Hanging.Add("192.0.2.45");
        using var enricher = Enricher(dns, settings: new() { LookupTimeout = TimeSpan.FromMilliseconds(50) });

        var info = await enricher.EnrichAsync("192.0.2.45", _token);

        Assert.Null(info.ReverseDns);
        Assert.Contains(info.Notes, note => note.Contains("timed out after 0.05 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forward_lookup_that_does_not_answer_times_out_into_a_note()
    {
        var dns = FakeReverseDns.Open();
        dns.Ptr["192.0.2.46"] = ["slow.example.net"];
        dns.Hanging.Add("slow.example.net");
        using var enricher = Enricher(dns, settings: new() { LookupTimeout = TimeSpan.FromMilliseconds(50) });

        var info = await enricher.EnrichAsync("192.0.2.46", _token);

        Assert.Equal("slow.example.net", info.ReverseDns);
        Assert.False(info.ForwardConfirmed);
        Assert.Contains(info.Notes, note => note.StartsWith("forward lookup of slow.example.net timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_DNS_error_is_a_note_that_names_it()
    {
        var dns = FakeReverseDns.Open();
        dns.Failing.Add("192.0.2.47");
        using var enricher = Enricher(dns);

        var info = await enricher.EnrichAsync("192.0.2.47", _token);

        Assert.Contains(info.Notes, note => note.Contains("failed: SERVFAIL for 192.0.2.47", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_enough_failed_lookups_in_a_row_dns_is_given_up_for_the_rest_of_the_run()
    {
        var dns = FakeReverseDns.Open().Confirmed("192.0.2.200", "mx.example.com");
        for (var i = 1; i <= 6; i++)
        {
            dns.Failing.Add($"192.0.2.{i}");
        }

        using var enricher = Enricher(dns, settings: new() { MaxFailedLookupsInARow = 3, MaxConcurrentLookups = 1 });

        for (var i = 1; i <= 6; i++)
        {
            await enricher.EnrichAsync($"192.0.2.{i}", _token);
        }

        var afterGivingUp = await enricher.EnrichAsync("192.0.2.200", _token);

        Assert.Equal(3, dns.PtrCalls);
        Assert.Null(afterGivingUp.ReverseDns);
        Assert.Contains(afterGivingUp.Notes, note => note.StartsWith("reverse DNS was given up after 3 lookups in a row failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lookup_that_answers_resets_the_count_of_failures_in_a_row()
    {
        var dns = FakeReverseDns.Open().Confirmed("192.0.2.100", "mx.example.com");
        dns.Failing.UnionWith(["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]);
        using var enricher = Enricher(dns, settings: new() { MaxFailedLookupsInARow = 3, MaxConcurrentLookups = 1 });

        foreach (var ip in new[] { "192.0.2.1", "192.0.2.2", "192.0.2.100", "192.0.2.3", "192.0.2.4" })
        {
            await enricher.EnrichAsync(ip, _token);
        }

        Assert.Equal(5, dns.PtrCalls);
    }

    [Fact]
    public async Task A_source_that_is_not_an_IP_address_is_not_looked_up()
    {
        var dns = FakeReverseDns.Open();
        using var enricher = Enricher(dns);

        var info = await enricher.EnrichAsync("1.2", _token);

        Assert.Equal("1.2", info.Ip);
        Assert.Contains(info.Notes, note => note.Contains("not an IP address", StringComparison.Ordinal));
        Assert.Equal(0, dns.PtrCalls);
    }

    [Fact]
    public async Task Offline_looks_nothing_up_in_DNS_and_says_so()
    {
        var dns = FakeReverseDns.Open().Confirmed("192.0.2.10", "mx.example.com");
        var network = new FakeNetworkInfo();
        network.Facts["192.0.2.10"] = new NetworkFacts("DE", 64500, "Example Networks");
        using var enricher = Enricher(dns, network, new() { Offline = true });

        var info = await enricher.EnrichAsync("192.0.2.10", _token);

        Assert.Equal(0, dns.PtrCalls + dns.AddressCalls);
        Assert.Null(info.ReverseDns);
        Assert.Contains(info.Notes, note => note.StartsWith("offline", StringComparison.Ordinal));
        Assert.Equal(("DE", 64500L, "Example Networks"), (info.Country, info.Asn, info.AsOrganization));
    }

    [Fact]
    public async Task Without_a_network_database_the_note_says_so()
    {
        using var enricher = Enricher(FakeReverseDns.Open());

        var info = await enricher.EnrichAsync("192.0.2.11", _token);

        Assert.Null(info.Country);
        Assert.Contains("no country or AS database configured", info.Notes);
    }

    [Fact]
    public async Task A_second_request_for_an_IP_comes_from_the_cache()
    {
        var dns = FakeReverseDns.Open().Confirmed("192.0.2.20", "mx.example.com");
        using var enricher = Enricher(dns);

        var first = await enricher.EnrichAsync("192.0.2.20", _token);
        var second = await enricher.EnrichAsync("192.0.2.20", _token);
        var mapped = await enricher.EnrichAsync("::ffff:192.0.2.20", _token);

        Assert.Equal(1, dns.PtrCalls);
        Assert.Equal(1, dns.AddressCalls);
        Assert.Equal(first, second);
        Assert.Equal("::ffff:192.0.2.20", mapped.Ip);
        Assert.True(mapped.ForwardConfirmed);
    }

    [Fact]
    public async Task A_failed_lookup_is_tried_again_after_its_shorter_lifetime_a_good_one_is_not()
    {
        var clock = new ManualClock();
        var dns = FakeReverseDns.Open().Confirmed("192.0.2.21", "mx.example.com");
        dns.Failing.Add("192.0.2.22");
        var settings = new SourceEnricherSettings
        {
            TimeProvider = clock, CacheLifetime = TimeSpan.FromHours(1), FailedLookupLifetime = TimeSpan.FromMinutes(5),
        };
        using var enricher = Enricher(dns, settings: settings);

        await enricher.EnrichAsync("192.0.2.21", _token);
        await enricher.EnrichAsync("192.0.2.22", _token);
        clock.Advance(TimeSpan.FromMinutes(6));
        await enricher.EnrichAsync("192.0.2.21", _token);
        await enricher.EnrichAsync("192.0.2.22", _token);
        clock.Advance(TimeSpan.FromHours(1));
        await enricher.EnrichAsync("192.0.2.21", _token);

        Assert.Equal(["192.0.2.21", "192.0.2.22", "192.0.2.22", "192.0.2.21"], dns.PtrQueries);
    }

    [Fact]
    public async Task The_cache_keeps_at_most_its_capacity_and_drops_the_least_recently_used()
    {
        var dns = FakeReverseDns.Open();
        using var enricher = Enricher(dns, settings: new() { CacheCapacity = 2 });

        await enricher.EnrichAsync("192.0.2.1", _token);
        await enricher.EnrichAsync("192.0.2.2", _token);
        await enricher.EnrichAsync("192.0.2.1", _token); // now the most recent
        await enricher.EnrichAsync("192.0.2.3", _token); // drops .2
        await enricher.EnrichAsync("192.0.2.1", _token); // still cached
        await enricher.EnrichAsync("192.0.2.2", _token); // looked up again

        Assert.Equal(2, enricher.CachedCount);
        Assert.Equal(["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.2"], dns.PtrQueries);
    }

    [Fact]
    public async Task Callers_asking_for_the_same_IP_at_once_share_one_lookup()
    {
        var dns = new FakeReverseDns().Confirmed("192.0.2.30", "mx.example.com");
        using var enricher = Enricher(dns);

        var callers = Enumerable.Range(0, 20).Select(_ => enricher.EnrichAsync("192.0.2.30", _token).AsTask()).ToList();
        await WaitUntil(() => dns.PtrCalls >= 1);
        dns.Gate.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, dns.PtrCalls);
        Assert.All(results, info => Assert.True(info.ForwardConfirmed));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_spoil_the_lookup_for_the_others()
    {
        var dns = new FakeReverseDns().Confirmed("192.0.2.31", "mx.example.com");
        using var enricher = Enricher(dns);
        using var impatient = new CancellationTokenSource();

        var givingUp = enricher.EnrichAsync("192.0.2.31", impatient.Token).AsTask();
        var waiting = enricher.EnrichAsync("192.0.2.31", _token).AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givingUp);
        dns.Gate.SetResult();

        Assert.True((await waiting).ForwardConfirmed);
        Assert.Equal(1, dns.PtrCalls);
    }

    [Fact]
    public async Task No_more_IPs_are_looked_up_at_once_than_allowed()
    {
        var dns = new FakeReverseDns();
        using var enricher = Enricher(dns, settings: new() { MaxConcurrentLookups = 2 });

        var lookups = Enumerable.Range(1, 6).Select(n => enricher.EnrichAsync($"192.0.2.{n}", _token).AsTask()).ToList();
        await WaitUntil(() => dns.InFlight == 2);
        await Task.Delay(100, _token); // time for a third lookup to slip through, if the bound did not hold
        var heldAtOnce = dns.InFlight;
        dns.Gate.SetResult();
        await Task.WhenAll(lookups);

        Assert.Equal(2, heldAtOnce);
        Assert.Equal(2, dns.MaxInFlight);
        Assert.Equal(6, dns.PtrCalls);
    }

    [Fact]
    public async Task Network_facts_come_through_with_their_notes()
    {
        var network = new FakeNetworkInfo();
        network.Facts["192.0.2.50"] = new NetworkFacts("NL", 64501, "Example Transit") { Notes = ["no country database configured"] };
        using var enricher = Enricher(FakeReverseDns.Open(), network);

        var known = await enricher.EnrichAsync("192.0.2.50", _token);
        var unknown = await enricher.EnrichAsync("192.0.2.51", _token);

        Assert.Equal(("NL", 64501L, "Example Transit"), (known.Country, known.Asn, known.AsOrganization));
        Assert.Contains("no country database configured", known.Notes);
        Assert.Contains("192.0.2.51 is not in the fake database", unknown.Notes);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 10 s");
            await Task.Delay(5, _token);
        }
    }
}
