using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// The advice of enforcement readiness, following RFC 9989: a staged rollout with test mode (<c>t=y</c>, which
/// replaced <c>pct</c>), <c>np=reject</c> for non-existent subdomains, <c>quarantine</c> as the end for general-purpose
/// mailbox domains and <c>reject</c> for transactional or corporate ones. Every step is explained in sentences.
/// </summary>
internal static class ReadinessAdvisor
{
    private const int LabelsShown = 3;

    public static PolicyRecommendation Advise(DomainReadiness domain, IReadOnlyList<(StreamAnalysis Stream, long DmarcFail)> failing, AnalysisOptions options)
    {
        var reasoning = new List<string>();
        var target = Target(domain.Kind);
        if (domain.Messages == 0)
        {
            reasoning.Add("No messages were reported for this domain in the window read: there is nothing to judge readiness by.");
            return new PolicyRecommendation(false, "No mail seen: keep the current policy and wait for reports.", Current(domain.Published), target, reasoning);
        }

        reasoning.Add(
            $"{Shares.Percent(domain.DmarcPass, domain.Messages)} of {Shares.Messages(domain.Messages)} passes DMARC, recomputed from auth_results " +
            $"(reporters say {Shares.Percent(domain.ReporterPass, domain.Messages)}); {Shares.Count(domain.Reports)} {(domain.Reports == 1 ? "report" : "reports")}{Window(domain)}.");
        AddClassSentences(domain, failing, reasoning);

        var failingOf = domain.WouldQuarantine.ByClass;
        var forwardedAtRisk = Math.Max(failingOf[StreamClass.Forwarded] - domain.WouldQuarantine.ExemptedByReceivers, 0);
        var blocking = failingOf[StreamClass.Misconfigured] + forwardedAtRisk;
        var ready = Shares.Of(blocking, domain.Messages) <= options.LegitimateFailureTolerance;
        if (!ready)
        {
            reasoning.Add(
                $"Legitimate mail that would fail ({Shares.Percent(blocking, domain.Messages)}) is above the tolerance of " +
                $"{(options.LegitimateFailureTolerance * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} %: " +
                "fix the streams listed first before enforcing.");
            if (domain.Published is { P: DomainPolicy.Quarantine or DomainPolicy.Reject, Testing: not true } enforced)
            {
                reasoning.Add($"p={Name(enforced.P)} is enforced now: receivers may already {(enforced.P == DomainPolicy.Reject ? "reject" : "quarantine")} that legitimate mail.");
            }
        }

        AddPolicySentences(domain, reasoning);
        reasoning.Add(KindSentence(domain.Kind));
        var (summary, next) = Step(domain, ready);
        next = WithNp(next, domain.Published);
        reasoning.Add($"Next step: publish {next}.");
        return new PolicyRecommendation(ready, summary, next, target, reasoning);
    }

    private static string Window(DomainReadiness domain) =>
        domain.FirstSeen is { } first && domain.LastSeen is { } last ? $" from {first.UtcDateTime:yyyy-MM-dd} to {last.UtcDateTime:yyyy-MM-dd} (UTC)" : "";

    private static void AddClassSentences(DomainReadiness domain, IReadOnlyList<(StreamAnalysis Stream, long DmarcFail)> failing, List<string> reasoning)
    {
        var byClass = domain.WouldQuarantine.ByClass;
        foreach (var @class in Enum.GetValues<StreamClass>())
        {
            var messages = byClass[@class];
            if (messages == 0)
            {
                continue;
            }

            var share = Shares.Percent(messages, domain.Messages);
            var labels = Labels(failing.Where(f => f.Stream.Verdict.Class == @class));
            var sources = failing.Count(f => f.Stream.Verdict.Class == @class);
            reasoning.Add(@class switch
            {
                StreamClass.Misconfigured => $"{share} is misconfigured mail from {labels} (fix first).",
                StreamClass.Forwarded => $"{share} is forwarded or mailing-list mail ({labels}); receivers exempted {Shares.Messages(domain.WouldQuarantine.ExemptedByReceivers)} of it, the rest fails under enforcement unless they trust the forwarder (ARC).",
                StreamClass.Suspicious => $"{share} is likely spoofing from {Shares.Count(sources)} {(sources == 1 ? "source" : "sources")} ({labels}): enforcement stops it.",
                StreamClass.Compliant => $"{share} fails now and then in streams that mostly pass ({labels}).",
                _ => $"{share} fails from sources that could not be classified ({labels}): check them before enforcing.",
            });
        }
    }

    private static string Labels(IEnumerable<(StreamAnalysis Stream, long DmarcFail)> streams)
    {
        var labels = streams.GroupBy(s => s.Stream.Label, StringComparer.OrdinalIgnoreCase)
            .Select(group => (Label: group.Key, Messages: group.Sum(s => s.DmarcFail)))
            .OrderByDescending(l => l.Messages).ThenBy(l => l.Label, StringComparer.Ordinal)
            .Select(l => l.Label)
            .ToList();
        var shown = string.Join(", ", labels.Take(LabelsShown));
        return labels.Count > LabelsShown ? $"{shown} and {labels.Count - LabelsShown} more" : shown;
    }

