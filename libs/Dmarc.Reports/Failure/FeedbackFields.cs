using System.Text;

namespace Dmarc.Reports.Failure;

/// <summary>
/// The <c>Name: value</c> fields of a <c>message/feedback-report</c> body (RFC 5965: header-field syntax, folded lines
/// allowed), in order. Lines that are neither a field nor a continuation are counted, so that garbage can be told apart.
/// </summary>
internal sealed class FeedbackFields
{
    private FeedbackFields(List<FeedbackField> fields, int strayLines)
    {
        All = fields;
        StrayLines = strayLines;
    }

    public IReadOnlyList<FeedbackField> All { get; }

    /// <summary>Non-empty lines that were not fields (text, binary, broken folding).</summary>
    public int StrayLines { get; }

    public static FeedbackFields Parse(string text)
    {
        var fields = new List<FeedbackField>();
        var stray = 0;
        string? name = null;
        var value = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && name is not null)
            {
                value.Append(' ').Append(line.Trim());
                continue;
            }

            Flush();
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && IsFieldName(line.AsSpan(0, colon)))
            {
                name = line[..colon];
                value.Append(line.AsSpan(colon + 1).Trim());
            }
            else
            {
                stray++;
            }
        }

        Flush();
        return new FeedbackFields(fields, stray);

        void Flush()
        {
            if (name is not null)
            {
                fields.Add(new FeedbackField(name, value.ToString().Trim()));
            }

            name = null;
            value.Clear();
        }
    }

    /// <summary>The first non-empty value of <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? First(string name) =>
        All.FirstOrDefault(field => Is(field, name) && field.Value.Length > 0)?.Value;

    /// <summary>Every non-empty value of <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> Every(string name) => [.. All.Where(field => Is(field, name) && field.Value.Length > 0).Select(field => field.Value)];

    public bool Has(string name) => All.Any(field => Is(field, name));

    public static bool Is(FeedbackField field, string name) => field.Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 5322 field name: printable ASCII other than ':' (and so no spaces).</summary>
    private static bool IsFieldName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
