using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// What a record's numbers are read against: the report it came in (reporter, published policy, period).
/// <see cref="Sequence"/> counts the reports folded so far, so a stream can count the reports it appears in.
/// </summary>
internal sealed record ReportContext(long Sequence, string Reporter, PolicyPublished Policy, ReportPeriod Period);
