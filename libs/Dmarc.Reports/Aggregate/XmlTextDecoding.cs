using System.Text;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Turns the bytes of a report into text. The encoding comes from the BOM or the XML declaration; UTF-8 (the
/// default) reads bytes that are not UTF-8 as windows-1252, the usual reason for them, and counts them.
/// </summary>
internal static class XmlTextDecoding
{
    static XmlTextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TextReader Open(Stream bytes, ReadOnlySpan<byte> head, Windows1252Fallback fallback)
    {
        var encoding = Detect(head) ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: false).CloneWith(fallback);
        // The encoding's preamble (BOM) is skipped when present; a BOM that contradicts the declaration is not trusted.
        return new StreamReader(bytes, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: false);
    }

    private static Encoding CloneWith(this Encoding encoding, DecoderFallback fallback)
    {
        var clone = (Encoding)encoding.Clone();
        clone.DecoderFallback = fallback;
        return clone;
    }

    /// <summary>The declared encoding when it is one other than UTF-8; null for UTF-8 or when none is declared.</summary>
    private static Encoding? Detect(ReadOnlySpan<byte> head)
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
