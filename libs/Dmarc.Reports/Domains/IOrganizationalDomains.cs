namespace Dmarc.Reports.Domains;

/// <summary>
/// Finds the organisational domain of a domain name (RFC 7489 3.2): the domain just below its public suffix, so that
/// <c>mail.example.co.jp</c> and <c>news.example.co.jp</c> share <c>example.co.jp</c>. Relaxed alignment compares these.
/// </summary>
public interface IOrganizationalDomains
{
    /// <summary>The organisational domain of <paramref name="domain"/>, lower case, without a trailing dot.</summary>
    string Of(string domain);
}
