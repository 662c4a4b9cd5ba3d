using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>Works out the <see cref="DomainReadiness"/> of a policy domain from its tally and its classified streams.</summary>
public static class EnforcementReadiness
{
    /// <summary>At most this many streams are listed to fix first.</summary>
    public const int MaxStreamsToFix = 50;

    public static DomainReadiness Of(PolicyDomainTally domain, IEnumerable<StreamAnalysis> streams, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(options);
        var messagesByClass = Classes();
        var failingByClass = Classes();
        long exempted = 0, subdomainMessages = 0, subdomainFailing = 0;
        var toFix = new List<StreamToFix>();
        var failingStreams = new List<(StreamAnalysis Stream, long DmarcFail)>();
        foreach (var stream in streams)
        {
            var share = stream.Tally.PolicyDomains.FirstOrDefault(s => string.Equals(s.Domain, domain.Domain, StringComparison.OrdinalIgnoreCase));
            if (share is null)
            {
                continue;
            }

            var @class = stream.Verdict.Class;
            messagesByClass[@class] += share.Messages;
            failingByClass[@class] += share.DmarcFail;
            exempted += share.FailingForwardingOverride;
            if (!string.Equals(stream.Key.HeaderFrom, domain.Domain, StringComparison.OrdinalIgnoreCase))
            {
                subdomainMessages += share.Messages;
                subdomainFailing += share.DmarcFail;
            }

            if (share.DmarcFail > 0)
            {
                failingStreams.Add((stream, share.DmarcFail));
                if (@class is StreamClass.Misconfigured or StreamClass.Forwarded)
                {
                    toFix.Add(new StreamToFix(stream.Key, stream.Label, @class, share.DmarcFail, stream.Verdict.Fix));
                }
            }
        }

        var failing = failingByClass.Values.Sum();
        var readiness = new DomainReadiness
        {
            Domain = domain.Domain,
            Kind = options.KindOf(domain.Domain),
            Reports = domain.Reports,
            Messages = domain.Messages,
            ReporterPass = domain.ReporterPass,
            DmarcPass = domain.DmarcPass,
            FirstSeen = domain.FirstSeen,
            LastSeen = domain.LastSeen,
            Published = domain.Published,
            PolicyChanged = domain.PolicyChanged,
            MessagesByClass = messagesByClass,
            WouldQuarantine = new PolicyImpact(DomainPolicy.Quarantine, failing, Shares.Of(failing, domain.Messages), failingByClass, exempted),
            WouldReject = new PolicyImpact(DomainPolicy.Reject, failing, Shares.Of(failing, domain.Messages), failingByClass, exempted),
            SubdomainMessages = subdomainMessages,
            SubdomainDmarcFail = subdomainFailing,
            FixFirst = [.. toFix.OrderByDescending(s => s.DmarcFail).ThenBy(s => s.Stream.ToString(), StringComparer.Ordinal).Take(MaxStreamsToFix)],
            Recommendation = new PolicyRecommendation(false, "", "", "", []),
        };
        return readiness with { Recommendation = ReadinessAdvisor.Advise(readiness, failingStreams, options) };
    }

    private static Dictionary<StreamClass, long> Classes() => Enum.GetValues<StreamClass>().ToDictionary(c => c, _ => 0L);
}
