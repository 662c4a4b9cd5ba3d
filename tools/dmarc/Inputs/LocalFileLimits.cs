using Dmarc.Reports;

namespace Dmarc.Cli.Inputs;

/// <summary>
/// The core's limits, except that one input may be as large as one report document (1 GiB): files given on the
/// command line are the operator's own choice, and a plain 1,000,000-record report (~710 MB) must be readable.
/// </summary>
public static class LocalFileLimits
{
    public static ReportLimits Default { get; } =
        ReportLimits.Default with { MaxInputBytes = Math.Max(ReportLimits.Default.MaxInputBytes, ReportLimits.Default.MaxReportBytes) };
}
