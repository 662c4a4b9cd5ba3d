namespace Dmarc.Reports.Domains;

/// <summary>
/// Organisational domains by the Public Suffix List, as RFC 7489 3.2 finds them: the public suffix of a name (the
/// longest matching rule, an exception rule first, the rule <c>*</c> when none matches) plus one label.
/// <see cref="Default"/> is the list built into this library; <see cref="Load"/> reads a newer copy of the file.
/// Names are compared as lower-case ASCII: internationalised names in A-label (<c>xn--</c>) form.
/// </summary>
/// <remarks>
/// A name that is itself a public suffix (<c>co.jp</c>, <c>github.io</c>, a single-label name) is its own
/// organisational domain: RFC 7489 3.2 has no label to add, and RFC 9989 4.10.2 makes the starting name the
/// organisational domain whenever the walk decides nothing. Such a name then aligns (relaxed) only with itself.
/// Both sections of the list count by default, as parsedmarc counts them: a user of <c>github.io</c> is an
/// organisation of its own. Lookups are lock-free reads of an immutable tree and safe from any thread.
/// </remarks>
public sealed class PublicSuffixList : IOrganizationalDomains
{
    private const string ResourceName = "Dmarc.Reports.Domains.public_suffix_list.dat";

    private static readonly Lazy<PublicSuffixList> _default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SuffixNode _root;

    private PublicSuffixList(SuffixNode root, int rules, int skippedRules)
    {
        _root = root;
        RuleCount = rules;
        SkippedRuleCount = skippedRules;
    }

    /// <summary>The list built into this library (see <c>Domains/public_suffix_list.README.md</c> for its date), read once.</summary>
    public static PublicSuffixList Default => _default.Value;

    /// <summary>The number of rules read.</summary>
    public int RuleCount { get; }

    /// <summary>Lines that looked like rules but cannot be domain names (a <c>*</c> inside a name, empty labels); ignored.</summary>
    public int SkippedRuleCount { get; }

    /// <summary>Reads a list in the PSL file format from <paramref name="path"/>, e.g. a newer download of the list.</summary>
    /// <exception cref="InvalidDataException">The file holds no rule at all: it is not a public suffix list.</exception>
    public static PublicSuffixList Load(string path, bool includePrivateDomains = true)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, includePrivateDomains, path);
    }

    /// <summary>Reads a list in the PSL file format.</summary>
    /// <exception cref="InvalidDataException">The text holds no rule at all: it is not a public suffix list.</exception>
    public static PublicSuffixList Parse(TextReader reader, bool includePrivateDomains = true) =>
        Parse(reader, includePrivateDomains, "the text");

    /// <summary>The organisational domain of <paramref name="domain"/>: its registrable domain, or the name itself when
    /// it is a public suffix or no usable domain name (then only trimmed and lower-cased).</summary>
    public string Of(string domain) =>
        DomainNames.Canonical(domain) is { } name
            ? DomainNames.LastLabels(name, SuffixLabels(name) + 1)
            : DomainNames.Loose(domain);

    /// <summary>The public suffix plus one label (<c>www.example.co.jp</c> → <c>example.co.jp</c>); null when
    /// <paramref name="domain"/> is itself a public suffix or no usable domain name.</summary>
    public string? RegistrableDomain(string domain)
    {
        if (DomainNames.Canonical(domain) is not { } name)
        {
            return null;
        }

        var suffix = SuffixLabels(name);
        return DomainNames.LabelCount(name) > suffix ? DomainNames.LastLabels(name, suffix + 1) : null;
    }

    /// <summary>The public suffix of <paramref name="domain"/> (<c>www.example.co.jp</c> → <c>co.jp</c>; an unknown
    /// top-level domain is its own suffix); null when it is no usable domain name.</summary>
    public string? PublicSuffix(string domain) =>
        DomainNames.Canonical(domain) is { } name ? DomainNames.LastLabels(name, SuffixLabels(name)) : null;

    /// <summary>True when <paramref name="domain"/> is a public suffix, under which others register names.</summary>
    public bool IsPublicSuffix(string domain) =>
        DomainNames.Canonical(domain) is { } name && SuffixLabels(name) == DomainNames.LabelCount(name);

    /// <summary>
    /// How many labels, from the right, the prevailing rule covers: an exception rule wins and counts one label fewer;
    /// otherwise the longest plain or wildcard rule; when nothing matches, the implicit rule <c>*</c> (one label).
    /// </summary>
    private int SuffixLabels(ReadOnlySpan<char> name)
    {
        var node = _root;
        var longest = 1;
        var depth = 0;
        for (var end = name.Length; node is not null && end > 0;)
        {
            var dot = name[..end].LastIndexOf('.');
            var label = name[(dot + 1)..end];
            depth++;

            var child = node.Find(label);
            if (child is { IsException: true })
            {
                return depth - 1;
            }

            if (node.HasWildcard || child is { IsRule: true })
            {
                longest = depth;
            }

            node = child;
            end = dot;
        }

        return longest;
    }

    private static PublicSuffixList Parse(TextReader reader, bool includePrivateDomains, string source)
    {
        var rules = new SuffixRuleReader(includePrivateDomains);
        rules.Read(reader);
        if (rules.Rules == 0)
        {
            throw new InvalidDataException(
                $"{source} holds no public suffix rule: it is not a Public Suffix List (https://publicsuffix.org/list/public_suffix_list.dat)");
        }

        return new PublicSuffixList(rules.Root, rules.Rules, rules.SkippedRules);
    }

    private static PublicSuffixList LoadEmbedded()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the built-in Public Suffix List ({ResourceName}) is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader, includePrivateDomains: true, "the built-in list");
    }
}
