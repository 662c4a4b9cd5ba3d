using System.Text;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// The encoding of a report, from its BOM or XML declaration. The scanner reads UTF-8 (the default, where bytes that
/// are not UTF-8 are read as windows-1252); a report in any other encoding is transcoded to UTF-8 as it is read.
/// </summary>
internal static class XmlTextDecoding
{
    static XmlTextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The bytes of the document as UTF-8, transcoding them when the report declares another encoding.</summary>
    public static Stream AsUtf8(Stream bytes, ReadOnlySpan<byte> head) =>
        Detect(head) is { } other ? Encoding.CreateTranscodingStream(bytes, other, Encoding.UTF8, leaveOpen: false) : bytes;

    /// <summary>The declared encoding when it is one other than UTF-8; null for UTF-8 or when none is declared.</summary>
    public static Encoding? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(ByteOrderMarks.Utf16LittleEndian))
        {
            return Encoding.Unicode;
        }

        if (head.StartsWith(ByteOrderMarks.Utf16BigEndian))
        {
            return Encoding.BigEndianUnicode;
        }

        var declarationEnd = head.IndexOf("?>"u8);
        if (!head.TrimStart(ByteOrderMarks.Utf8).TrimStart(" \t\r\n"u8).StartsWith("<?xml"u8) || declarationEnd < 0)
        {
            return null;
        }

        var declaration = Encoding.ASCII.GetString(head[..declarationEnd]);
        var at = declaration.IndexOf("encoding", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + "encoding".Length)..].TrimStart(' ', '=', '"', '\'');
        var name = new string([.. rest.TakeWhile(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':')]);
        if (name.Length == 0 || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // An encoding we do not know: read as UTF-8 (with the windows-1252 fallback) rather than give up.
            return null;
        }
    }
}
