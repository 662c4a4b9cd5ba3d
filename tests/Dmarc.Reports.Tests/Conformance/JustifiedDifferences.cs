using System.Text.RegularExpressions;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// A field of a corpus file where we knowingly differ from parsedmarc, and why. <see cref="Field"/> may use
/// <c>*</c> for a record index. Each entry must still be a difference (the conformance test fails on a stale one).
/// </summary>
internal sealed record JustifiedDifference(string File, string Field, string Why)
{
    public bool Covers(string file, Difference difference) =>
        file == File && Regex.IsMatch(difference.Field, "^" + Regex.Escape(Field).Replace(@"\*", "[0-9]+", StringComparison.Ordinal) + "$");
}

/// <summary>The short, honest list of the places where parsedmarc is wrong or lossy and we are not.</summary>
internal static class JustifiedDifferences
{
    public static IReadOnlyList<JustifiedDifference> All { get; } =
    [
    ];

    public static IEnumerable<JustifiedDifference> For(string file) => All.Where(entry => entry.File == file);
}
