using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Alignment;

/// <summary>
/// Recomputes DMARC for one record from its raw <c>auth_results</c> under the report's published alignment modes.
/// The diagnosis takes alignment through this seam so that the organisational-domain lookup (PSL or tree walk) can be
/// chosen by whoever builds the analysis.
/// </summary>
public interface IRecordAligner
{
    RecordAlignment Align(AggregateRecord record, PolicyPublished policy);
}
