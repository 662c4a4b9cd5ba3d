using System.Globalization;
using System.Text;

namespace Dmarc.Reports.Input;

internal static class Names
{
    private const int MaxLength = 200;
    private const int MaxSentenceLength = 4000;

    /// <summary>
    /// Text from inside an input (a subject, an element name) made safe to print and log: no control or invisible
    /// formatting characters (CR/LF, NUL, bidirectional overrides), no lone surrogates, at most 200 characters.
    /// </summary>
    public static string Printable(string text) => Shortened(Visible(text, MaxLength * 2), MaxLength);

    /// <summary>
    /// A reason or an error for an operator, which may quote the input: as <see cref="Printable"/>, but up to 4,000
    /// characters, since a reason may list what was found in many parts.
    /// </summary>
    public static string Sentence(string text) => Shortened(Visible(text, MaxSentenceLength * 2), MaxSentenceLength);

    private static string Visible(string text, int limit)
    {
        var visible = new StringBuilder(Math.Min(text.Length, limit));
        for (var i = 0; i < text.Length && visible.Length < limit; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                visible.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && IsVisible(c))
            {
                visible.Append(c);
            }
        }

        return visible.ToString().Trim();
    }

    /// <summary>
    /// The name of a part inside an input (a mail attachment's file name, a zip entry), as <see cref="Printable"/> and
    /// never a path that climbs or starts at the root: <c>../../etc/passwd</c> becomes <c>etc/passwd</c>. A name
    /// that is nothing but such characters gives <paramref name="fallback"/>.
    /// </summary>
    public static string PartName(string? name, string fallback)
    {
        var segments = Printable(name ?? "").Replace('\\', '/').Split('/')
            .Select(segment => segment.Trim())
            .Where(segment => segment is not ("" or "." or ".."));
        var safe = Shortened(string.Join('/', segments), MaxLength);
        return safe.Length == 0 ? fallback : safe;
    }

    /// <summary>Text that goes into one segment of a part name: as <see cref="Printable"/>, without path separators.</summary>
    public static string Segment(string text) => Printable(text).Replace('/', '-').Replace('\\', '-');

    private static string Shortened(string text, int maxLength) => text.Length <= maxLength
        ? text
        : text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];

    private static bool IsVisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
}
