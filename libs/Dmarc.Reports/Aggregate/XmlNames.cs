using System.Runtime.CompilerServices;
using System.Text;

namespace Dmarc.Reports.Aggregate;

/// <summary>What the scanner needs to know of XML names and tags, on UTF-8 bytes.</summary>
internal static class XmlNames
{
    // Per byte value, 1: may start a name; 2: may continue one. Letters, '_' and ':' do both (3), and so do the bytes
    // of multi-byte UTF-8 characters (0x80 and up); digits, '-' and '.' only continue. Constant data: no static
    // initialisation to check on the hot path.
    private static ReadOnlySpan<byte> NameBytes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 0, 0, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNameStart(byte b) => (NameBytes[b] & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameByte(byte b) => NameBytes[b] != 0;

    /// <summary>The length of the name at the start of <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int NameLength(ReadOnlySpan<byte> text)
    {
        var length = 0;
        while (length < text.Length && IsNameByte(text[length]))
        {
            length++;
        }

        return length;
    }

    /// <summary>The index of the '&gt;' that ends the tag, from <paramref name="from"/>, skipping quoted attribute values; -1 if not in <paramref name="tag"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TagEnd(ReadOnlySpan<byte> tag, int from)
    {
        var position = from;
        while (true)
        {
            var next = tag[position..].IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
            if (next < 0)
            {
                return -1;
            }

            position += next;
            if (tag[position] == (byte)'>')
            {
                return position;
            }

            var closingQuote = tag[(position + 1)..].IndexOf(tag[position]);
            if (closingQuote < 0)
            {
                return -1;
            }

            position += closingQuote + 2;
        }
    }

    /// <summary>The local part of a qualified name (<c>dmarc:feedback</c> → <c>feedback</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> LocalName(ReadOnlySpan<byte> name)
    {
        var colon = name.IndexOf((byte)':');
        return colon < 0 ? name : name[(colon + 1)..];
    }

    /// <summary>The namespace the element's own prefix (or the default) is bound to in its attributes, if any.</summary>
    public static string? NamespaceOf(ReadOnlySpan<byte> name, ReadOnlySpan<byte> attributes)
    {
        var colon = name.IndexOf((byte)':');
        var declaration = colon < 0 ? "xmlns"u8.ToArray() : [.. "xmlns:"u8, .. name[..colon]];
        var at = 0;
        while (at < attributes.Length)
        {
            var found = attributes[at..].IndexOf(declaration);
            if (found < 0)
            {
                return null;
            }

            var rest = attributes[(at + found + declaration.Length)..].TrimStart(" \t\r\n"u8);
            if (rest.Length > 1 && rest[0] == (byte)'=')
            {
                rest = rest[1..].TrimStart(" \t\r\n"u8);
                var end = rest.Length > 0 ? rest[1..].IndexOf(rest[0]) : -1;
                return end < 0 ? null : Encoding.UTF8.GetString(rest.Slice(1, end));
            }

            at += found + declaration.Length;
        }

        return null;
    }

    /// <summary>A name from the document, safe to put in a message.</summary>
    public static string Show(ReadOnlySpan<byte> name) => Input.Names.Printable(Encoding.UTF8.GetString(name[..Math.Min(name.Length, 64)]));
}
