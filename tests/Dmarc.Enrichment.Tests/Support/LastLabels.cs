using Dmarc.Reports.Domains;

namespace Dmarc.Enrichment.Tests.Support;

/// <summary>A stand-in for the Public Suffix List: the last two labels of a name.</summary>
internal sealed class LastLabels : IOrganizationalDomains
{
    public string Of(string domain) => string.Join('.', domain.TrimEnd('.').ToLowerInvariant().Split('.').TakeLast(2));
}
