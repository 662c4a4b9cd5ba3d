namespace Dmarc.ReportGenerator;

/// <summary>
/// One <c>record</c> to write. Values are the report's own text (<c>pass</c>, <c>mfrom</c>, ...), so a sample can say
/// anything a reporter might, right or odd.
/// </summary>
public sealed record SyntheticRecord
{
    public required string SourceIp { get; init; }
    public required long Count { get; init; }
    public required string Disposition { get; init; }
    public required string DkimVerdict { get; init; }
    public required string SpfVerdict { get; init; }
    public IReadOnlyList<SyntheticOverride> Overrides { get; init; } = [];
    public string? EnvelopeTo { get; init; }
    public string? EnvelopeFrom { get; init; }
    public required string HeaderFrom { get; init; }
    public IReadOnlyList<SyntheticDkim> Dkim { get; init; } = [];
    public required SyntheticSpf Spf { get; init; }
}

/// <summary>A <c>policy_evaluated/reason</c>.</summary>
public sealed record SyntheticOverride(string Type, string? Comment = null);

/// <summary>An <c>auth_results/dkim</c> entry.</summary>
public sealed record SyntheticDkim(string Domain, string Selector, string Result);

/// <summary>The <c>auth_results/spf</c> entry.</summary>
public sealed record SyntheticSpf(string Domain, string Scope, string Result);
