using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Alignment;

/// <summary>
/// DMARC identifier alignment of an authenticated domain (SPF MAIL FROM, DKIM <c>d=</c>) with the Header-From domain:
/// strict = the same name, relaxed = the same organisational domain. Names compare ignoring case and a trailing dot
/// (internationalised names in A-label form); an empty name aligns with nothing.
/// </summary>
public static class IdentifierAlignment
{
    /// <summary>True when <paramref name="identifier"/> aligns with <paramref name="authorDomain"/> under <paramref name="mode"/>.</summary>
    public static bool Aligned(string identifier, string authorDomain, AlignmentMode mode, IOrganizationalDomains domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var authenticated = Comparable(identifier);
        var author = Comparable(authorDomain);
        if (authenticated.Length == 0 || author.Length == 0)
        {
            return false;
        }

        return string.Equals(authenticated, author, StringComparison.Ordinal)
            || (mode == AlignmentMode.Relaxed
                && string.Equals(domains.Of(authenticated), domains.Of(author), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The form names are compared and shown in: lower-case ASCII, no surrounding whitespace or trailing dot.</summary>
    internal static string Comparable(string domain) => DomainNames.Canonical(domain) ?? DomainNames.Loose(domain);
}
