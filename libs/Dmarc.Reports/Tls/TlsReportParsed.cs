using Dmarc.Reports.Tls;

namespace Dmarc.Reports.Outcomes;

/// <summary>An SMTP TLS report that was read (possibly with <see cref="TlsReport.Errors"/> it was read around).</summary>
public sealed record TlsReportParsed(string Source, string? Part, TlsReport Report) : ReportOutcome(Source, Part);
