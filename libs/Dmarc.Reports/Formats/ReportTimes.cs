using System.Globalization;

namespace Dmarc.Reports.Formats;

/// <summary>The two ways writers print report times: parsedmarc's and ISO-8601, both in UTC.</summary>
public static class ReportTimes
{
    /// <summary>parsedmarc's <c>YYYY-MM-DD HH:MM:SS</c> (UTC, as parsedmarc prints it with TZ=UTC).</summary>
    public static string Parsedmarc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 in UTC with a <c>Z</c>: <c>2024-01-31T00:00:00Z</c>.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
