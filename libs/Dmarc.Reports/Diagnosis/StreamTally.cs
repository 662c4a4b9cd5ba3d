using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Alignment;
using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// The count-weighted numbers of one <see cref="StreamKey"/>, summed as records stream in: messages, the reporters'
/// and the recomputed DMARC result, SPF and DKIM diagnoses, override reasons, dispositions, reporters, policy domains
/// and when it was seen. Memory is flat per stream: every list in it is bounded.
/// </summary>
public sealed class StreamTally(StreamKey key)
{
    private const int NameBound = 16;
    private const int DomainBound = 4;

    private readonly long[] _overrides = new long[OverrideReasons.Count];
    private readonly long[] _dispositions = new long[4];
    private readonly List<PolicyDomainShare> _policyDomains = [];
    private long _lastReport = -1;

    public StreamKey Key { get; } = key;

    public long Messages { get; private set; }

    /// <summary>Messages that pass DMARC by the reporters' <c>policy_evaluated</c>.</summary>
    public long ReporterPass { get; private set; }

    /// <summary>Messages that pass DMARC recomputed from <c>auth_results</c>.</summary>
    public long DmarcPass { get; private set; }

    public long DmarcFail => Messages - DmarcPass;

    /// <summary>Messages the reporter passes although the recomputed result fails.</summary>
    public long ReporterPassDmarcFail { get; private set; }

    /// <summary>Messages the reporter fails although an aligned pass is there.</summary>
    public long ReporterFailDmarcPass { get; private set; }

    public MechanismTally Spf { get; } = new();
    public MechanismTally Dkim { get; } = new();

    /// <summary>Failing messages with an SPF or DKIM pass for a domain that does not align (legitimate but misconfigured).</summary>
    public long FailingMisaligned { get; private set; }

    /// <summary>Failing messages where nothing passes for any domain.</summary>
    public long FailingUnauthenticated { get; private set; }

    /// <summary>Failing messages whose SPF passes only for a HELO name under the Header-From's organisational domain.</summary>
    public long FailingOwnHeloPass { get; private set; }

    /// <summary>Messages with a DKIM signature of the Header-From's organisational domain that does not verify.</summary>
    public long OwnDkimFailing { get; private set; }

    /// <summary>Failing messages for which the receiver named forwarding, a mailing list or an ARC pass.</summary>
    public long FailingForwardingOverride { get; private set; }

    /// <summary>DKIM <c>d=</c> domains that pass without aligning, by failing messages.</summary>
    public NameTally MisalignedDkimDomains { get; } = new(DomainBound);

    /// <summary>SPF (MAIL FROM) domains that pass without aligning, by failing messages.</summary>
    public NameTally MisalignedSpfDomains { get; } = new(DomainBound);

    /// <summary>HELO names SPF passes for, by failing messages whose MAIL FROM does not pass.</summary>
    public NameTally HeloPassDomains { get; } = new(DomainBound);

    public NameTally Reporters { get; } = new(NameBound);

    /// <summary>True when any report of the stream published strict DKIM alignment (<c>adkim=s</c>).</summary>
    public bool StrictDkim { get; private set; }

    /// <summary>True when any report of the stream published strict SPF alignment (<c>aspf=s</c>).</summary>
    public bool StrictSpf { get; private set; }

    public DateTimeOffset? FirstSeen { get; private set; }
    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>Messages from reports whose reporter found organisational domains by DNS tree walk (<c>discovery_method=treewalk</c>).</summary>
    public long TreeWalkMessages { get; private set; }

    /// <summary>Number of reports the stream appears in.</summary>
    public long Reports { get; private set; }

    /// <summary>The policy domains the stream was reported under, with its messages under each.</summary>
    public IReadOnlyList<PolicyDomainShare> PolicyDomains => _policyDomains;

    public long OverrideMessages(OverrideReason reason) => _overrides[(int)reason];

    public long DispositionMessages(Disposition disposition) => _dispositions[(int)disposition];

