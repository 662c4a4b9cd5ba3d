using System.Buffers;
using System.Globalization;
using System.Text;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Resolves the five predefined entities and numeric character references. Anything else after an '&amp;' (a bare
/// ampersand, an undeclared entity) stays as written and is reported: no other entity exists without a DTD.
/// </summary>
internal static class CharacterReferences
{
    public static void Resolve(ReadOnlySpan<byte> text, IBufferWriter<byte> output, Action<string> problem)
    {
        while (!text.IsEmpty)
        {
            var ampersand = text.IndexOf((byte)'&');
            if (ampersand < 0)
            {
                output.Write(text);
                return;
            }

            output.Write(text[..ampersand]);
            text = text[ampersand..];
            var semicolon = text[..Math.Min(text.Length, 12)].IndexOf((byte)';');
            if (semicolon > 1 && TryResolve(text[1..semicolon], output))
            {
                text = text[(semicolon + 1)..];
                continue;
            }

            problem("an '&' that starts no known character reference");
            output.Write("&"u8);
            text = text[1..];
        }
    }

    private static bool TryResolve(ReadOnlySpan<byte> name, IBufferWriter<byte> output)
    {
        ReadOnlySpan<byte> predefined =
            name.SequenceEqual("lt"u8) ? "<"u8
            : name.SequenceEqual("gt"u8) ? ">"u8
            : name.SequenceEqual("amp"u8) ? "&"u8
            : name.SequenceEqual("quot"u8) ? "\""u8
            : name.SequenceEqual("apos"u8) ? "'"u8
            : [];
        if (!predefined.IsEmpty)
        {
            output.Write(predefined);
            return true;
        }

        if (name.Length < 2 || name[0] != (byte)'#')
        {
            return false;
        }

        var hex = name[1] is (byte)'x' or (byte)'X';
        var digits = Encoding.ASCII.GetString(name[(hex ? 2 : 1)..]);
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || !Rune.TryCreate(code, out var rune) || code == 0)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[4];
        var length = rune.EncodeToUtf8(utf8);
        output.Write(utf8[..length]);
        return true;
    }
}
