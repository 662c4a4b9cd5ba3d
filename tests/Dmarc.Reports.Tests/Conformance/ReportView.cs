using System.Globalization;
using System.Net;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// An aggregate report reduced to what the conformance test compares, every value in one spelling (lower case tokens,
/// canonical IPs, UTC times as parsedmarc prints them), so that parsedmarc's output and ours compare by meaning.
/// </summary>
internal sealed record ReportView(
    string OrgName,
    string? Email,
    string ReportId,
    string Begin,
    string End,
    PolicyView Policy,
    IReadOnlyList<RecordView> Records);

internal sealed record PolicyView(
    string Domain,
    string Adkim,
    string Aspf,
    string? P,
    string? Sp,
    string? Pct,
    string? Fo,
    string? Np,
    string? Testing,
    string? DiscoveryMethod);

/// <summary>One record; the auth results and reasons are each one line so that records can be grouped and compared whole.</summary>
internal sealed record RecordView(
    string SourceIp,
    long Count,
    string Disposition,
    string Dkim,
    string Spf,
    string Reasons,
    string HeaderFrom,
    string? EnvelopeFrom,
    string DkimResults,
    string SpfResults)
{
    /// <summary>Everything but the count: the identity of a record that parsedmarc split into per-day pieces.</summary>
    public RecordView WithoutCount => this with { Count = 0 };
}

/// <summary>The shared spellings of <see cref="ReportView"/>.</summary>
internal static class Spelling
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string? Token(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An IP address in canonical form (IPv6 compressed, lower case); anything else trimmed as it is.</summary>
    public static string Ip(string value)
    {
        var trimmed = value.Trim();
        return IPAddress.TryParse(trimmed, out var address) ? address.ToString() : trimmed;
    }

    /// <summary>parsedmarc's form of a report id: angle brackets dropped and only the part before '@' kept.</summary>
    public static string ParsedmarcReportId(string reportId) => reportId.Replace("<", "", StringComparison.Ordinal)
        .Replace(">", "", StringComparison.Ordinal).Split('@')[0].Trim();

    public static string DkimLine(string? domain, string? selector, string? result, string? humanResult) =>
        $"{Token(domain)}/{Token(selector)}/{Token(result)}/{Text(humanResult)}";

    public static string SpfLine(string? domain, string? scope, string? result, string? humanResult) =>
        $"{Token(domain)}/{Token(scope)}/{Token(result)}/{Text(humanResult)}";

    public static string ReasonLine(string? type, string? comment) => $"{Token(type) ?? "(empty)"}:{Text(comment)}";

    public static string Lines(IEnumerable<string> lines) => string.Join("; ", lines);
}
