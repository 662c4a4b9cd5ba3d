namespace Dmarc.Reports.Aggregate;

/// <summary>The natural key of an aggregate report (DMARC.md, Semantics 8): re-sent reports reuse it.</summary>
public sealed record ReportIdentity(string Reporter, string ReportId, string PolicyDomain, ReportPeriod Period)
{
    public override string ToString() =>
        $"{Reporter.ToLowerInvariant()}|{ReportId}|{PolicyDomain.ToLowerInvariant()}|{Period.Begin.ToUnixTimeSeconds()}|{Period.End.ToUnixTimeSeconds()}";
}
