using Dmarc.Reports.Alignment;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Decides the <see cref="StreamClass"/> of a stream from its tally and what is known about its source, in the order
/// DMARC.md gives (compliant, forwarded, misconfigured, suspicious, unknown), and writes down the facts that decided it.
/// A stream is compliant when at least half of its messages pass; the other rules read its failing messages.
/// </summary>
public static class StreamClassifier
{
    public static StreamVerdict Classify(StreamTally stream, SourceInfo? source, IOrganizationalDomains domains)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(domains);
        var spf = stream.Spf.Dominant;
        var dkim = stream.Dkim.Dominant;
        var evidence = new List<string>();
        var own = new OwnDomains(stream, domains);

        if (stream.Key.IsOther)
        {
            evidence.Add($"streams past the bound are summed here ({Shares.Messages(stream.Messages)}); they are not classified");
            return new StreamVerdict(StreamClass.Unknown, spf, dkim, evidence, null);
        }

        if (stream.Messages == 0)
        {
            evidence.Add("reported with a count of 0: no messages to judge");
            return new StreamVerdict(StreamClass.Unknown, spf, dkim, evidence, null);
        }

        var verdict = Decide(stream, source, own, evidence);
        AddCommonEvidence(stream, source, evidence);
        return new StreamVerdict(verdict.Class, spf, dkim, evidence, verdict.Fix);
    }

    private static (StreamClass Class, string? Fix) Decide(StreamTally stream, SourceInfo? source, OwnDomains own, List<string> evidence)
    {
        if (stream.DmarcPass * 2 >= stream.Messages)
        {
            evidence.Add($"DMARC passes for {Shares.Count(stream.DmarcPass)} of {Shares.Messages(stream.Messages)} ({AlignedPasses(stream)}, recomputed from auth_results)");
            if (stream.DmarcFail > 0)
            {
                evidence.Add($"DMARC fails for {Shares.Messages(stream.DmarcFail)} of it");
            }

            return (StreamClass.Compliant, null);
        }

        evidence.Add($"DMARC fails for {Shares.Count(stream.DmarcFail)} of {Shares.Messages(stream.Messages)} (recomputed from auth_results)");
        var sender = source?.Sender;
        if (stream.FailingForwardingOverride > 0 || sender?.Type == SenderType.Forwarder)
        {
            if (stream.FailingForwardingOverride > 0)
            {
                evidence.Add($"receivers name an indirect flow for {Shares.Messages(stream.FailingForwardingOverride)}: {ForwardingOverrides(stream)}");
            }

            if (sender?.Type == SenderType.Forwarder)
            {
                evidence.Add($"the source is a known forwarder: {sender.Name} (matched by {sender.MatchedBy})");
            }

            return (StreamClass.Forwarded, StreamFixes.ForForwarded(stream, own));
        }

        var operatorSource = sender?.Type == SenderType.Operator;
        if (stream.FailingMisaligned > 0 || stream.FailingOwnHeloPass > 0 || operatorSource)
        {
            AddMisalignedEvidence(stream, own, evidence);
            if (operatorSource)
            {
                evidence.Add($"the source is the operator's own or an authorised sender: {sender!.Name} (matched by {sender.MatchedBy})");
            }
            else if (stream.FailingMisaligned > 0 && stream.MisalignedDkimDomains.Count == 0 && !Known(source) && source?.ForwardConfirmed != true)
            {
                evidence.Add("only SPF passes, for another domain, from a source that is not known: if you do not know this sender, treat it as spoofing");
            }

            return (StreamClass.Misconfigured, StreamFixes.ForMisconfigured(stream, source, own));
        }

        evidence.Add($"nothing authenticates: SPF {DiagnosisNames.Of(stream.Spf.Dominant)}, DKIM {DiagnosisNames.Of(stream.Dkim.Dominant)}");
        if (!Known(source))
        {
            evidence.Add(SourceFacts(source));
            if (sender?.Type == SenderType.Hosting)
            {
                evidence.Add($"the source is a hosting network where anyone may send: {sender.Name}");
            }

            return (StreamClass.Suspicious, null);
        }

        evidence.Add($"but the source is a known sender, {sender!.Name} ({SenderTypeNames.Of(sender.Type)}): unauthenticated mail of a customer of theirs, or someone misusing the service");
        return (StreamClass.Unknown, null);
    }

    /// <summary>A source is known when it matched a known service other than a hosting network.</summary>
    private static bool Known(SourceInfo? source) => source?.Sender is { Type: not SenderType.Hosting };

    private static string SourceFacts(SourceInfo? source) => source switch
    {
        null or { ReverseDns: null } => "the source is not known and has no forward-confirmed reverse DNS",
        { ForwardConfirmed: false } => $"the source is not known; its reverse DNS {source.ReverseDns} is not forward-confirmed",
        _ => $"the source is not known; its reverse DNS {source.ReverseDns} is forward-confirmed but belongs to no known sender",
    };

    private static string AlignedPasses(StreamTally stream)
    {
        var dkim = stream.Dkim[MechanismDiagnosis.Pass] > 0;
        var spf = stream.Spf[MechanismDiagnosis.Pass] > 0;
        return dkim && spf ? "aligned DKIM and SPF passes" : dkim ? "aligned DKIM pass" : "aligned SPF pass";
    }

    private static string ForwardingOverrides(StreamTally stream) =>
        string.Join(", ", Enum.GetValues<OverrideReason>()
            .Where(reason => OverrideReasons.NamesForwarding(reason) && stream.OverrideMessages(reason) > 0)
            .Select(reason => $"{OverrideReasons.Name(reason)} {Shares.Count(stream.OverrideMessages(reason))}"));

    private static void AddMisalignedEvidence(StreamTally stream, OwnDomains own, List<string> evidence)
    {
        foreach (var (domain, messages) in stream.MisalignedDkimDomains.Entries)
        {
            evidence.Add($"DKIM passes for d={domain}, which does not align with {stream.Key.HeaderFrom} ({Shares.Messages(messages)})");
        }

        foreach (var (domain, messages) in stream.MisalignedSpfDomains.Entries)
        {
            evidence.Add($"SPF passes for {domain}, which does not align with {stream.Key.HeaderFrom} ({Shares.Messages(messages)})");
        }

        if (stream.FailingOwnHeloPass > 0 && stream.HeloPassDomains.Top is { } helo)
        {
            evidence.Add($"SPF passes only for the HELO name {helo} under {own.Organisational}, which DMARC does not use ({Shares.Messages(stream.FailingOwnHeloPass)})");
        }
    }

    private static void AddCommonEvidence(StreamTally stream, SourceInfo? source, List<string> evidence)
    {
        if (stream.OwnDkimFailing > 0)
        {
            evidence.Add($"a DKIM signature of the Header-From's domain does not verify for {Shares.Messages(stream.OwnDkimFailing)} (changed in transit, or a wrong key)");
        }

        if (stream.ReporterFailDmarcPass > 0)
        {
            evidence.Add($"reporters say fail for {Shares.Messages(stream.ReporterFailDmarcPass)} that hold an aligned pass (reporter disagrees)");
        }

        if (stream.ReporterPassDmarcFail > 0)
        {
            evidence.Add($"reporters say pass for {Shares.Messages(stream.ReporterPassDmarcFail)} without an aligned pass in auth_results (reporter disagrees)");
        }

        var others = Enum.GetValues<OverrideReason>()
            .Where(reason => !OverrideReasons.NamesForwarding(reason) && stream.OverrideMessages(reason) > 0)
            .Select(reason => $"{OverrideReasons.Name(reason)} {Shares.Count(stream.OverrideMessages(reason))}")
            .ToList();
        if (others.Count > 0)
        {
            evidence.Add($"receivers did not apply the policy because of: {string.Join(", ", others)}");
        }

        if (source is not null)
        {
            var network = string.Join(", ", new[]
            {
                source.Asn is { } asn ? $"AS{asn}" + (source.AsOrganization is { } organisation ? $" {organisation}" : "") : null,
                source.Country,
            }.Where(part => part is not null));
            if (network.Length > 0)
            {
                evidence.Add($"network: {network}");
            }

            evidence.AddRange(source.Notes.Select(note => $"enrichment: {note}"));
        }
    }
}

/// <summary>The domains a stream's mail should authenticate with: the Header-From's organisational domain, or the Header-From itself under strict alignment.</summary>
internal sealed class OwnDomains(StreamTally stream, IOrganizationalDomains domains)
{
    public string Organisational { get; } = domains.Of(stream.Key.HeaderFrom);

    public string ForDkim => stream.StrictDkim ? stream.Key.HeaderFrom : Organisational;

    public string ForSpf => stream.StrictSpf ? stream.Key.HeaderFrom : Organisational;
}

/// <summary>The snake_case names of <see cref="SenderType"/> used in JSON and evidence.</summary>
public static class SenderTypeNames
{
    public static string Of(SenderType type) => type switch
    {
        SenderType.MailboxProvider => "mailbox_provider",
        SenderType.EmailServiceProvider => "email_service_provider",
        SenderType.Forwarder => "forwarder",
        SenderType.SecurityGateway => "security_gateway",
        SenderType.Hosting => "hosting",
        _ => "operator",
    };
}
