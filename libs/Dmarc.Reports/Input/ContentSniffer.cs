using System.Text;

namespace Dmarc.Reports.Input;

/// <summary>Decides a <see cref="ContentKind"/> from the first bytes of a document.</summary>
internal static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see.</summary>
    public const int HeadLength = 4096;

    public static ContentKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return ContentKind.Empty;
        }

        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return ContentKind.Gzip;
        }

        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && (head[2] is 3 or 5) && (head[3] is 4 or 6))
        {
            return ContentKind.Zip;
        }

        if (IsZlibHeader(head))
        {
            return ContentKind.Zlib;
        }

        var text = SkipBomAndWhitespace(head);
        if (text.IsEmpty)
        {
            return ContentKind.Unknown;
        }

        return text[0] switch
        {
            (byte)'<' => HasFeedbackRoot(text, wholeDocument: head.Length < HeadLength) ? ContentKind.AggregateXml : ContentKind.OtherXml,
            (byte)'{' or (byte)'[' => ContentKind.Json,
            _ when text.StartsWith("From "u8) && text.IndexOf((byte)'\n') > 0 => ContentKind.Mbox,
            _ when LooksLikeMailHeader(text) => ContentKind.Mail,
            _ => ContentKind.Unknown,
        };
    }

    /// <summary>A zlib stream (RFC 1950): deflate, window ≤ 32 KiB, header checksum a multiple of 31.</summary>
    private static bool IsZlibHeader(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && (head[0] & 0x0F) == 8 && (head[0] >> 4) <= 7 && ((head[0] << 8) | head[1]) % 31 == 0
        && (head[1] & 0x20) == 0;

    private static ReadOnlySpan<byte> SkipBomAndWhitespace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(ByteOrderMarks.Utf8))
        {
            head = head[3..];
        }
        else if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            // UTF-16: look at it as the ASCII of its code units; enough to see '<' and element names.
            head = NarrowUtf16(head[2..], littleEndian: head[0] == 0xFF);
        }

        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return head[start..];
    }

    private static byte[] NarrowUtf16(ReadOnlySpan<byte> bytes, bool littleEndian)
    {
        var narrow = new byte[bytes.Length / 2];
        for (var i = 0; i < narrow.Length; i++)
        {
            var (low, high) = littleEndian ? (bytes[2 * i], bytes[(2 * i) + 1]) : (bytes[(2 * i) + 1], bytes[2 * i]);
            narrow[i] = high == 0 ? low : (byte)'?';
        }

        return narrow;
    }

    /// <summary>
    /// True when the first element of the document is <c>feedback</c> (with any namespace prefix), or when the head
    /// ends before the first element (a long prolog or DOCTYPE): then the parser, which reads it all, decides.
    /// </summary>
    private static bool HasFeedbackRoot(ReadOnlySpan<byte> text, bool wholeDocument)
    {
        var position = 0;
        while (position < text.Length)
        {
            var open = text[position..].IndexOf((byte)'<');
            if (open < 0 || position + open + 1 >= text.Length)
            {
                return !wholeDocument;
            }

            var tag = text[(position + open + 1)..];
            if (tag[0] is (byte)'?' or (byte)'!')
            {
                // Declaration, comment or DOCTYPE: the root comes later.
                var close = tag.IndexOf((byte)'>');
                if (close < 0)
                {
                    return !wholeDocument;
                }

                position += open + 1 + close + 1;
                continue;
            }

            var nameEnd = tag.IndexOfAny(" \t\r\n/>"u8);
            var name = nameEnd < 0 ? tag : tag[..nameEnd];
            var colon = name.IndexOf((byte)':');
            var localName = colon < 0 ? name : name[(colon + 1)..];
            if (Ascii.EqualsIgnoreCase(localName, "schema"u8))
            {
                // A stray <xs:schema> wrapped around the report by some reporters: look inside it.
                position += open + 1;
                continue;
            }

            return Ascii.EqualsIgnoreCase(localName, "feedback"u8);
        }

        return false;
    }

    /// <summary>An RFC 5322 header field: a name of printable characters other than ':' then ':'.</summary>
    private static bool LooksLikeMailHeader(ReadOnlySpan<byte> text)
    {
        var colon = text.IndexOf((byte)':');
        if (colon <= 0 || colon > 76)
        {
            return false;
        }

        foreach (var b in text[..colon])
        {
            if (b is < 33 or > 126)
            {
                return false;
            }
        }

        var lineEnd = text.IndexOf((byte)'\n');
        return lineEnd < 0 || lineEnd > colon;
    }
}
