namespace Dmarc.Cli.Analyze;

/// <summary>What <c>dmarc analyze</c> found over all its inputs; filled by <see cref="AnalysisSink"/>.</summary>
public sealed class Analysis
{
    /// <summary>Bound on the distinct Header-From domains and failing sources kept (the rest is counted as "other").</summary>
    public const int MaxKeys = 100_000;
    public const string Other = "(other)";

    public long Reports { get; set; }
    public long Records { get; set; }
    public PassTally Traffic { get; } = new();
    public Dictionary<string, DomainSummary> Domains { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, ReporterSummary> Reporters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, PassTally> HeaderFroms { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long FailureReports { get; set; }

    /// <summary>Failure (ruf) reports per reported domain, source and what failed.</summary>
    public Dictionary<FailureReportKind, long> FailureKinds { get; } = [];

    public long TlsReports { get; set; }
    public Dictionary<string, TlsDomainSummary> TlsDomains { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Failed TLS sessions per policy domain, result type and receiving MX.</summary>
    public Dictionary<TlsFailureKind, long> TlsFailures { get; } = [];

    public List<UnreadableInput> Unreadable { get; } = [];

    public static TValue Entry<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TKey other, Func<TKey, TValue> create)
        where TKey : notnull
    {
        if (map.TryGetValue(key, out var value))
        {
            return value;
        }

        if (map.Count >= MaxKeys)
        {
            key = other;
            if (map.TryGetValue(key, out value))
            {
                return value;
            }
        }

        value = create(key);
        map[key] = value;
        return value;
    }
}
