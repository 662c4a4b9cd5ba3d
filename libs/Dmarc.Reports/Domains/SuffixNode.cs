namespace Dmarc.Reports.Domains;

/// <summary>
/// One label of the Public Suffix List's rules, read from the top-level domain down: <c>jp</c> → <c>co</c> holds the
/// rule <c>co.jp</c>. A node says which rules end at it: a plain rule, a wildcard below it (<c>*.ck</c> marks
/// <c>ck</c>), or an exception (<c>!www.ck</c> marks <c>ck</c> → <c>www</c>).
/// </summary>
internal sealed class SuffixNode
{
    private Dictionary<string, SuffixNode>? _children;
    private Dictionary<string, SuffixNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>A rule names exactly this domain (<c>co.jp</c>).</summary>
    public bool IsRule { get; set; }

    /// <summary>A wildcard rule names every label below this domain (<c>*.ck</c>).</summary>
    public bool HasWildcard { get; set; }

    /// <summary>An exception rule takes this domain out of a wildcard (<c>!www.ck</c>).</summary>
    public bool IsException { get; set; }

    public SuffixNode Child(string label)
    {
        if (_children is null)
        {
            _children = new Dictionary<string, SuffixNode>(StringComparer.Ordinal);
            _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        if (!_children.TryGetValue(label, out var child))
        {
            child = new SuffixNode();
            _children.Add(label, child);
        }

        return child;
    }

    public SuffixNode? Find(ReadOnlySpan<char> label) =>
        _children is not null && _lookup.TryGetValue(label, out var child) ? child : null;
}
