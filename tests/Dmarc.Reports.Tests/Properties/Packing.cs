using System.Text;
using static Dmarc.Reports.Tests.Support.Containers;

namespace Dmarc.Reports.Tests.Properties;

/// <summary>The ways a reporter packs a report document, each as a function of the document's bytes.</summary>
internal static class Packing
{
    public static readonly (string Name, Func<byte[], byte[]> Pack)[] All =
    [
        ("plain", xml => xml),
        ("gzip", Gzip),
        ("zlib", Zlib),
        ("zip", xml => Zip(("r.xml", xml))),
        ("gzip in zip", xml => Zip(("r.xml.gz", Gzip(xml)))),
        ("zip in gzip", xml => Gzip(Zip(("r.xml", xml)))),
        ("mail, base64 gzip", xml => MailText.Crlf(MailText.Mixed(MailText.Base64Attachment("application/gzip", "r.xml.gz", Gzip(xml))))),
        ("mail, quoted-printable xml", xml => MailText.Lf(MailText.Mixed(
            "Content-Type: text/xml; charset=UTF-8; name=\"r.xml\"\nContent-Transfer-Encoding: quoted-printable\n\n" + QuotedPrintable(Encoding.UTF8.GetString(xml))))),
        ("mail, zip attached to a forwarded mail", xml => MailText.Lf(MailText.Mixed(
            "Content-Type: message/rfc822\n\n" + MailText.Mixed(MailText.Base64Attachment("application/zip", "r.zip", Zip(("r.xml", xml))))))),
        ("mbox", xml => MailText.Lf("From reporter@example Thu Nov 16 04:12:09 2023\n" + MailText.Mixed("Content-Type: text/plain\n\nhello\n")
            + "\nFrom reporter@example Thu Nov 16 04:12:10 2023\n" + MailText.Mixed(MailText.Base64Attachment("application/gzip", "r.xml.gz", Gzip(xml))))),
    ];

    /// <summary>The packings whose cut is always detected: their format says where they end.</summary>
    public static readonly string[] Framed = ["gzip", "zlib", "zip", "gzip in zip", "zip in gzip"];
}
