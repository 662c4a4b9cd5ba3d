using Dmarc.Reports.Alignment;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// What to change so that a legitimate stream passes DMARC, in the words an operator acts on: which domain to sign
/// with, which Return-Path to set, and at which service.
/// </summary>
internal static class StreamFixes
{
    public static string? ForMisconfigured(StreamTally stream, SourceInfo? source, OwnDomains own)
    {
        var service = ServiceName(stream, source);
        var fixes = new List<string>();
        if (stream.MisalignedDkimDomains.Top is { } dkimDomain)
        {
            fixes.Add($"DKIM passes for d={dkimDomain}: sign with your own domain (d={own.ForDkim}) in {service}.");
        }

        if (stream.MisalignedSpfDomains.Top is { } spfDomain)
        {
            fixes.Add(stream.StrictSpf
                ? $"SPF passes for {spfDomain}: set the Return-Path to {own.ForSpf} (aspf=s) in {service}."
                : $"SPF passes for {spfDomain}: set a custom Return-Path under {own.ForSpf} in {service}.");
        }

        if (fixes.Count == 0 && stream.FailingOwnHeloPass > 0 && stream.HeloPassDomains.Top is { } helo)
        {
            fixes.Add($"SPF passes only for HELO {helo}, which DMARC does not use: send with a Return-Path under {own.ForSpf} whose SPF record lists this server.");
        }

        if (fixes.Count == 0)
        {
            // The operator's own server, and nothing passes at all.
            if (stream.Dkim.Dominant == MechanismDiagnosis.AuthFail && stream.OwnDkimFailing > 0)
            {
                fixes.Add($"DKIM for d={own.ForDkim} does not verify: check the selector's public key in DNS and that nothing changes the message after signing.");
            }
            else
            {
                fixes.Add($"Sign with DKIM d={own.ForDkim} on this server.");
            }

            if (stream.Spf.Dominant is MechanismDiagnosis.AuthFail or MechanismDiagnosis.None)
            {
                fixes.Add($"Authorise {stream.Key.SourceIp} in the SPF record of {stream.Key.EnvelopeFrom ?? own.ForSpf}.");
            }
        }

        return string.Join(" ", fixes);
    }

    public static string ForForwarded(StreamTally stream, OwnDomains own) =>
        stream.OwnDkimFailing > 0
            ? $"The forwarder or list changes messages and breaks the DKIM signature of {own.ForDkim}: nothing to change at your side; receivers that trust its ARC seal deliver it."
            : $"Sign all mail with DKIM d={own.ForDkim}: a signature that survives forwarding keeps DMARC passing when SPF breaks.";

    /// <summary>The service to change the setting in: its known name, its reverse-DNS domain, or its IP.</summary>
    public static string ServiceName(StreamTally stream, SourceInfo? source) =>
        source?.Sender?.Name
        ?? (source?.BaseDomain is { } baseDomain ? $"the service at {baseDomain}" : $"the service sending from {stream.Key.SourceIp}");
}
