namespace Dmarc.ReportGenerator;

/// <summary>The kinds of sending stream a domain's reports show (DMARC.md, Diagnosis and classification).</summary>
public enum StreamKind
{
    /// <summary>The domain's own mail servers: SPF and DKIM pass aligned (SPF now and then soft-fails).</summary>
    OwnServer,

    /// <summary>An e-mail service provider set up right: DKIM for the domain, Return-Path under the domain.</summary>
    AlignedEsp,

    /// <summary>Forwarded as is: the domain's DKIM signature survives (aligned pass), SPF of the forwarder fails.</summary>
    Forwarded,

    /// <summary>Through a mailing list that changes the message: DMARC fails, the receiver overrides it.</summary>
    MailingList,

    /// <summary>A legitimate service sending as the domain but signing and bouncing with its own domains (misaligned).</summary>
    MisconfiguredEsp,

    /// <summary>Someone else using the domain: nothing authenticates, from networks the domain does not use.</summary>
    Spoofing,
}
