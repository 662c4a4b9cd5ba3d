using System.Text.RegularExpressions;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// A field of a corpus file where we knowingly differ from parsedmarc: what parsedmarc says, what we say (which is what
/// the report says), and why. <see cref="Field"/> may use <c>*</c> for a record index. Each entry must still be a
/// difference (the conformance test fails on a stale one), and covers only exactly these two values.
/// </summary>
internal sealed record JustifiedDifference(string File, string Field, string Parsedmarc, string Ours, string Why)
{
    public bool Covers(string file, Difference difference) =>
        file == File
        && Regex.IsMatch(difference.Field, "^" + Regex.Escape(Field).Replace(@"\*", "[0-9]+", StringComparison.Ordinal) + "$")
        && (difference.Parsedmarc ?? "") == Parsedmarc
        && (difference.Ours ?? "") == Ours;
}

/// <summary>The short, honest list of the places where parsedmarc is wrong or lossy and we are not.</summary>
internal static class JustifiedDifferences
{
    private const string EmptySpfDomain =
        "<spf><domain></domain><result>none</result></spf>: parsedmarc drops an SPF result whose domain is empty; "
        + "we keep it: 'SPF result none' (for no domain) is what the reporter said";

    /// <summary>An SPF result with an empty domain, default scope and result none, as <see cref="Spelling.SpfLine"/> writes it.</summary>
    private const string SpfNone = "/mfrom/none/";

    private const string LxmlRecovery =
        "not well-formed XML: parsedmarc keeps what lxml's recovering parser made of it; we keep the text as the reporter wrote it";

    public static IReadOnlyList<JustifiedDifference> All { get; } =
    [
        new("parsedmarc/aggregate/invalid_xml.xml", "email", "@bad-xml.net>", "<bad-xml@bad-xml.net>", LxmlRecovery),
        new("parsedmarc/aggregate/invalid_xml.xml", "records[0].header_from", "", "bad<xml.net", LxmlRecovery),
        new("parsedmarc/aggregate/invalid_utf_8.xml", "records[0].header_from", "bad_byte", "bad_byte\u2018",
            "byte 0x91 is not UTF-8: parsedmarc drops it, we read it as the windows-1252 quote it most likely was"),
        new("parsedmarc/aggregate/empty_reason.xml", "records[0].reasons", "(empty):", "",
            "<reason><type></type><comment></comment></reason> names no override: parsedmarc keeps a reason without a type, we keep none"),
        new("parsedmarc/aggregate/invalid_xml.xml", "records[0].auth_results.spf", "", SpfNone, EmptySpfDomain),
        new("parsedmarc/aggregate/invalid_utf_8.xml", "records[0].auth_results.spf", "", SpfNone, EmptySpfDomain),
        new("parsedmarc/aggregate/veeam.com!example.com!1530133200!1530219600.xml", "records[0].auth_results.spf", "", SpfNone, EmptySpfDomain),
        new("parsedmarc/aggregate/!example.com!1538204542!1538463818.xml", "records[0].auth_results.spf", "", SpfNone, EmptySpfDomain),
        new("parsedmarc/aggregate/!large-example.com!1711897200!1711983600.xml", "records[*].auth_results.spf", "", SpfNone, EmptySpfDomain),
    ];

    public static IEnumerable<JustifiedDifference> For(string file) => All.Where(entry => entry.File == file);
}
