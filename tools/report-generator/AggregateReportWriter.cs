using System.Globalization;
using System.Text;
using System.Xml;

namespace Dmarc.ReportGenerator;

/// <summary>
/// Writes an RFC 7489 aggregate report, indented like the big reporters do. Records are written as they are
/// enumerated, so a report of any size costs constant memory.
/// </summary>
public static class AggregateReportWriter
{
    private static readonly XmlWriterSettings _settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CloseOutput = false,
    };

    public static void Write(Stream output, AggregateReportHeader header, IEnumerable<SyntheticRecord> records)
    {
        using var xml = XmlWriter.Create(output, _settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("feedback");
        xml.WriteElementString("version", "1.0");
        WriteMetadata(xml, header);
        WritePolicy(xml, header.Policy);
        foreach (var record in records)
        {
            WriteRecord(xml, record);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public static byte[] ToBytes(AggregateReportHeader header, IEnumerable<SyntheticRecord> records)
    {
        using var buffer = new MemoryStream();
        Write(buffer, header, records);
        return buffer.ToArray();
    }

    private static void WriteMetadata(XmlWriter xml, AggregateReportHeader header)
    {
        xml.WriteStartElement("report_metadata");
        xml.WriteElementString("org_name", header.Reporter.OrgName);
        xml.WriteElementString("email", header.Reporter.Email);
        WriteOptional(xml, "extra_contact_info", header.Reporter.ExtraContactInfo);
        xml.WriteElementString("report_id", header.ReportId);
        xml.WriteStartElement("date_range");
        xml.WriteElementString("begin", Number(header.Begin.ToUnixTimeSeconds()));
        xml.WriteElementString("end", Number(header.End.ToUnixTimeSeconds()));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WritePolicy(XmlWriter xml, PublishedPolicy policy)
    {
        xml.WriteStartElement("policy_published");
        xml.WriteElementString("domain", policy.Domain);
        xml.WriteElementString("adkim", policy.Adkim);
        xml.WriteElementString("aspf", policy.Aspf);
        xml.WriteElementString("p", policy.P);
        WriteOptional(xml, "sp", policy.Sp);
        WriteOptional(xml, "pct", policy.Pct is { } pct ? Number(pct) : null);
        WriteOptional(xml, "fo", policy.Fo);
        xml.WriteEndElement();
    }

    private static void WriteRecord(XmlWriter xml, SyntheticRecord record)
    {
        xml.WriteStartElement("record");
        xml.WriteStartElement("row");
        xml.WriteElementString("source_ip", record.SourceIp);
        xml.WriteElementString("count", Number(record.Count));
        xml.WriteStartElement("policy_evaluated");
        xml.WriteElementString("disposition", record.Disposition);
        xml.WriteElementString("dkim", record.DkimVerdict);
        xml.WriteElementString("spf", record.SpfVerdict);
        foreach (var reason in record.Overrides)
        {
            xml.WriteStartElement("reason");
            xml.WriteElementString("type", reason.Type);
            WriteOptional(xml, "comment", reason.Comment);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("identifiers");
        WriteOptional(xml, "envelope_to", record.EnvelopeTo);
        WriteOptional(xml, "envelope_from", record.EnvelopeFrom);
        xml.WriteElementString("header_from", record.HeaderFrom);
        xml.WriteEndElement();
        WriteAuthResults(xml, record);
        xml.WriteEndElement();
    }

    private static void WriteAuthResults(XmlWriter xml, SyntheticRecord record)
    {
        xml.WriteStartElement("auth_results");
        foreach (var dkim in record.Dkim)
        {
            xml.WriteStartElement("dkim");
            xml.WriteElementString("domain", dkim.Domain);
            xml.WriteElementString("selector", dkim.Selector);
            xml.WriteElementString("result", dkim.Result);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("spf");
        xml.WriteElementString("domain", record.Spf.Domain);
        xml.WriteElementString("scope", record.Spf.Scope);
        xml.WriteElementString("result", record.Spf.Result);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteOptional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, value);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
