using System.Text;

namespace Dmarc.Reports.Tests.Support;

/// <summary>Writes report mails as text, the way reporters' mail servers do. Tests choose LF or CRLF at the end.</summary>
internal static class MailText
{
    public const string Headers = """
        From: DMARC Aggregate Report <noreply-dmarc-support@receiver.example>
        To: dmarc-rua@example.com
        Date: Thu, 16 Nov 2023 04:12:09 +0000
        Message-ID: <report-mail-1@receiver.example>
        Subject: Report domain: example.com Submitter: receiver.example Report-ID: <packed-1>
        MIME-Version: 1.0
        """;

    /// <summary>A multipart/mixed mail with a short text and the given parts (each with its own headers and body).</summary>
    public static string Mixed(params string[] parts)
    {
        var mail = new StringBuilder(Headers).Append('\n');
        mail.Append("Content-Type: multipart/mixed; boundary=\"=_outer\"\n\n");
        mail.Append("This is a multi-part message in MIME format.\n\n");
        mail.Append("--=_outer\nContent-Type: text/plain; charset=UTF-8\n\nThis is an aggregate report from receiver.example.\n\n");
        foreach (var part in parts)
        {
            mail.Append("--=_outer\n").Append(part.TrimEnd('\n')).Append("\n\n");
        }

        return mail.Append("--=_outer--\n").ToString();
    }

    /// <summary>An attachment part in base64.</summary>
    public static string Base64Attachment(string contentType, string fileName, byte[] content) =>
        $"Content-Type: {contentType}; name=\"{fileName}\"\n"
        + "Content-Transfer-Encoding: base64\n"
        + $"Content-Disposition: attachment; filename=\"{fileName}\"\n\n"
        + Containers.Base64Lines(content) + "\n";

    public static byte[] Lf(string mail) => Encoding.UTF8.GetBytes(mail.ReplaceLineEndings("\n"));

    public static byte[] Crlf(string mail) => Encoding.UTF8.GetBytes(mail.ReplaceLineEndings("\r\n"));

    public static byte[] Bytes(string mail, string newline) => newline == "\r\n" ? Crlf(mail) : Lf(mail);
}
