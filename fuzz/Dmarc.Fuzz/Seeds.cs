using System.IO.Compression;
using System.Text;

namespace Dmarc.Fuzz;

/// <summary>
/// Small seeds the generated samples lack: a minimal report in each container (zlib, mbox, nested archives, a mail
/// with undeclared base64) and a few broken shapes, so that afl starts from every path of the reader.
/// </summary>
public static class Seeds
{
    private const string Report = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feedback><version>1.0</version>
        <report_metadata><org_name>r.example</org_name><email>d@r.example</email><report_id>1</report_id>
        <date_range><begin>1700006400</begin><end>1700092799</end></date_range></report_metadata>
        <policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct></policy_published>
        <record><row><source_ip>192.0.2.1</source_ip><count>2</count><policy_evaluated><disposition>none</disposition>
        <dkim>pass</dkim><spf>fail</spf><reason><type>forwarded</type><comment>x</comment></reason></policy_evaluated></row>
        <identifiers><header_from>example.com</header_from><envelope_from>example.com</envelope_from></identifiers>
        <auth_results><dkim><domain>example.com</domain><selector>s</selector><result>pass</result></dkim>
        <spf><domain>example.com</domain><scope>mfrom</scope><result>fail</result></spf></auth_results></record>
        </feedback>
        """;

    public static int Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in All())
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
        }

        return 0;
    }

    public static IEnumerable<(string Name, byte[] Content)> All()
    {
        var report = Encoding.UTF8.GetBytes(Report);
        return new (string Name, byte[] Content)[]
        {
            ("report.xml", report),
            ("report-utf16.xml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Report.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))).ToArray()),
            ("report.xml.zlib", Zlib(report)),
            ("report.zip.gz", Gzip(Zip(("r.xml", report)))),
            ("reports.zip", Zip(("a.xml", report), ("b.xml.gz", Gzip(report)), ("readme.txt", "hello"u8.ToArray()))),
            ("mail-undeclared-base64.eml", Mail("Content-Type: application/octet-stream; name=\"r.xml\"\n\n" + Convert.ToBase64String(report, Base64FormattingOptions.InsertLineBreaks))),
            ("mail-nested.eml", Mail("Content-Type: message/rfc822\n\n" + Encoding.ASCII.GetString(Mail("Content-Type: application/gzip; name=\"r.xml.gz\"\nContent-Transfer-Encoding: base64\n\n" + Convert.ToBase64String(Gzip(report)))))),
            ("reports.mbox", Encoding.ASCII.GetBytes("From a@example Thu Nov 16 04:12:09 2023\n" + Encoding.ASCII.GetString(Mail("Content-Type: text/plain\n\nhi")) + "\nFrom b@example Thu Nov 16 04:12:09 2023\n" + Encoding.ASCII.GetString(Mail("Content-Type: application/zip; name=\"r.zip\"\nContent-Transfer-Encoding: base64\n\n" + Convert.ToBase64String(Zip(("r.xml", report))))))),
            ("broken-doctype.xml", Encoding.UTF8.GetBytes(Report.Replace("<feedback>", "<!DOCTYPE feedback [<!ENTITY e \"x\">]><feedback>", StringComparison.Ordinal))),
            ("broken-cut.xml.gz", Gzip(report)[..120]),
        };
    }

    private static byte[] Mail(string attachment) => Encoding.ASCII.GetBytes(
        "From: r@r.example\nTo: d@example.com\nSubject: Report Domain: example.com\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nReport.\n--b\n"
        + attachment + "\n--b--\n");

    private static byte[] Gzip(byte[] content) => Compress(content, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] Zlib(byte[] content) => Compress(content, s => new ZLibStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var packed = new MemoryStream();
        using (var compressing = compressor(packed))
        {
            compressing.Write(content);
        }

        return packed.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var packed = new MemoryStream();
        using (var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return packed.ToArray();
    }
}
