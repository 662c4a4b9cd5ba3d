using System.Globalization;

namespace Dmarc.Reports.Domains;

/// <summary>
/// Domain names in the one form they are compared in: lower-case ASCII (internationalised labels as <c>xn--</c>
/// A-labels), without surrounding whitespace or a trailing dot.
/// </summary>
/// <remarks>
/// The library runs with invariant globalization, where <see cref="IdnMapping"/> only encodes (no UTS 46 mapping).
/// So the mappings that matter here are done first: lower case, full-width ASCII (<c>ＥＸＡＭＰＬＥ</c>) to ASCII and
/// the ideographic full stops (<c>。</c>, <c>．</c>, <c>｡</c>) to dots, as Japanese input methods write them.
/// Unicode normalisation is not applied: a name in decomposed form keeps a different A-label.
/// </remarks>
internal static class DomainNames
{
    /// <summary>
    /// The comparable form of <paramref name="domain"/>, or null when it is no usable domain name (empty, an empty
    /// label as in <c>.example.com</c> or <c>a..com</c>, whitespace inside, or an internationalised name IDNA rejects).
    /// </summary>
    public static string? Canonical(string domain)
    {
        if (IsCanonical(domain))
        {
            return domain;
        }

        var trimmed = domain.AsSpan().Trim();
        if (trimmed.EndsWith('.'))
        {
            trimmed = trimmed[..^1];
        }

        if (!System.Text.Ascii.IsValid(trimmed))
        {
            return ToAscii(Fold(trimmed));
        }

        return HasUsableLabels(trimmed) ? trimmed.ToString().ToLowerInvariant() : null;
    }

    /// <summary>The form to show for a name that is not usable: trimmed, lower case, one trailing dot removed.</summary>
    public static string Loose(string domain)
    {
        var trimmed = domain.AsSpan().Trim();
        return (trimmed.EndsWith('.') ? trimmed[..^1] : trimmed).ToString().ToLowerInvariant();
    }

    /// <summary>The number of labels of a canonical name.</summary>
    public static int LabelCount(ReadOnlySpan<char> name) => name.IsEmpty ? 0 : name.Count('.') + 1;

    /// <summary>The last <paramref name="labels"/> labels of a canonical name (all of it when it has no more).</summary>
    public static string LastLabels(string name, int labels)
    {
        var start = name.Length;
        for (var i = 0; i < labels; i++)
        {
            var dot = name.AsSpan(0, start).LastIndexOf('.');
            if (dot < 0)
            {
                return name;
            }

            start = dot;
        }

        return name[(start + 1)..];
    }

    private static string Fold(ReadOnlySpan<char> unicode)
    {
        Span<char> folded = unicode.Length <= 256 ? stackalloc char[unicode.Length] : new char[unicode.Length];
        for (var i = 0; i < unicode.Length; i++)
        {
            var c = unicode[i];
            folded[i] = c switch
            {
                '\u3002' or '\uff61' => '.',
                >= '\uff01' and <= '\uff5e' => (char)(c - 0xfee0),
                _ => c,
            };
        }

        return folded.ToString().ToLowerInvariant();
    }

    private static string? ToAscii(string unicode)
    {
        // A full stop folded from an ideographic one may end the name.
        unicode = unicode.EndsWith('.') ? unicode[..^1] : unicode;
        if (System.Text.Ascii.IsValid(unicode))
        {
            return HasUsableLabels(unicode) ? unicode : null;
        }

        try
        {
            var ascii = new IdnMapping().GetAscii(unicode).ToLowerInvariant();
            return HasUsableLabels(ascii) ? ascii : null;
        }
        catch (ArgumentException)
        {
            // Labels IDNA cannot map (empty, too long, forbidden code points).
            return null;
        }
    }

    // The fast path: already lower-case ASCII with non-empty labels, as nearly every name in a report is.
    private static bool IsCanonical(string domain)
    {
        if (domain.Length == 0 || domain[0] == '.' || domain[^1] == '.')
        {
            return false;
        }

        var previous = '\0';
        foreach (var c in domain)
        {
            if (c is > '\u007f' or (>= 'A' and <= 'Z') || char.IsWhiteSpace(c) || (c == '.' && previous == '.'))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static bool HasUsableLabels(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
