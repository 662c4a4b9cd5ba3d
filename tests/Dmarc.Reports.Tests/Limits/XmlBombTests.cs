using System.Net;
using System.Net.Sockets;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// XML made to cost: entity expansion (exponential and quadratic), external entities that would read a file or call a
/// server, huge attributes and values, nesting a million deep. Each ends in a typed outcome in bounded time and memory,
/// and nothing outside the input is ever read.
/// </summary>
public sealed class XmlBombTests
{
    private static readonly string Head = Declaration + "\n<feedback>\n  <version>1.0</version>\n" + Metadata() + Policy();

    [Fact]
    public void A_quadratic_blowup_of_one_huge_entity_referenced_many_times_is_invalid_at_its_dtd()
    {
        // 100 KB entity × 20,000 references would be 2 GB of text if expanded.
        var huge = new string('A', 100_000);
        var xml = Feedback(
            declaration: Declaration + $"\n<!DOCTYPE feedback [ <!ENTITY a \"{huge}\"> ]>",
            metadata: Metadata(orgName: string.Concat(Enumerable.Repeat("&a;", 20_000))));

        var cost = Cost.OfReading(Utf8(xml)).Within(Cost.Seconds10, 16 * Cost.MiB);

        var invalid = cost.SingleInvalid("(?i)(DTD|DOCTYPE)");
        Assert.DoesNotContain("AAAA", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entities_and_an_external_dtd_by_url_are_invalid_and_never_fetched()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}";
        string[] doctypes =
        [
            $"<!DOCTYPE feedback [ <!ENTITY xxe SYSTEM \"{url}/entity\"> ]>",
            $"<!DOCTYPE feedback SYSTEM \"{url}/external.dtd\">",
            $"<!DOCTYPE feedback [ <!ENTITY % remote SYSTEM \"{url}/parameter\"> %remote; ]>",
            $"<!DOCTYPE feedback PUBLIC \"-//x//y\" \"{url}/public.dtd\">",
        ];

        foreach (var doctype in doctypes)
        {
            var outcomes = Read.All(Feedback(declaration: Declaration + "\n" + doctype, metadata: Metadata(orgName: "&xxe;")));

            var invalid = Read.Single<InvalidReport>(outcomes);
            Assert.Matches("(?i)(DTD|DOCTYPE)", invalid.Reason);
        }

        Assert.False(server.Pending(), "the reader connected to the server an entity names");
    }

    [Fact]
    public void An_xinclude_is_an_unknown_element_and_the_file_it_names_is_never_read()
    {
        var xml = Feedback(
            rootAttributes: "xmlns:xi=\"http://www.w3.org/2001/XInclude\"",
            metadata: Metadata(orgName: "Example <xi:include href=\"file:///etc/passwd\" parse=\"text\"/>"));

        var parsed = Read.SingleParsed(Read.All(xml));

        // The org name with an element inside is no plain value; whatever is kept of it, nothing comes from the file.
        Assert.DoesNotContain("root:", parsed.Report.Metadata.OrgName, StringComparison.Ordinal);
        Assert.DoesNotContain("/bin/", parsed.Report.Metadata.OrgName, StringComparison.Ordinal);
        Assert.Equal(1, parsed.Report.RecordCount);
    }

    [Fact]
    public void A_100_MB_attribute_without_entities_is_invalid_in_flat_memory()
    {
        var input = GeneratedInput.Of(
            Declaration + "\n<feedback huge=\"",
            GeneratedInput.Repeat(new string('x', 64 * 1024), 1600),
            "\">\n" + Metadata() + Policy() + Record() + "</feedback>\n");

        var cost = Cost.OfReading(input).Within(Cost.Seconds10, 16 * Cost.MiB);

        cost.SingleInvalid("MaxXmlValueLength");
    }

    [Fact]
    public void A_100_MB_value_without_entities_is_invalid_in_flat_memory()
    {
        var input = GeneratedInput.Of(
            Declaration + "\n<feedback>\n  <report_metadata>\n    <org_name>",
            GeneratedInput.Repeat(new string('x', 64 * 1024), 1600),
            "</org_name>\n  </report_metadata>\n" + Policy() + Record() + "</feedback>\n");

        var cost = Cost.OfReading(input).Within(Cost.Seconds10, 16 * Cost.MiB);

        cost.SingleInvalid("MaxXmlValueLength");
    }