    internal void Add(AggregateRecord record, RecordAlignment alignment, int overrides, ReportContext report, IOrganizationalDomains domains)
    {
        var count = Math.Max(record.Count, 0);
        if (report.Sequence != _lastReport)
        {
            _lastReport = report.Sequence;
            Reports++;
            FirstSeen = FirstSeen is { } first && first <= report.Period.Begin ? first : report.Period.Begin;
            LastSeen = LastSeen is { } last && last >= report.Period.End ? last : report.Period.End;
            StrictDkim |= report.Policy.Adkim == AlignmentMode.Strict;
            StrictSpf |= report.Policy.Aspf == AlignmentMode.Strict;
        }

        Messages += count;
        TreeWalkMessages += TreeWalkDomains.Walked(report.Policy) ? count : 0;
        ReporterPass += alignment.ReporterPass ? count : 0;
        DmarcPass += alignment.DmarcPass ? count : 0;
        ReporterPassDmarcFail += alignment.ReporterPass && !alignment.DmarcPass ? count : 0;
        ReporterFailDmarcPass += !alignment.ReporterPass && alignment.DmarcPass ? count : 0;
        Spf.Add(alignment.Spf, count);
        Dkim.Add(alignment.Dkim, count);
        _dispositions[(int)record.PolicyEvaluated.Disposition] += count;
        Reporters.Add(report.Reporter, count);
        var forwarding = false;
        for (var i = 0; i < _overrides.Length; i++)
        {
            if (OverrideReasons.Contains(overrides, (OverrideReason)i))
            {
                _overrides[i] += count;
                forwarding |= OverrideReasons.NamesForwarding((OverrideReason)i);
            }
        }

        var ownOrganisation = domains.Of(record.HeaderFrom);
        if (OwnSignatureFails(record, ownOrganisation, domains))
        {
            OwnDkimFailing += count;
        }

        if (!alignment.DmarcPass)
        {
            AddFailing(record, alignment, count, ownOrganisation, domains);
            FailingForwardingOverride += forwarding ? count : 0;
        }

        Share(report.Policy.Domain).Add(count, alignment.DmarcPass, forwarding);
    }

    private void AddFailing(AggregateRecord record, RecordAlignment alignment, long count, string ownOrganisation, IOrganizationalDomains domains)
    {
        var misaligned = false;
        if (alignment.Dkim == MechanismDiagnosis.Misaligned)
        {
            misaligned = true;
            foreach (var domain in alignment.DkimPassDomains)
            {
                MisalignedDkimDomains.Add(domain, count);
            }
        }

        if (alignment.Spf == MechanismDiagnosis.Misaligned)
        {
            misaligned = true;
            MisalignedSpfDomains.Add(alignment.SpfPassDomain ?? record.EnvelopeFrom ?? "", count);
        }

        if (misaligned)
        {
            FailingMisaligned += count;
        }
        else
        {
            FailingUnauthenticated += count;
        }

        if (alignment.Spf != MechanismDiagnosis.Pass && HeloPass(record) is { } helo)
        {
            HeloPassDomains.Add(helo, count);
            if (string.Equals(domains.Of(helo), ownOrganisation, StringComparison.OrdinalIgnoreCase))
            {
                FailingOwnHeloPass += count;
            }
        }
    }

    private static string? HeloPass(AggregateRecord record)
    {
        string? helo = null;
        foreach (var spf in record.Spf)
        {
            if (spf.Result == SpfResult.Pass)
            {
                if (spf.Scope == SpfScope.MailFrom)
                {
                    return null;
                }

                helo ??= spf.Domain;
            }
        }

        return string.IsNullOrEmpty(helo) ? null : helo;
    }

    private static bool OwnSignatureFails(AggregateRecord record, string ownOrganisation, IOrganizationalDomains domains)
    {
        foreach (var dkim in record.Dkim)
        {
            if (dkim.Result is not (DkimResult.Pass or DkimResult.None) && !string.IsNullOrEmpty(dkim.Domain)
                && string.Equals(domains.Of(dkim.Domain), ownOrganisation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private PolicyDomainShare Share(string domain)
    {
        var share = Find(domain);
        if (share is null && _policyDomains.Count >= DomainBound)
        {
            domain = AnalysisOptions.Other;
            share = Find(domain);
        }

        if (share is null)
        {
            share = new PolicyDomainShare(domain);
            _policyDomains.Add(share);
        }

        return share;
    }

    private PolicyDomainShare? Find(string domain)
    {
        foreach (var share in _policyDomains)
        {
            if (string.Equals(share.Domain, domain, StringComparison.OrdinalIgnoreCase))
            {
                return share;
            }
        }

        return null;
    }
}

/// <summary>A stream's messages under one policy domain: how many fail DMARC, and how many of those receivers exempted as forwarded.</summary>
public sealed class PolicyDomainShare(string domain)
{
    public string Domain { get; } = domain;
    public long Messages { get; private set; }
    public long DmarcFail { get; private set; }

    /// <summary>Failing messages the receiver let through naming forwarding, a mailing list or an ARC pass.</summary>
    public long FailingForwardingOverride { get; private set; }

    internal void Add(long count, bool dmarcPass, bool forwarding)
    {
        Messages += count;
        if (!dmarcPass)
        {
            DmarcFail += count;
            FailingForwardingOverride += forwarding ? count : 0;
        }
    }
}
