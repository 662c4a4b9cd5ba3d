namespace Dmarc.Reports.Domains;

/// <summary>
/// Reads the Public Suffix List's file format (https://publicsuffix.org/list/) into a tree of <see cref="SuffixNode"/>:
/// one rule per line, read up to the first whitespace; <c>//</c> comments; <c>*.</c> wildcards; <c>!</c> exceptions;
/// the ICANN and PRIVATE sections between their <c>===BEGIN …===</c>/<c>===END …===</c> comment lines.
/// Rules in Unicode are kept as A-labels, so names compare in one form. A rule that cannot be a domain name is skipped.
/// </summary>
internal sealed class SuffixRuleReader
{
    private const string BeginPrivate = "===BEGIN PRIVATE DOMAINS===";
    private const string EndPrivate = "===END PRIVATE DOMAINS===";

    private readonly bool _includePrivate;
    private bool _inPrivate;

    public SuffixRuleReader(bool includePrivate) => _includePrivate = includePrivate;

    public SuffixNode Root { get; } = new();

    public int Rules { get; private set; }

    public int SkippedRules { get; private set; }

    public void Read(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            ReadLine(line.AsSpan().Trim());
        }
    }

    private void ReadLine(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("//", StringComparison.Ordinal))
        {
            _inPrivate = line.Contains(BeginPrivate, StringComparison.Ordinal)
                || (_inPrivate && !line.Contains(EndPrivate, StringComparison.Ordinal));
            return;
        }

        var end = line.IndexOfAny(" \t");
        var rule = end < 0 ? line : line[..end];
        if (rule.IsEmpty || (_inPrivate && !_includePrivate))
        {
            return;
        }

        if (Add(rule))
        {
            Rules++;
        }
        else
        {
            SkippedRules++;
        }
    }

    private bool Add(ReadOnlySpan<char> rule)
    {
        var exception = rule.StartsWith('!');
        if (exception)
        {
            rule = rule[1..];
        }

        var wildcard = !exception && rule.StartsWith("*", StringComparison.Ordinal);
        if (wildcard)
        {
            if (rule is not "*" && !rule.StartsWith("*.", StringComparison.Ordinal))
            {
                return false;
            }

            rule = rule is "*" ? [] : rule[2..];
        }

        if (rule.Contains('*') || (rule.IsEmpty && !wildcard) || Ascii(rule) is not { } name)
        {
            return false;
        }

        var node = Root;
        for (var end = name.Length; end > 0;)
        {
            var dot = name.LastIndexOf('.', end - 1);
            node = node.Child(name[(dot + 1)..end]);
            end = dot;
        }

        if (exception)
        {
            node.IsException = true;
        }
        else if (wildcard)
        {
            node.HasWildcard = true;
        }
        else
        {
            node.IsRule = true;
        }

        return true;
    }

    private static string? Ascii(ReadOnlySpan<char> rule) => rule.IsEmpty ? "" : DomainNames.Canonical(rule.ToString());
}
