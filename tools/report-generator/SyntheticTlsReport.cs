namespace Dmarc.ReportGenerator;

/// <summary>
/// Makes one day's SMTP TLS report of a reporter about a domain: the policy the domain publishes (MTA-STS, DANE or
/// none), the sessions that went well, and the given number of failures. Deterministic for a seed.
/// </summary>
public static class SyntheticTlsReport
{
    /// <summary>Where reporters send from (documentation range) and where the domain's MX hosts listen.</summary>
    private const string SendingPrefix = "2001:db8:5e::";
    private const string ReceivingPrefix = "192.0.2.";

    /// <summary>A day's report with <paramref name="failures"/> failures of result types typical of the policy type.</summary>
    public static TlsReportDocument Daily(
        TlsReporter reporter, string policyDomain, DateOnly day, long seed, int failures = 0, string policyType = TlsPolicyTypes.Sts)
    {
        var random = new SeededRandom(seed);
        var types = TypicalFailures(policyType);
        return Build(reporter, policyDomain, day, random, [.. Enumerable.Range(0, failures).Select(_ => random.Pick(types))], policyType);
    }

    /// <summary>A day's report with one failure-details entry for each of <paramref name="resultTypes"/>, in order.</summary>
    public static TlsReportDocument WithFailures(
        TlsReporter reporter, string policyDomain, DateOnly day, long seed, IReadOnlyList<string> resultTypes,
        string policyType = TlsPolicyTypes.Sts) =>
        Build(reporter, policyDomain, day, new SeededRandom(seed), resultTypes, policyType);

    private static TlsReportDocument Build(
        TlsReporter reporter, string policyDomain, DateOnly day, SeededRandom random, IReadOnlyList<string> resultTypes, string policyType)
    {
        var begin = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var reportId = reporter.NewReportId(random, begin, policyDomain);
        var policy = Policy(reporter, policyType, policyDomain, random);
        var details = resultTypes.Select(resultType => Failure(reporter, resultType, policyDomain, random)).ToList();
        var result = new TlsPolicyResult(policy, random.Next(20, 5000), details.Sum(detail => detail.FailedSessionCount), details);
        return new(reporter.OrganizationName, begin, begin.AddDays(1).AddSeconds(-1), reporter.ContactInfo, reportId, [result]);
    }

    private static IReadOnlyList<string> TypicalFailures(string policyType) => policyType switch
    {
        TlsPolicyTypes.Sts => TlsResultTypes.Sts,
        TlsPolicyTypes.Tlsa => TlsResultTypes.Dane,
        _ => TlsResultTypes.NoPolicy,
    };

    private static TlsPolicy Policy(TlsReporter reporter, string policyType, string domain, SeededRandom random)
    {
        string[] mxHosts = [$"mx1.{domain}", $"mx2.{domain}"];
        return policyType switch
        {
            TlsPolicyTypes.Sts => new(policyType, domain,
                ["version: STSv1", random.Percent(80) ? "mode: enforce" : "mode: testing", .. mxHosts.Select(mx => $"mx: {mx}"), "max_age: 604800"],
                reporter.WritesMxHost ? mxHosts : null),
            TlsPolicyTypes.Tlsa => new(policyType, domain,
                [$"3 1 1 {Hex(random, 4)}", $"3 1 1 {Hex(random, 4)}"],
                reporter.WritesMxHost ? [mxHosts[0]] : null),
            _ => new(policyType, domain),
        };
    }

    private static TlsFailureDetail Failure(TlsReporter reporter, string resultType, string domain, SeededRandom random)
    {
        var sendingIp = $"{SendingPrefix}{random.Next(1, 0x100):x}";
        var failed = random.Count(6);
        if (TlsResultTypes.IsPolicyFailure(resultType))
        {
            return new(resultType, failed, SendingMtaIp: sendingIp);
        }

        var mx = random.Next(1, 3);
        var reasonCode = resultType switch
        {
            TlsResultTypes.CertificateNotTrusted => "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
            TlsResultTypes.ValidationFailure => "X509_V_ERR_CERT_SIGNATURE_FAILURE",
            _ => null,
        };
        return new(resultType, failed,
            SendingMtaIp: sendingIp,
            ReceivingMxHostname: $"mx{mx}.{domain}",
            ReceivingMxHelo: random.Percent(30) ? $"mail{mx}.{domain}" : null,
            ReceivingIp: $"{ReceivingPrefix}{50 + mx}",
            AdditionalInformation: reporter.IdStyle == TlsReportIdStyle.Uuid ? $"https://{reporter.Submitter}/tlsrpt/help#{resultType}" : null,
            FailureReasonCode: reasonCode);
    }

    /// <summary>A SHA-256-sized hex string (for TLSA records) from <paramref name="words"/> random 64-bit words.</summary>
    private static string Hex(SeededRandom random, int words) =>
        string.Concat(Enumerable.Range(0, words).Select(_ => random.NextUInt64().ToString("X16", System.Globalization.CultureInfo.InvariantCulture)));
}
