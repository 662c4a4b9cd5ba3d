using System.Text.Json;
using Dmarc.Reports.Failure;
using Dmarc.Reports.Formats;
using static Dmarc.Reports.Tests.Failure.FailureMails;

namespace Dmarc.Reports.Tests.Failure;

/// <summary>The two JSON shapes of a failure report: Dmarc's own (docs/json-format.md) and parsedmarc's.</summary>
public sealed class FailureJsonTests
{
    private static readonly FailureReport _report = Single(Arf(
        AllFields.Replace("Identity-Alignment: none", "Identity-Alignment: spf, dkim", StringComparison.Ordinal),
        Rfc822(Sample())));

    [Fact]
    public void Dmarc_JSON_writes_values_in_DMARC_words_and_UTC()
    {
        using var json = JsonDocument.Parse(Conformance.FailureConformance.Write(DmarcFailureJson.Write, _report));
        var root = json.RootElement;

        Assert.Equal("arf", root.GetProperty("format").GetString());
        Assert.Equal("2023-11-15T06:30:00Z", root.GetProperty("arrival_date").GetString());
        Assert.Equal("Tue, 14 Nov 2023 22:30:00 -0800", root.GetProperty("arrival_date_text").GetString());
        Assert.Equal(["dkim", "spf"], root.GetProperty("identity_alignment").EnumerateArray().Select(token => token.GetString()));
        Assert.Equal(["<alice@receiver.example>", "<bob@receiver.example>"], root.GetProperty("original_rcpt_to").EnumerateArray().Select(token => token.GetString()));
        Assert.Equal("reject", root.GetProperty("delivery_result").GetString());
        Assert.Equal(3, root.GetProperty("incidents").GetInt64());
        Assert.Equal("s2023", root.GetProperty("dkim").GetProperty("selector").GetString());
        Assert.Equal(20, root.GetProperty("fields").GetArrayLength());
        Assert.Equal("2023-11-15T06:29:58Z", root.GetProperty("sample").GetProperty("date").GetString());
        Assert.Equal("billing@sender.example", root.GetProperty("sample").GetProperty("from").GetProperty("address").GetString());
    }

    [Fact]
    public void Parsedmarc_JSON_keeps_the_fields_in_the_order_sent_then_adds_its_own_keys()
    {
        using var json = JsonDocument.Parse(Conformance.FailureConformance.Write(ParsedmarcFailureJson.Write, _report));
        var root = json.RootElement;

        Assert.Equal(
            [
                "feedback_type", "user_agent", "version", "original_mail_from", "original_rcpt_to", "original_envelope_id",
                "arrival_date", "reported_domain", "reported_uri", "authentication_results", "auth_failure", "delivery_result",
                "dkim_domain", "dkim_identity", "dkim_selector", "spf_dns", "incidents", "arrival_date_utc", "source",
                "authentication_mechanisms", "sample_headers_only", "sample", "parsed_sample",
            ],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("<alice@receiver.example>, <bob@receiver.example>", root.GetProperty("original_rcpt_to").GetString());
        Assert.Equal(["spf", "dkim"], root.GetProperty("authentication_mechanisms").EnumerateArray().Select(token => token.GetString()));
        Assert.Equal("2023-11-15 06:30:00", root.GetProperty("arrival_date_utc").GetString());
        Assert.Equal("-8.0", root.GetProperty("parsed_sample").GetProperty("timezone").GetString());
        Assert.Equal("2023-11-15 06:29:58+00:00", root.GetProperty("parsed_sample").GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("parsed_sample").GetProperty("body").ValueKind);
    }
}
