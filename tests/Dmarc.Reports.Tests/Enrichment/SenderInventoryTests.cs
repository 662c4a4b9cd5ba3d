using System.Net;
using System.Text;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Tests.Enrichment;

/// <summary>The operator's inventory: their outbound ranges and the third parties they authorised, by IP, SPF include or DKIM d=.</summary>
public sealed class SenderInventoryTests
{
    private static readonly CancellationToken _token = TestContext.Current.CancellationToken;

    private const string InventoryJson = """
        {
          "operator": "Example Corp mail servers",
          "outboundRanges": ["192.0.2.0/25", "2001:db8:10::/48", "198.51.100.7"],
          "authorisedSenders": [
            { "name": "Newsletter at SendGrid", "spfIncludes": ["sendgrid.net"], "dkimDomains": ["em.example.com"] },
            { "name": "Billing at Mailchimp", "ranges": ["203.0.113.128/26"], "spfIncludes": ["servers.mcsv.net"], "dkimDomains": ["mcsv.net"] }
          ]
        }
        """;

    private static SenderInventory Inventory(string json = InventoryJson) =>
        SenderInventory.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), new LastLabels(), "inventory.json");

    private static KnownSender? Source(string ip, string? baseDomain = null) => Inventory().MatchSource(IPAddress.Parse(ip), baseDomain);

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.0/25")]
    [InlineData("192.0.2.127", "192.0.2.0/25")]
    [InlineData("2001:db8:10:ffff::1", "2001:db8:10::/48")]
    [InlineData("198.51.100.7", "198.51.100.7/32")]
    [InlineData("::ffff:192.0.2.9", "192.0.2.0/25")]
    public void An_IP_in_the_operators_ranges_is_the_operators(string ip, string range)
    {
        var sender = Source(ip);

        Assert.Equal(SenderType.Operator, sender?.Type);
        Assert.Equal("Example Corp mail servers", sender?.Name);
        Assert.Contains($"outbound range {range}", sender?.MatchedBy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.128")]
    [InlineData("2001:db8:11::1")]
    [InlineData("198.51.100.8")]
    [InlineData("203.0.113.127")]
    public void An_IP_just_outside_every_range_matches_nothing(string ip) => Assert.Null(Source(ip));

    [Fact]
    public void An_IP_in_a_third_partys_range_is_that_authorised_sender()
    {
        var sender = Source("203.0.113.130");

        Assert.Equal(new KnownSender("Billing at Mailchimp", SenderType.EmailServiceProvider,
            "203.0.113.130 is in 203.0.113.128/26, a range of authorised sender Billing at Mailchimp"), sender);
    }

    [Fact]
    public void A_confirmed_PTR_under_an_SPF_includes_domain_is_that_authorised_sender()
    {
        var sender = Source("192.0.2.200", baseDomain: "sendgrid.net");

        Assert.Equal("Newsletter at SendGrid", sender?.Name);
        Assert.Contains("SPF include sendgrid.net", sender?.MatchedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_DKIM_signature_with_an_authorised_d_or_a_subdomain_of_it_matches()
    {
        var inventory = Inventory();
        var unknownSource = new SourceInfo("192.0.2.200");

        var exact = inventory.MatchRecord(unknownSource, Record(dkim: [new DkimAuthResult("em.example.com", "s1", DkimResult.Pass, null)]));
        var below = inventory.MatchRecord(unknownSource, Record(dkim: [new DkimAuthResult("US5.MCSV.NET", "k1", DkimResult.Pass, null)]));

        Assert.Equal("Newsletter at SendGrid", exact?.Name);
        Assert.Contains("DKIM d=em.example.com passes", exact?.MatchedBy, StringComparison.Ordinal);
        Assert.Equal("Billing at Mailchimp", below?.Name);
        Assert.Contains("d=us5.mcsv.net", below?.MatchedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_DKIM_signature_or_SPF_result_matches_nothing_as_anyone_can_claim_a_domain()
    {
        var record = Record(
            dkim: [new DkimAuthResult("em.example.com", "s1", DkimResult.Fail, null), new DkimAuthResult("notem.example.com", "s1", DkimResult.Pass, null)],
            spf: [new SpfAuthResult("bounces.sendgrid.net", SpfScope.MailFrom, SpfResult.SoftFail, null)]);

        Assert.Null(Inventory().MatchRecord(new SourceInfo("192.0.2.200"), record));
    }

    [Fact]
    public void An_SPF_pass_for_a_domain_under_an_included_organisational_domain_matches()
    {
        var record = Record(spf: [new SpfAuthResult("bounce.mail12.mcsv.net", SpfScope.MailFrom, SpfResult.Pass, null)]);

        var sender = Inventory().MatchRecord(new SourceInfo("192.0.2.200"), record);

        Assert.Equal("Billing at Mailchimp", sender?.Name);
        Assert.Contains("SPF passes for bounce.mail12.mcsv.net, under mcsv.net of SPF include servers.mcsv.net", sender?.MatchedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_from_the_operators_range_is_the_operators_whatever_it_says()
    {
        var sender = Inventory().MatchRecord(new SourceInfo("192.0.2.3"), Record());

        Assert.Equal(SenderType.Operator, sender?.Type);
    }

    [Fact]
    public async Task The_inventory_goes_before_the_known_senders_map()
    {
        var dns = FakeReverseDns.Open().Confirmed("192.0.2.201", "o1.ptr2045.sendgrid.net").Confirmed("192.0.2.202", "o2.ptr2046.sendgrid.net");
        using var withInventory = new SourceEnricher(dns, null, new LastLabels(), KnownSenders.BuiltIn, Inventory(), new SourceEnricherSettings { LookUpSpecialPurposeAddresses = true });
        using var without = new SourceEnricher(dns, null, new LastLabels(), KnownSenders.BuiltIn, settings: new SourceEnricherSettings { LookUpSpecialPurposeAddresses = true });

        var authorised = await withInventory.EnrichAsync("192.0.2.201", _token);
        var generic = await without.EnrichAsync("192.0.2.202", _token);

        Assert.Equal("Newsletter at SendGrid", authorised.Sender?.Name);
        Assert.Equal("SendGrid", generic.Sender?.Name);
    }

    [Theory]
    [InlineData("""{ "outboundRanges": ["192.0.2.1/24"] }""", "inventory.json: outboundRanges: '192.0.2.1/24' has bits set after the prefix; the range is 192.0.2.0/24")]
    [InlineData("""{ "outboundRanges": ["192.0.2.0/33"] }""", "the prefix length must be a number from 0 to 32")]
    [InlineData("""{ "outboundRanges": ["mail.example.com"] }""", "'mail.example.com' is not an IP address or CIDR range")]
    [InlineData("""{ "authorisedSenders": [ { "spfIncludes": ["x.example"] } ] }""", "inventory.json: authorised sender 1 has no name")]
    [InlineData("""{ "authorisedSenders": [ { "name": "X", "dkimDomains": ["example"] } ] }""", "authorised sender 1 (X): dkimDomains: 'example' is not a domain")]
    [InlineData("""{ "outboundRange": [] }""", "inventory.json: not valid")]
    public void A_broken_inventory_says_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Inventory(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inventory_without_an_operator_name_uses_a_plain_one()
    {
        var inventory = Inventory("""{ "outboundRanges": ["0.0.0.0/0"] }""");

        Assert.Equal(SenderInventory.DefaultOperatorName, inventory.MatchSource(IPAddress.Parse("8.8.8.8"), null)?.Name);
        Assert.Null(inventory.MatchSource(IPAddress.Parse("2001:db8::1"), null));
    }

    private static AggregateRecord Record(IReadOnlyList<DkimAuthResult>? dkim = null, IReadOnlyList<SpfAuthResult>? spf = null) => new()
    {
        SourceIp = "192.0.2.200",
        Count = 1,
        PolicyEvaluated = new PolicyEvaluated(Disposition.None, DmarcVerdict.Fail, DmarcVerdict.Fail, []),
        HeaderFrom = "example.com",
        Dkim = dkim ?? [],
        Spf = spf ?? [],
    };
}
