using Dmarc.Reports.Failure;

namespace Dmarc.Reports.Outcomes;

/// <summary>A DMARC failure (ruf) report that was read; <see cref="FailureReport.SampleKept"/> says what of its sample was kept.</summary>
public sealed record FailureReportParsed(string Source, string? Part, FailureReport Report) : ReportOutcome(Source, Part);
