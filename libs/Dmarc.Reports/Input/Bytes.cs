using System.Globalization;

namespace Dmarc.Reports.Input;

internal static class Bytes
{
    /// <summary>A byte count for people: "512 KiB", "1 GiB".</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => Format(bytes >> 30, "GiB"),
        >= 1L << 20 when bytes % (1L << 20) == 0 => Format(bytes >> 20, "MiB"),
        >= 1L << 10 when bytes % (1L << 10) == 0 => Format(bytes >> 10, "KiB"),
        _ => Format(bytes, "bytes"),
    };

    private static string Format(long value, string unit) => string.Create(CultureInfo.InvariantCulture, $"{value} {unit}");
}