    [Fact]
    public void A_100_MB_value_in_cdata_is_invalid_in_flat_memory()
    {
        var input = GeneratedInput.Of(
            Declaration + "\n<feedback>\n  <report_metadata>\n    <org_name><![CDATA[",
            GeneratedInput.Repeat(new string('x', 64 * 1024), 1600),
            "]]></org_name>\n  </report_metadata>\n" + Policy() + Record() + "</feedback>\n");

        var cost = Cost.OfReading(input).Within(Cost.Seconds10, 16 * Cost.MiB);

        cost.SingleInvalid("MaxXmlValueLength");
    }

    [Fact]
    public void A_100_MB_text_or_comment_in_what_the_reader_skips_costs_no_memory()
    {
        // Valid XML within every limit: the report is read; the text it skips is never kept.
        var filler = GeneratedInput.Repeat(new string('y', 64 * 1024), 800);
        var input = GeneratedInput.Of(
            Head,
            "  <extension>", filler, "</extension>\n  <!-- ", GeneratedInput.Repeat(new string('z', 64 * 1024), 800), " -->\n",
            Record(), "</feedback>\n");

        var cost = Cost.OfReading(input).Within(Cost.Seconds10, 16 * Cost.MiB);

        var parsed = Read.SingleParsed(cost.Outcomes);
        Assert.Equal(1, parsed.Report.RecordCount);
    }

    [Fact]
    public void Elements_nested_a_million_deep_are_invalid_in_flat_memory()
    {
        var input = GeneratedInput.Of(
            Head,
            GeneratedInput.Repeat(string.Concat(Enumerable.Repeat("<a>", 1000)), 1000),
            GeneratedInput.Repeat(string.Concat(Enumerable.Repeat("</a>", 1000)), 1000),
            "</feedback>\n");

        var cost = Cost.OfReading(input).Within(Cost.Seconds10, 16 * Cost.MiB);

        cost.SingleInvalid("MaxXmlDepth");
    }

    [Fact]
    public void A_flood_of_stray_markup_characters_ends_in_bounded_time()
    {
        // 20 MB of '<', '&' and "</" that start no tag and no reference: each is a problem read around, once.
        var input = GeneratedInput.Of(Head, GeneratedInput.Repeat("<&</<!<?&#&#x;<<", 1_250_000), Record(), "</feedback>\n");

        var cost = Cost.OfReading(input).Within(Cost.Seconds10, 16 * Cost.MiB);

        Assert.NotEmpty(cost.Outcomes);
        Assert.All(cost.Outcomes, outcome => Assert.IsNotType<NotAReport>(outcome));
    }

    [Theory]
    [InlineData("&#0;")]
    [InlineData("&#xD800;")]
    [InlineData("&#xDFFF;x")]
    [InlineData("&#x110000;")]
    [InlineData("&#99999999999999999999999;")]
    [InlineData("&#-1;")]
    [InlineData("&#x;&#;&;&unknown;")]
    [InlineData("&#x1F600;")]
    public void Odd_character_references_never_make_a_string_that_is_not_unicode(string reference)
    {
        var outcomes = Read.All(Feedback(metadata: Metadata(orgName: "Org " + reference)));

        var parsed = Read.SingleParsed(outcomes);
        Assert.True(IsWellFormedUtf16(parsed.Report.Metadata.OrgName), $"org name {parsed.Report.Metadata.OrgName} holds a lone surrogate");
        Assert.DoesNotContain('\0', parsed.Report.Metadata.OrgName);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80 })]
    public void Invalid_utf8_in_values_names_and_tags_is_read_around(byte[] invalid)
    {
        var text = System.Text.Encoding.Latin1.GetString(invalid);
        var xml = Feedback(
            metadata: Metadata(orgName: "Org" + text, reportId: "id" + text, extra: $"    <x{text}y>v</x{text}y>\n"),
            records: Record(sourceIp: "192.0.2." + text, headerFrom: "example" + text + ".com"));
        var bytes = System.Text.Encoding.Latin1.GetBytes(xml);

        var outcomes = new ReportReader().ReadAll(bytes, Read.Source, TestContext.Current.CancellationToken);

        Assert.NotEmpty(outcomes);
        foreach (var parsed in outcomes.OfType<AggregateReportParsed>())
        {
            Assert.True(IsWellFormedUtf16(parsed.Report.Metadata.OrgName));
            Assert.True(IsWellFormedUtf16(parsed.Report.Metadata.ReportId));
            Assert.All(parsed.Report.Records, r => Assert.True(IsWellFormedUtf16(r.SourceIp) && IsWellFormedUtf16(r.HeaderFrom)));
        }

        Assert.All(outcomes.OfType<InvalidReport>(), invalidReport => Assert.NotEmpty(invalidReport.Reason));
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
