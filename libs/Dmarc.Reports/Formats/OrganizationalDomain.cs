namespace Dmarc.Reports.Formats;

/// <summary>
/// A Public-Suffix-List-free approximation of a domain's organisational domain: the last two labels, or the last
/// three under a country-code second level such as <c>co.jp</c>, <c>ne.jp</c> or <c>co.uk</c>. Good enough for
/// relaxed-alignment hints and parsedmarc's <c>org_name</c>; not a substitute for the PSL or RFC 9989's tree walk.
/// </summary>
public static class OrganizationalDomain
{
    private static readonly HashSet<string> _countrySecondLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        "ac", "ad", "co", "com", "ed", "edu", "go", "gob", "gov", "gr", "lg", "ltd", "mil", "ne", "net", "or", "org", "plc",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _secondLevelLookup =
        _countrySecondLevels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The organisational part of <paramref name="domain"/> (case kept; a trailing dot ignored).</summary>
    public static ReadOnlySpan<char> Of(ReadOnlySpan<char> domain)
    {
        domain = domain.TrimEnd('.');
        var last = domain.LastIndexOf('.');
        if (last <= 0)
        {
            return domain;
        }

        var second = domain[..last].LastIndexOf('.');
        if (second < 0)
        {
            return domain;
        }

        var tld = domain[(last + 1)..];
        var secondLevel = domain[(second + 1)..last];
        if (tld.Length == 2 && _secondLevelLookup.Contains(secondLevel))
        {
            var third = domain[..second].LastIndexOf('.');
            return third < 0 ? domain : domain[(third + 1)..];
        }

        return domain[(second + 1)..];
    }

    /// <summary>DMARC alignment of two domains: equal for strict, same organisational domain for relaxed.</summary>
    public static bool Aligned(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool strict) =>
        strict
            ? a.TrimEnd('.').Equals(b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            : Of(a).Equals(Of(b), StringComparison.OrdinalIgnoreCase);
}
