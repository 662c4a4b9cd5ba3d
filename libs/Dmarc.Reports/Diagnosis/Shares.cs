using System.Globalization;

namespace Dmarc.Reports.Diagnosis;

/// <summary>Shares and counts written the same way in every sentence: <c>99.2 %</c>, <c>&lt; 0.1 %</c>, <c>1,234</c>.</summary>
internal static class Shares
{
    public static double Of(long part, long whole) => whole <= 0 ? 0 : (double)part / whole;

    public static string Percent(long part, long whole)
    {
        var share = Of(part, whole) * 100;
        return part > 0 && share < 0.05 ? "< 0.1 %"
            : part < whole && share > 99.95 ? "> 99.9 %"
            : share.ToString("0.#", CultureInfo.InvariantCulture) + " %";
    }

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Messages(long value) => value == 1 ? "1 message" : Count(value) + " messages";
}
