using System.Runtime.CompilerServices;
using Dmarc.Reports.Input;
namespace Dmarc.Reports.Aggregate;

/// <summary>The metadata and published policy of a report as the builder collects them, then validated.</summary>
internal sealed class ReportHeaderFields
{
    private string? _orgName;
    private string? _email;
    private string? _extraContactInfo;
    private string? _reportId;
    private string? _begin;
    private string? _end;
    private string? _generator;
    private string? _domain;
    private string? _adkim;
    private string? _aspf;
    private string? _p;
    private string? _sp;
    private string? _np;
    private string? _pct;
    private string? _fo;
    private string? _testing;
    private string? _discoveryMethod;
    private bool _metadataSeen;
    private bool _policySeen;

    public string? Version { get; private set; }
    public List<string> ReporterErrors { get; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(ReportNode node, string text)
    {
        switch (node)
        {
            case ReportNode.Version: Version ??= Clean(text); break;
            case ReportNode.Metadata: _metadataSeen = true; break;
            case ReportNode.Policy: _policySeen = true; break;
            case ReportNode.OrgName: _orgName ??= Clean(text); break;
            case ReportNode.Email: _email ??= Clean(text); break;
            case ReportNode.ExtraContactInfo: _extraContactInfo ??= Clean(text); break;
            case ReportNode.ReportId: _reportId ??= Clean(text); break;
            case ReportNode.Begin: _begin ??= text; break;
            case ReportNode.End: _end ??= text; break;
            case ReportNode.Generator: _generator ??= Clean(text); break;
            case ReportNode.MetadataError when Clean(text) is { } error: ReporterErrors.Add(error); break;
            case ReportNode.PolicyDomain: _domain ??= Clean(text); break;
            case ReportNode.Adkim: _adkim ??= Clean(text); break;
            case ReportNode.Aspf: _aspf ??= Clean(text); break;
            case ReportNode.P: _p ??= Clean(text); break;
            case ReportNode.Sp: _sp ??= Clean(text); break;
            case ReportNode.Np: _np ??= Clean(text); break;
            case ReportNode.Pct: _pct ??= Clean(text); break;
            case ReportNode.Fo: _fo ??= Clean(text); break;
            case ReportNode.Testing: _testing ??= Clean(text); break;
            case ReportNode.DiscoveryMethod: _discoveryMethod ??= Clean(text); break;
        }
    }

    /// <summary>An empty element means "not given".</summary>
    private static string? Clean(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    public List<string> Missing()
    {
        var missing = new List<string>();
        if (!_metadataSeen)
        {
            missing.Add("report_metadata");
        }

        if (!_policySeen)
        {
            missing.Add("policy_published");
        }

        if (_orgName is null && AggregateValues.EmailDomain(_email) is null && _metadataSeen)
        {
            missing.Add("org_name (and no email to take it from)");
        }

        if (_reportId is null && _metadataSeen)
        {
            missing.Add("report_id");
        }

        if (!IsUnixTime(_begin) && _metadataSeen)
        {
            missing.Add(_begin is null ? "date_range/begin" : $"date_range/begin (\"{Names.Printable(_begin)}\" is not a time)");
        }

        if (!IsUnixTime(_end) && _metadataSeen)
        {
            missing.Add(_end is null ? "date_range/end" : $"date_range/end (\"{Names.Printable(_end)}\" is not a time)");
        }

        if (_domain is null && _policySeen)
        {
            missing.Add("policy_published/domain");
        }

        return missing;
    }

    /// <summary>A number of seconds that is a time (year 1 to 9999), not merely a number.</summary>
    private static bool IsUnixTime(string? value) => AggregateValues.TryNumber(value, out var seconds)
        && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public ReportMetadata Metadata()
    {
        AggregateValues.TryNumber(_begin, out var begin);
        AggregateValues.TryNumber(_end, out var end);
        return new ReportMetadata
        {
            OrgName = _orgName ?? AggregateValues.EmailDomain(_email)!,
            OrgNameFromEmail = _orgName is null,
            Email = _email,
            ExtraContactInfo = _extraContactInfo,
            ReportId = AggregateValues.ReportId(_reportId!),
            Period = ReportPeriod.FromUnixSeconds(begin, end),
            Generator = _generator,
            ReporterErrors = ReporterErrors,
        };
    }

    public PolicyPublished Policy(AggregateReportBuilder errors)
    {
        return new PolicyPublished
        {
            Domain = AggregateValues.Domain(_domain!),
            Adkim = _adkim is null ? AlignmentMode.Relaxed : AggregateValues.Alignment(_adkim),
            Aspf = _aspf is null ? AlignmentMode.Relaxed : AggregateValues.Alignment(_aspf),
            P = DomainPolicy("p", _p, errors),
            Sp = DomainPolicy("sp", _sp, errors),
            Np = DomainPolicy("np", _np, errors),
            Pct = Percentage(errors),
            Fo = _fo,
            Testing = _testing is null ? null : AggregateValues.YesNo(_testing),
            DiscoveryMethod = _discoveryMethod is null ? null : AggregateValues.Discovery(_discoveryMethod),
        };
    }

    private static DomainPolicy? DomainPolicy(string tag, string? value, AggregateReportBuilder errors)
    {
        if (value is null)
        {
            return null;
        }

        var policy = AggregateValues.Policy(value);
        if (policy is null)
        {
            errors.AddError(ReportErrorSource.Metadata, $"policy_published/{tag} \"{Names.Printable(value)}\" is not none, quarantine or reject");
        }

        return policy;
    }

    private int? Percentage(AggregateReportBuilder errors)
    {
        if (_pct is null)
        {
            return null;
        }

        if (AggregateValues.TryNumber(_pct, out var pct) && pct is >= 0 and <= 100)
        {
            return (int)pct;
        }

        errors.AddError(ReportErrorSource.Metadata, $"policy_published/pct \"{Names.Printable(_pct)}\" is not a percentage");
        return null;
    }
}
