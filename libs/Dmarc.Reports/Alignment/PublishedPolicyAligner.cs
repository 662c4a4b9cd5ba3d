using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Alignment;

/// <summary>The <see cref="IRecordAligner"/> of the analysis: <see cref="AlignmentCheck"/> with one set of organisational domains.</summary>
public sealed class PublishedPolicyAligner(IOrganizationalDomains domains) : IRecordAligner
{
    public RecordAlignment Align(AggregateRecord record, PolicyPublished policy) => AlignmentCheck.Of(record, policy, domains);
}
