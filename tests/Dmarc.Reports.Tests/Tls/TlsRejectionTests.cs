using System.Text;
using System.Text.Json.Nodes;
using static Dmarc.Reports.Tests.Tls.TlsFixtures;

namespace Dmarc.Reports.Tests.Tls;

/// <summary>
/// JSON that is not a TLS report ends as NotAReport; a TLS report that cannot be read, or breaks a limit, as
/// InvalidReport with a reason that says where and why. Never an exception.
/// </summary>
public sealed class TlsRejectionTests
{
    [Theory]
    [InlineData("""{"name": "dmarc-viewer", "version": "1.2.0", "dependencies": {}}""")]
    [InlineData("""{"report-id": "only this"}""")]
    [InlineData("""{"policies": []}""")]
    [InlineData("{}")]
    public void JSON_without_the_shape_of_a_TLS_report_is_not_a_report(string json)
    {
        var outcome = Support.Read.Single<NotAReport>(Support.Read.All(json));

        Assert.Contains("not an SMTP TLS report", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JSON_list_is_not_a_report()
    {
        var list = new JsonArray(Report());

        var outcome = Support.Read.Single<NotAReport>(Read(list));

        Assert.Contains("JSON list", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_JSON_that_names_no_TLS_field_is_not_a_report()
    {
        var outcome = Support.Read.Single<NotAReport>(Support.Read.All("""{"name": "x", "items": [1, 2,, 3]}"""));

        Assert.Contains("not well-formed", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_a_TLS_report_is_invalid_and_says_where()
    {
        var text = Report().ToJsonString().Replace("\"summary\":{", "\"summary\" {", StringComparison.Ordinal);

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(text));

        Assert.Contains("not well-formed", outcome.Reason, StringComparison.Ordinal);
        // Bytes are counted from 1; the one at fault is the '{' where the ':' should be (the text is ASCII).
        var brace = text.IndexOf("\"summary\" {", StringComparison.Ordinal) + "\"summary\" ".Length + 1;
        Assert.Contains($"near $.policies[0].policy (line 1, byte {brace})", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("Expected a ':'", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_literal_of_control_bytes_is_quoted_printably_in_the_reason()
    {
        // Found by the property tests: the JSON reader quotes the broken literal, control characters and all.
        byte[] json = [.. "{\"organization-name\":nS"u8, 0xCB, 0xEE, 0xBD, 0x8D, 0x08, 0xB0, 0x20, 0xDF, 0x98, 0xED, 0xC4, 0x2E];

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(json));

        Assert.Contains("not well-formed", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Reason, char.IsControl);
    }

    [Fact]
    public void A_truncated_TLS_report_is_invalid_and_called_truncated()
    {
        var bytes = Bytes(Report());

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(bytes[..(bytes.Length * 2 / 3)]));

        Assert.Contains("ends early", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("truncated", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzipped_report_cut_short_in_transfer_is_invalid()
    {
        var packed = Containers.Gzip(Bytes(Report()));

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(packed[..(packed.Length / 2)]));

        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    [Theory]
    [InlineData("organization-name")]
    [InlineData("report-id")]
    [InlineData("date-range")]
    [InlineData("policies")]
    public void A_TLS_report_without_a_required_field_is_invalid(string field)
    {
        var json = Report();
        json.Remove(field);

        var outcome = Support.Read.Single<InvalidReport>(Read(json));

        Assert.Contains($"$.{field} is missing", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("organization-name", "{}", "is an object")]
    [InlineData("report-id", "[1]", "is a list")]
    [InlineData("policies", "\"none\"", "is a text")]
    [InlineData("date-range", "\"2024-05-01\"", "is a text")]
    public void A_required_field_of_the_wrong_type_makes_the_report_invalid(string field, string value, string said)
    {
        var json = Report();
        json[field] = JsonNode.Parse(value);

        var outcome = Support.Read.Single<InvalidReport>(Read(json));

        Assert.Contains($"$.{field} {said}", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    public void A_period_that_is_not_a_time_makes_the_report_invalid(string sent)
    {
        var json = Report();
        json["date-range"]!["end-datetime"] = sent;

        var outcome = Support.Read.Single<InvalidReport>(Read(json));

        Assert.Contains("$.date-range.end-datetime", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_larger_than_MaxTlsReportBytes_is_invalid_and_names_the_limit()
    {
        var bytes = Bytes(Report());
        var limits = new ReportLimits { MaxTlsReportBytes = bytes.Length - 1 };

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(bytes, limits));

        Assert.Contains("MaxTlsReportBytes", outcome.Reason, StringComparison.Ordinal);
        // The same report at its exact size is read.
        Single(Support.Read.All(bytes, new ReportLimits { MaxTlsReportBytes = bytes.Length }));
    }

    [Fact]
    public void A_gzipped_report_that_expands_past_MaxTlsReportBytes_is_invalid()
    {
        var json = Report();
        json["padding"] = new string(' ', 100_000);
        var limits = new ReportLimits { MaxTlsReportBytes = 50_000, MaxTlsValueLength = 200_000 };

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(Containers.Gzip(Bytes(json)), limits));

        Assert.Contains("MaxTlsReportBytes", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_invalid_and_names_the_limit()
    {
        var text = Report().ToJsonString()[..^1] + ",\"extension\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(text));

        Assert.Contains("MaxTlsJsonDepth", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("$.extension[0]", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        // The report itself nests 5 deep (object, policies, entry, policy, policy-string); 16 is allowed.
        var text = Report().ToJsonString()[..^1] + ",\"extension\":" + new string('[', 15) + new string(']', 15) + "}";

        Single(Support.Read.All(text));
    }

    [Fact]
    public void A_text_longer_than_MaxTlsValueLength_is_invalid_and_names_the_limit()
    {
        var json = Report();
        FirstPolicy(json)["failure-details"]![0]!["failure-reason-code"] = new string('x', 70_000);

        var outcome = Support.Read.Single<InvalidReport>(Read(json));

        Assert.Contains("MaxTlsValueLength", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("$.policies[0].failure-details[0].failure-reason-code", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_UTF8_makes_the_report_invalid()
    {
        var bytes = Bytes(Report());
        var at = Encoding.UTF8.GetString(bytes).IndexOf("Sender Mail", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var outcome = Support.Read.Single<InvalidReport>(Support.Read.All(bytes));

        Assert.Contains("UTF-8", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("$.organization-name", outcome.Reason, StringComparison.Ordinal);
    }
}