    private static void AddPolicySentences(DomainReadiness domain, List<string> reasoning)
    {
        var published = domain.Published;
        if (published?.P is null)
        {
            reasoning.Add("The reports name no valid p: the current policy is unknown and taken as p=none.");
        }

        if (domain.PolicyChanged)
        {
            reasoning.Add("Reports of the window show different published policies: the advice reads the latest.");
        }

        if (published?.Pct is < 100)
        {
            reasoning.Add($"pct={published.Pct} is published: RFC 9989 removed pct; use t=y (test mode) for a staged rollout instead.");
        }

        if (published?.Testing == true)
        {
            reasoning.Add("t=y is published: receivers apply one step less than p asks (quarantine as none, reject as quarantine).");
        }

        if (domain.SubdomainMessages > 0)
        {
            reasoning.Add(
                $"{Shares.Messages(domain.SubdomainMessages)} came from subdomains ({Shares.Count(domain.SubdomainDmarcFail)} failing); they are counted " +
                "under sp. Reports do not say whether a subdomain exists, so whether np (non-existent subdomains) would apply instead is unknown.");
        }

        if (published is not null && published.Np is null)
        {
            reasoning.Add($"np is not published: non-existent subdomains get {Name(published.EffectiveNp)}; np=reject protects them and touches no real mail.");
        }
    }

    private static string KindSentence(DomainKind kind) => kind switch
    {
        DomainKind.Mailbox => "A general-purpose mailbox domain: RFC 9989 advises against p=reject (users' mailing-list and forwarded mail would bounce); the target is p=quarantine with np=reject.",
        DomainKind.Transactional => "A transactional or corporate domain: the target is p=reject.",
        _ => "The domain's kind is not configured: for a general-purpose mailbox domain the target is p=quarantine with np=reject (RFC 9989); for a transactional or corporate domain it is p=reject.",
    };

    private static string Target(DomainKind kind) => kind switch
    {
        DomainKind.Mailbox => "p=quarantine; np=reject",
        DomainKind.Transactional => "p=reject",
        _ => "p=quarantine; np=reject (mailbox domain) or p=reject (transactional domain)",
    };

    /// <summary>The next step on the ladder none → quarantine with t=y → quarantine → (transactional) reject with t=y → reject.</summary>
    private static (string Summary, string Next) Step(DomainReadiness domain, bool ready)
    {
        var p = domain.Published?.P ?? DomainPolicy.None;
        var testing = domain.Published?.Testing == true;
        var kind = domain.Kind;
        switch (p)
        {
            case DomainPolicy.None:
                return ready
                    ? ("Ready for quarantine: start in test mode.", "p=quarantine; t=y")
                    : ("Not ready: fix the legitimate streams first. Test mode is safe meanwhile (receivers apply none).", "p=quarantine; t=y");
            case DomainPolicy.Quarantine when testing:
                return ready
                    ? ("Ready to enforce quarantine: remove test mode.", "p=quarantine")
                    : ("Not ready: keep test mode until the legitimate streams are fixed.", "p=quarantine; t=y");
            case DomainPolicy.Quarantine:
                return kind switch
                {
                    DomainKind.Mailbox => ("Quarantine is the target for a mailbox domain: stay.", "p=quarantine"),
                    _ when !ready => ("Not ready for reject: fix the legitimate streams first.", "p=quarantine"),
                    DomainKind.Transactional => ("Ready for reject: start in test mode.", "p=reject; t=y"),
                    _ => ("Ready for reject if the domain is transactional (start with t=y); a mailbox domain stays at quarantine.", "p=reject; t=y"),
                };
            default:
                if (kind == DomainKind.Mailbox)
                {
                    return ("RFC 9989 advises quarantine, not reject, for a general-purpose mailbox domain.", "p=quarantine");
                }

                return testing
                    ? ready
                        ? ("Ready to enforce reject: remove test mode.", "p=reject")
                        : ("Not ready: keep test mode until the legitimate streams are fixed.", "p=reject; t=y")
                    : ready
                        ? ("Reject is enforced and no legitimate mail fails: nothing to change.", "p=reject")
                        : ("Reject is enforced but legitimate mail fails: fix the streams listed first.", "p=reject");
        }
    }

    /// <summary>Adds np=reject when the step would leave non-existent subdomains under a weaker policy.</summary>
    private static string WithNp(string next, PolicyPublished? published)
    {
        if (published?.Np is not null || next.Contains("np=", StringComparison.Ordinal))
        {
            return next;
        }

        var nextP = next.StartsWith("p=reject", StringComparison.Ordinal) ? DomainPolicy.Reject
            : next.StartsWith("p=quarantine", StringComparison.Ordinal) ? DomainPolicy.Quarantine
            : DomainPolicy.None;
        var np = published?.Sp ?? nextP;
        return np == DomainPolicy.Reject ? next : next + "; np=reject";
    }

    private static string Current(PolicyPublished? published) =>
        published is null ? "p=none" : $"p={Name(published.P)}" + (published.Testing == true ? "; t=y" : "");

    private static string Name(DomainPolicy? policy) => policy switch
    {
        DomainPolicy.Quarantine => "quarantine",
        DomainPolicy.Reject => "reject",
        _ => "none",
    };
}
