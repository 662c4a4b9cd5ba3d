using System.Text;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Tests.Enrichment;

/// <summary>The known-senders map: matched by a forward-confirmed PTR name, else by ASN; a configuration file goes over it.</summary>
public sealed class KnownSendersTests
{
    private static readonly CancellationToken _token = TestContext.Current.CancellationToken;

    private static KnownSenders Parse(string json) => KnownSenders.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Theory]
    [InlineData("mail-wm1-f54.google.com", "google.com", "Google", SenderType.MailboxProvider)]
    [InlineData("mail-am6eur05on2101.outbound.protection.outlook.com", "outlook.com", "Microsoft", SenderType.MailboxProvider)]
    [InlineData("a8-52.smtp-out.amazonses.com", "amazonses.com", "Amazon SES", SenderType.EmailServiceProvider)]
    [InlineData("ec2-3-120-1-5.eu-central-1.compute.amazonaws.com", "amazonaws.com", "Amazon Web Services", SenderType.Hosting)]
    [InlineData("o1.ptr2045.sendgrid.net", "sendgrid.net", "SendGrid", SenderType.EmailServiceProvider)]
    [InlineData("mx0b-00190b01.pphosted.com", "pphosted.com", "Proofpoint", SenderType.SecurityGateway)]
    [InlineData("out2-smtp.messagingengine.com", "messagingengine.com", "Fastmail", SenderType.MailboxProvider)]
    [InlineData("web01.groups.io", "groups.io", "groups.io", SenderType.Forwarder)]
    [InlineData("vm1.westeurope.cloudapp.azure.com", "azure.com", "Microsoft Azure", SenderType.Hosting)]
    public void The_built_in_map_knows_big_senders_by_their_confirmed_PTR_name(string name, string baseDomain, string expectedName, SenderType type)
    {
        var sender = KnownSenders.BuiltIn.Match(name, baseDomain, asn: null);

        Assert.NotNull(sender);
        Assert.StartsWith(expectedName, sender.Name, StringComparison.Ordinal);
        Assert.Equal(type, sender.Type);
        Assert.Contains(name, sender.MatchedBy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24940, "Hetzner", SenderType.Hosting)]
    [InlineData(15169, "Google", SenderType.MailboxProvider)]
    [InlineData(11377, "SendGrid", SenderType.EmailServiceProvider)]
    [InlineData(14061, "DigitalOcean", SenderType.Hosting)]
    public void The_built_in_map_knows_networks_by_their_AS_number(long asn, string expectedName, SenderType type)
    {
        var sender = KnownSenders.BuiltIn.Match(confirmedName: null, baseDomain: null, asn);

        Assert.NotNull(sender);
        Assert.StartsWith(expectedName, sender.Name, StringComparison.Ordinal);
        Assert.Equal(type, sender.Type);
        Assert.Contains($"AS{asn}", sender.MatchedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PTR_name_wins_over_the_AS_number()
    {
        // SES sends from Amazon's AS16509: the confirmed amazonses.com name tells it apart from any EC2 machine.
        var sender = KnownSenders.BuiltIn.Match("a8-52.smtp-out.amazonses.com", "amazonses.com", 16509);

        Assert.Equal(SenderType.EmailServiceProvider, sender?.Type);
    }

    [Fact]
    public void The_built_in_map_has_every_kind_of_sender_and_gives_no_domain_or_ASN_twice()
    {
        var definitions = KnownSenders.BuiltIn.Definitions;

        Assert.All(Enum.GetValues<SenderType>().Where(type => type != SenderType.Operator),
            type => Assert.Contains(definitions, definition => definition.Type == type));
        var domains = definitions.SelectMany(definition => definition.Domains).ToList();
        var asns = definitions.SelectMany(definition => definition.Asns).ToList();
        Assert.Equal(domains.Distinct().Order(), domains.Order());
        Assert.Equal(asns.Distinct().Order(), asns.Order());
    }

    [Fact]
    public async Task An_unconfirmed_PTR_name_matches_nothing_so_a_forged_name_proves_nothing()
    {
        var dns = FakeReverseDns.Open();
        dns.Ptr["192.0.2.66"] = ["mail-wm1-f54.google.com"];
        using var enricher = new SourceEnricher(dns, null, new LastLabels(), KnownSenders.BuiltIn, settings: new SourceEnricherSettings { LookUpSpecialPurposeAddresses = true });

        var info = await enricher.EnrichAsync("192.0.2.66", _token);

        Assert.Equal("mail-wm1-f54.google.com", info.ReverseDns);
        Assert.Null(info.Sender);
    }

    [Fact]
    public async Task The_enricher_names_the_sender_of_a_confirmed_PTR_name()
    {
        var dns = FakeReverseDns.Open().Confirmed("192.0.2.67", "o1.ptr2045.sendgrid.net");
        using var enricher = new SourceEnricher(dns, null, new LastLabels(), KnownSenders.BuiltIn, settings: new SourceEnricherSettings { LookUpSpecialPurposeAddresses = true });

        var info = await enricher.EnrichAsync("192.0.2.67", _token);

        Assert.Equal(new KnownSender("SendGrid", SenderType.EmailServiceProvider, "reverse DNS o1.ptr2045.sendgrid.net (forward-confirmed) is under sendgrid.net"), info.Sender);
    }

    [Fact]
    public void A_configuration_file_replaces_a_sender_of_the_same_name_and_adds_new_ones()
    {
        var overrides = Parse("""
            {
              // comments and trailing commas are allowed
              "senders": [
                { "name": "SendGrid", "type": "EmailServiceProvider", "domains": ["sendgrid.example"], },
                { "name": "Our list server", "type": "Forwarder", "domains": ["lists.example.org."], "asns": [64510] },
                { "name": "Not Hetzner", "type": "Hosting", "asns": [24940] },
              ],
            }
            """);

        var merged = KnownSenders.BuiltIn.MergedWith(overrides);

        Assert.Null(merged.Match("o1.ptr2045.sendgrid.net", "sendgrid.net", null));
        Assert.Equal("SendGrid", merged.Match("mta1.sendgrid.example", "sendgrid.example", null)?.Name);
        Assert.Equal(SenderType.Forwarder, merged.Match("mx1.lists.example.org", "example.org", null)?.Type);
        Assert.Null(merged.Match("www.example.org", "example.org", null));
        Assert.Equal("Our list server", merged.Match(null, null, 64510)?.Name);
        Assert.Equal("Not Hetzner", merged.Match(null, null, 24940)?.Name);
        Assert.Equal("Google (Gmail, Google Workspace)", merged.Match("mail-wm1-f54.google.com", "google.com", null)?.Name);
    }

    [Theory]
    [InlineData("""{ "senders": [ { "type": "Hosting" } ] }""", "test.json: sender 1 has no name")]
    [InlineData("""{ "senders": [ { "name": "X", "type": "Spammer" } ] }""", "test.json: sender 1 (X): type 'Spammer' is not one of")]
    [InlineData("""{ "senders": [ { "name": "X", "type": "7" } ] }""", "test.json: sender 1 (X): type '7' is not one of")]
    [InlineData("""{ "senders": [ { "name": "X", "type": "Hosting", "domains": ["localhost"] } ] }""", "'localhost' is not a domain")]
    [InlineData("""{ "senders": [ { "name": "X", "type": "Hosting", "asns": [0] } ] }""", "0 is not an AS number")]
    [InlineData("""{ "senders": [ { "name": "X", "type": "Hosting", "domain": ["x.example"] } ] }""", "test.json: not valid (line 1")]
    [InlineData("""{ "senders": [ """, "test.json: not valid")]
    public void A_broken_configuration_file_says_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
