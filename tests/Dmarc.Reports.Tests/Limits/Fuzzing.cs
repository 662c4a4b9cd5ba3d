namespace Dmarc.Reports.Tests.Limits;

/// <summary>The limits fuzz/Dmarc.Fuzz reads with (kept equal to its FuzzTarget.Limits), so that a found input replays the same.</summary>
internal static class Fuzzing
{
    public static ReportLimits Limits { get; } = new()
    {
        MaxInputBytes = 4L * 1024 * 1024,
        MaxReportBytes = 16L * 1024 * 1024,
        MaxTotalDecompressedBytes = 32L * 1024 * 1024,
    };
}
