using System.IO.Compression;
using Dmarc.ReportGenerator;
using MimeKit;

namespace Dmarc.Reports.Tests.Generator;

/// <summary>Turns generated mails into bytes and reads them back with MimeKit, as a mail client would.</summary>
internal static class GeneratedMail
{
    public static byte[] Bytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        AggregateReportMail.WriteTo(message, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the mail out and parses the bytes again, so tests see what a receiver sees.</summary>
    public static MimeMessage RoundTrip(MimeMessage message) => Parse(Bytes(message));

    public static MimeMessage Parse(byte[] mail)
    {
        using var stream = new MemoryStream(mail);
        return MimeMessage.Load(stream);
    }

    /// <summary>The decoded content of a part.</summary>
    public static byte[] Content(MimePart part)
    {
        using var buffer = new MemoryStream();
        var content = part.Content ?? throw new InvalidOperationException($"{part.ContentType.MimeType} has no content");
        content.DecodeTo(buffer);
        return buffer.ToArray();
    }

    public static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The one multipart/report of the mail, with the report type it must have.</summary>
    public static MultipartReport Report(MimeMessage message, string reportType)
    {
        var report = Assert.IsType<MultipartReport>(message.Body);
        Assert.Equal(reportType, report.ReportType);
        return report;
    }
}
