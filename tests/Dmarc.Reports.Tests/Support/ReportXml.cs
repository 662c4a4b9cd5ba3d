using System.Text;

namespace Dmarc.Reports.Tests.Support;

/// <summary>
/// Writes the small aggregate reports the tests tell their stories with. Every part has sensible defaults, so a test
/// names only what its story is about. Values are written exactly as given (no escaping): tests of odd input pass
/// odd text on purpose.
/// </summary>
internal static class ReportXml
{
    public const string Declaration = """<?xml version="1.0" encoding="UTF-8"?>""";
    public const string Rfc9990Namespace = "urn:ietf:params:xml:ns:dmarc-2.0";

    /// <summary>2023-11-15 00:00:00 UTC, the default start of a report period.</summary>
    public const long DefaultBegin = 1_700_006_400;

    /// <summary>2023-11-15 23:59:59 UTC, the default end of a report period.</summary>
    public const long DefaultEnd = DefaultBegin + 86_399;

    public static string Feedback(
        string? metadata = null,
        string? policy = null,
        string? records = null,
        string? version = "1.0",
        string rootAttributes = "",
        string declaration = Declaration,
        string afterRecords = "")
    {
        var xml = new StringBuilder();
        xml.Append(declaration).Append('\n');
        xml.Append("<feedback").Append(rootAttributes.Length > 0 ? " " + rootAttributes : "").Append(">\n");
        if (version is not null)
        {
            xml.Append("  <version>").Append(version).Append("</version>\n");
        }

        xml.Append(metadata ?? Metadata());
        xml.Append(policy ?? Policy());
        xml.Append(records ?? Record());
        xml.Append(afterRecords);
        xml.Append("</feedback>\n");
        return xml.ToString();
    }

    /// <summary><c>report_metadata</c>; a null value leaves its element out, an empty one writes it empty.</summary>
    public static string Metadata(
        string? orgName = "Example Receiver",
        string? email = "dmarc-reports@receiver.example",
        string? reportId = "report-1",
        string begin = "1700006400",
        string end = "1700092799",
        string extra = "")
    {
        var xml = new StringBuilder("  <report_metadata>\n");
        Element(xml, "org_name", orgName);
        Element(xml, "email", email);
        Element(xml, "report_id", reportId);
        xml.Append("    <date_range><begin>").Append(begin).Append("</begin><end>").Append(end).Append("</end></date_range>\n");
        xml.Append(extra);
        xml.Append("  </report_metadata>\n");
        return xml.ToString();
    }

    /// <summary><c>policy_published</c>; a null value leaves its element out.</summary>
    public static string Policy(
        string domain = "example.com",
        string? adkim = "r",
        string? aspf = "r",
        string? p = "none",
        string? sp = null,
        string? pct = null,
        string extra = "")
    {
        var xml = new StringBuilder("  <policy_published>\n");
        Element(xml, "domain", domain);
        Element(xml, "adkim", adkim);
        Element(xml, "aspf", aspf);
        Element(xml, "p", p);
        Element(xml, "sp", sp);
        Element(xml, "pct", pct);
        xml.Append(extra);
        xml.Append("  </policy_published>\n");
        return xml.ToString();
    }

    /// <summary>One <c>record</c>; <paramref name="authResults"/> null writes an aligned DKIM and SPF pass.</summary>
    public static string Record(
        string sourceIp = "192.0.2.1",
        string count = "1",
        string? disposition = "none",
        string? dkim = "pass",
        string? spf = "pass",
        string reasons = "",
        string headerFrom = "example.com",
        string? envelopeFrom = "example.com",
        string? authResults = null,
        string extra = "")
    {
        var xml = new StringBuilder("  <record>\n    <row>\n");
        Element(xml, "source_ip", sourceIp);
        Element(xml, "count", count);
        xml.Append("      <policy_evaluated>\n");
        Element(xml, "disposition", disposition);
        Element(xml, "dkim", dkim);
        Element(xml, "spf", spf);
        xml.Append(reasons);
        xml.Append("      </policy_evaluated>\n    </row>\n    <identifiers>\n");
        Element(xml, "envelope_from", envelopeFrom);
        Element(xml, "header_from", headerFrom);
        xml.Append("    </identifiers>\n    <auth_results>\n");
        xml.Append(authResults ?? DkimAuth() + SpfAuth());
        xml.Append("    </auth_results>\n");
        xml.Append(extra);
        xml.Append("  </record>\n");
        return xml.ToString();
    }

    public static string DkimAuth(string? domain = "example.com", string? selector = "s1", string? result = "pass", string? humanResult = null)
    {
        var xml = new StringBuilder("      <dkim>\n");
        Element(xml, "domain", domain);
        Element(xml, "selector", selector);
        Element(xml, "result", result);
        Element(xml, "human_result", humanResult);
        return xml.Append("      </dkim>\n").ToString();
    }

    public static string SpfAuth(string? domain = "example.com", string? scope = "mfrom", string? result = "pass")
    {
        var xml = new StringBuilder("      <spf>\n");
        Element(xml, "domain", domain);
        Element(xml, "scope", scope);
        Element(xml, "result", result);
        return xml.Append("      </spf>\n").ToString();
    }

    public static string Reason(string? type, string? comment = null)
    {
        var xml = new StringBuilder("        <reason>\n");
        Element(xml, "type", type);
        Element(xml, "comment", comment);
        return xml.Append("        </reason>\n").ToString();
    }

    /// <summary>Records numbered 1..n from 192.0.2.n, each with count n.</summary>
    public static string Records(int n, string ipPrefix = "192.0.2.") =>
        string.Concat(Enumerable.Range(1, n).Select(i => Record(sourceIp: ipPrefix + i, count: i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static byte[] Utf8(string xml) => Encoding.UTF8.GetBytes(xml);

    private static void Element(StringBuilder xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.Append("      <").Append(name).Append('>').Append(value).Append("</").Append(name).Append(">\n");
        }
    }
}
