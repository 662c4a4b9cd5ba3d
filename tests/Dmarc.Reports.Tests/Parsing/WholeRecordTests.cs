using System.Text;
using System.Text.Json;
using Dmarc.ReportGenerator;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>
/// Records in the usual form are read by a faster path than other records. Whatever the form, a record must read
/// the same: each report here is read as written, and again with every start tag written <c>&lt;record &gt;</c>,
/// a form only the general path reads, and the two readings must agree record for record.
/// </summary>
public sealed class WholeRecordTests
{
    [Fact]
    public void Generated_traffic_reads_the_same_on_both_paths()
    {
        var xml = Encoding.UTF8.GetString(LargeAggregateReport.ToBytes(records: 3_000, seed: 7));

        BothPathsAgree(xml, expectedRecords: 3_000);
    }

    [Theory]
    [InlineData("reasons and a human result", "reasons")]
    [InlineData("elements out of the usual order", "order")]
    [InlineData("a value given twice", "twice")]
    [InlineData("an envelope_to and no envelope_from", "envelope")]
    [InlineData("empty values", "empty")]
    [InlineData("bytes that are not UTF-8", "latin1")]
    [InlineData("several DKIM and SPF results", "many")]
    public void Unusual_but_known_forms_read_the_same_on_both_paths(string story, string form)
    {
        var record = form switch
        {
            "reasons" => Record(dkim: "fail", disposition: "none", reasons: Reason("forwarded", "list") + Reason("local_policy"),
                authResults: DkimAuth(humanResult: "body hash did not verify") + SpfAuth(result: "softfail")),
            "order" => "  <record><identifiers><header_from>example.com</header_from></identifiers>"
                + "<auth_results><spf><result>pass</result><domain>example.com</domain></spf></auth_results>"
                + "<row><policy_evaluated><spf>pass</spf><dkim>fail</dkim><disposition>none</disposition></policy_evaluated>"
                + "<count>4</count><source_ip>2001:DB8::1</source_ip></row></record>\n",
            "twice" => Record(sourceIp: "192.0.2.1</source_ip><source_ip>192.0.2.99"),
            "envelope" => Record(envelopeFrom: null, extra: "").Replace("<identifiers>", "<identifiers><envelope_to>receiver.example</envelope_to>", StringComparison.Ordinal),
            "empty" => Record(disposition: "", spf: "", envelopeFrom: ""),
            "latin1" => Record(headerFrom: "caf\u00e9.example"),
            "many" => Record(authResults: DkimAuth() + DkimAuth("esp.example", "k1", "fail") + DkimAuth("third.example", null, "none")
                + SpfAuth() + SpfAuth("helo.example", "helo", "neutral")),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        var xml = Feedback(records: record + Record(sourceIp: "192.0.2.2"));
        if (form == "latin1")
        {
            xml = xml.Replace("\u00e9", "\u0091", StringComparison.Ordinal);
        }

        BothPathsAgree(xml, expectedRecords: 2, story);
    }

    [Fact]
    public void A_record_the_fast_path_leaves_alone_is_still_read_whole()
    {
        // A comment, a character reference, an extension element and CDATA: each sends its record to the general path.
        var xml = Feedback(records:
            Record(sourceIp: "192.0.2.1", extra: "    <!-- note -->\n")
            + Record(sourceIp: "192.0.2.2", headerFrom: "a&amp;b.example")
            + Record(sourceIp: "192.0.2.3", extra: "    <extension><x>1</x></extension>\n")
            + Record(sourceIp: "192.0.2.4", envelopeFrom: "<![CDATA[cdata.example]]>")
            + Record(sourceIp: "192.0.2.5"));

        var report = Read.SingleReport(xml);

        Assert.Equal(["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"], report.Records.Select(r => r.SourceIp));
        Assert.Equal("a&b.example", report.Records[1].HeaderFrom);
        Assert.Equal("cdata.example", report.Records[3].EnvelopeFrom);
        Assert.Empty(report.Errors);
    }

    private static void BothPathsAgree(string xml, int expectedRecords, string story = "")
    {
        var generalOnly = xml.Replace("<record>", "<record >", StringComparison.Ordinal);
        Assert.NotEqual(xml, generalOnly);

        var usual = Read.SingleReport(Latin1Aware(xml));
        var general = Read.SingleReport(Latin1Aware(generalOnly));

        Assert.Equal(expectedRecords, usual.Records.Count);
        Assert.Equal(Json(general.Records), Json(usual.Records));
        Assert.Equal(general.Errors, usual.Errors);
        Assert.True(usual.Records.Count == general.Records.Count, story);
    }

    /// <summary>U+0080..U+00FF in a test string stand for single bytes that are not UTF-8.</summary>
    private static byte[] Latin1Aware(string xml) => xml.Any(c => c is >= '\u0080' and <= '\u00ff') ? Encoding.Latin1.GetBytes(xml) : Utf8(xml);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
