using Dmarc.Reports.Failure;
using Dmarc.Reports.Tls;

namespace Dmarc.Cli.Analyze;

/// <summary>SMTP TLS sessions of one policy domain (the receiving domain whose MX hosts were tried).</summary>
public sealed class TlsDomainSummary(string domain)
{
    public string Domain { get; } = domain;
    public long Reports { get; private set; }
    public long Successful { get; private set; }
    public long Failed { get; private set; }

    public double SuccessRate => Successful + Failed == 0 ? 0 : (double)Successful / (Successful + Failed);

    public void Add(TlsPolicyResult policy)
    {
        Reports++;
        Successful += policy.SuccessfulSessionCount;
        Failed += policy.FailedSessionCount;
    }
}

/// <summary>One kind of TLS failure: where (policy domain, receiving MX) and what (the RFC 8460 result type).</summary>
public sealed record TlsFailureKind(string Domain, string ResultType, string ReceivingMx)
{
    public static IEnumerable<(TlsFailureKind Kind, long Sessions)> Of(TlsPolicyResult policy) =>
        policy.FailureDetails.Select(detail => (
            new TlsFailureKind(policy.Domain, detail.ResultType, detail.ReceivingMxHostname ?? detail.ReceivingIp ?? "(not given)"),
            detail.FailedSessionCount));
}

/// <summary>Failure reports that share reported domain, source and what failed: how many, and the latest arrival.</summary>
public sealed record FailureReportKind(string ReportedDomain, string SourceIp, string AuthFailure, string Delivery)
{
    public static FailureReportKind Of(FailureReport report) => new(
        report.ReportedDomain ?? "(not given)",
        report.SourceIp.Length == 0 ? "(not given)" : report.SourceIp,
        report.AuthFailure.Count == 0 ? "(not given)" : string.Join(' ', report.AuthFailure),
        report.DeliveryResult?.ToString().ToLowerInvariant() ?? report.DeliveryResultText ?? "(not given)");
}
