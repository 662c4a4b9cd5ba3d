using System.Text;

namespace Dmarc.Cli.Tests.Support;

/// <summary>Small aggregate reports written in the test, so the numbers a test checks are visible next to it.</summary>
public static class AggregateXml
{
    public static string Report(
        string org = "google.com",
        string domain = "example.com",
        long begin = 1_700_006_400,
        long end = 1_700_092_799,
        string policy = "<p>none</p>",
        string id = "r1",
        string metadataExtra = "",
        params string[] records)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feedback>\n<version>1.0</version>\n<report_metadata>");
        xml.Append($"<org_name>{org}</org_name><email>noreply@{org}</email><report_id>{id}</report_id>");
        xml.Append($"<date_range><begin>{begin}</begin><end>{end}</end></date_range>{metadataExtra}</report_metadata>\n");
        xml.Append($"<policy_published><domain>{domain}</domain>{policy}</policy_published>\n");
        foreach (var record in records)
        {
            xml.Append(record).Append('\n');
        }

        return xml.Append("</feedback>\n").ToString();
    }

    public static string Record(
        string ip,
        long count,
        string dkim = "pass",
        string spf = "pass",
        string disposition = "none",
        string headerFrom = "example.com",
        string authResults = "<spf><domain>example.com</domain><result>pass</result></spf>",
        string reasons = "")
    {
        return $"<record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated>" +
            $"<disposition>{disposition}</disposition><dkim>{dkim}</dkim><spf>{spf}</spf>{reasons}</policy_evaluated></row>" +
            $"<identifiers><header_from>{headerFrom}</header_from></identifiers><auth_results>{authResults}</auth_results></record>";
    }

    public static string Dkim(string domain, string result, string selector = "s1") =>
        $"<dkim><domain>{domain}</domain><selector>{selector}</selector><result>{result}</result></dkim>";

    public static string Spf(string domain, string result) =>
        $"<spf><domain>{domain}</domain><scope>mfrom</scope><result>{result}</result></spf>";
}
